// Building blocks of the one typed contract (DESIGN §2): each call is declared once with the zod
// schema of its request and the TypeScript type of its response.
import type { z } from 'zod';

export type ErrorCode =
  | 'INVALID' // the request does not match the contract, or an argument is wrong
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'REFUSED' // input refused on purpose (hostile or malformed archive, newer workspace…)
  | 'UNSUPPORTED'
  | 'UNAVAILABLE' // a service or binary that is not there (engine unreachable, no Chromium…)
  | 'CANCELLED'
  | 'INTERNAL';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface CallSpec<S extends z.ZodType, R> {
  req: S;
  /** Phantom: carries the response type only. */
  res?: R;
}

/** `defineCall<Response>()(requestSchema)` — curried so the response type can be given explicitly. */
export const defineCall =
  <R>() =>
  <S extends z.ZodType>(req: S): CallSpec<S, R> => ({ req });
