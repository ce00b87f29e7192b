import type { ApiError, ErrorCode } from '../../shared/api';

/** The one error type core code throws on purpose; the dispatcher turns it into `{ok:false,error}`. */
export class SifterError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = 'SifterError';
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof SifterError) return { code: err.code, message: err.message };
  if (err instanceof Error && err.name === 'AbortError') return { code: 'CANCELLED', message: 'Cancelled.' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: `Internal error: ${message}` };
}
