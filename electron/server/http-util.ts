// Small helpers shared by the routes: JSON answers in the Result shape, capped body reading, and
// the security headers every response carries.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiError, ErrorCode, Result } from '../../shared/api';

/**
 * The CSP of the built UI in browser mode. Scripts and styles only from the bundle, no inline
 * script, no eval, no plugins, no framing; images may be media of the workspace or data/blob URLs
 * the UI makes itself. Archive HTML is sanitised before display, and this is the second fence.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "worker-src 'self' blob:",
].join('; ');

/** For files of the workspace (media): never run as a document, whatever they claim to be. */
export const MEDIA_CSP =
  "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export function baseHeaders(): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  INVALID: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  UNSUPPORTED: 422,
  UNAVAILABLE: 503,
  CANCELLED: 409,
  INTERNAL: 500,
};

/** The HTTP status that matches a Result; the body always carries the Result itself. */
export function statusFor(result: Result<unknown>): number {
  return result.ok ? 200 : STATUS_BY_CODE[result.error.code];
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...baseHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

export function sendResult(res: ServerResponse, result: Result<unknown>): void {
  sendJson(res, statusFor(result), result);
}

export function sendError(res: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const error: ApiError = { code, message };
  // The request body may be unread; closing keeps a large refused upload from being read to the end.
  if (!res.req.complete) res.setHeader('Connection', 'close');
  sendJson(res, status, { ok: false, error });
}

/** Raised while reading a body; carries the HTTP status and Result code to answer with. */
export class BodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/** Reads the whole (small) body, refusing it as soon as it grows beyond `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    throw new BodyError(413, 'INVALID', `The request body is larger than ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, 'INVALID', `The request body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One header's value as a string (the first, when a client repeats it). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
