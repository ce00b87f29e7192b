// Serving files read-only: the built UI (static) and the workspace's media/ folder. Both go through
// the path guard in paths.ts; media additionally never runs as a document (sandbox CSP, SVG and
// unknown types as downloads) and answers byte ranges so videos can seek.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { APP_CSP, MEDIA_CSP, baseHeaders, sendError } from './http-util';
import { decodeUrlPath, resolveForReading } from './paths';
import { isInlineMedia, mimeFor } from './mime';

/** Parses a single `bytes=a-b` range; null for none or anything it does not support. */
export function parseRange(
  value: string | undefined,
  size: number,
): { start: number; end: number } | null | 'unsatisfiable' {
  if (!value) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(value.trim());
  if (!match) return null;
  const [, a = '', b = ''] = match;
  if (a === '' && b === '') return null;
  let start: number;
  let end: number;
  if (a === '') {
    start = Math.max(0, size - Number(b));
    end = size - 1;
  } else {
    start = Number(a);
    end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  }
  if (start > end || start >= size) return 'unsatisfiable';
  return { start, end };
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string>,
): Promise<void> {
  const stat = statSync(file);
  if (!stat.isFile()) {
    sendError(res, 404, 'NOT_FOUND', 'Not found.');
    return;
  }
  const range = parseRange(req.headers.range, stat.size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stat.size}` });
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? stat.size - 1;
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Accept-Ranges': 'bytes',
    'Content-Length': String(Math.max(0, end - start + 1)),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stat.size}` } : {}),
  });
  if (req.method === 'HEAD' || stat.size === 0) {
    res.end();
    return;
  }
  await pipeline(createReadStream(file, { start, end }), res);
}

/** GET /… — a file of the built renderer; "/" is index.html. */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  rendererDir: string,
  urlPath: string,
): Promise<void> {
  const decoded = decodeUrlPath(urlPath);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded?.replace(/^\/+/, '');
  const file = relative === undefined ? null : resolveForReading(rendererDir, relative);
  if (!file) {
    const missingUi = relative === 'index.html';
    sendError(
      res,
      404,
      'NOT_FOUND',
      missingUi
        ? `The UI is not built (${rendererDir} has no index.html). Run \`npm run build\`.`
        : 'Not found.',
    );
    return;
  }
  const type = mimeFor(file);
  await sendFile(req, res, file, {
    ...baseHeaders(),
    'Content-Type': type,
    'Content-Security-Policy': APP_CSP,
    // index.html names hashed bundles: it must be revalidated; the bundles themselves never change.
    'Cache-Control': type.startsWith('text/html') ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
}

/** GET /api/media/<relative path> — a file under the workspace's media/ folder, read-only. */
export async function serveMedia(
  req: IncomingMessage,
  res: ServerResponse,
  mediaDir: string,
  encodedPath: string,
): Promise<void> {
  const decoded = decodeUrlPath(encodedPath);
  const file = decoded ? resolveForReading(mediaDir, decoded) : null;
  if (!file) {
    sendError(res, 404, 'NOT_FOUND', 'The media file is not in this workspace.');
    return;
  }
  const type = mimeFor(file);
  const inline = isInlineMedia(type);
  await sendFile(req, res, file, {
    ...baseHeaders(),
    'Content-Type': inline ? type : 'application/octet-stream',
    'Content-Security-Policy': MEDIA_CSP,
    'Content-Disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(basename(file))}`,
    'Cache-Control': 'private, max-age=3600',
  });
}
