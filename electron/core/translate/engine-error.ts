// Engine failures in words the analyst can act on. Every message passes through `redact` so an API
// key can never reach a log, an error dialog or the CLI's stderr.
import { SifterError } from '../errors';
import type { ErrorCode } from '../../../shared/api';

export type EngineFailure =
  | 'bad-key' // the service refused the credentials
  | 'quota' // the account's character quota is used up
  | 'rate-limit' // too many requests, still after backing off
  | 'unsupported-pair' // the engine does not translate this language pair
  | 'unreachable' // nothing answers at the URL
  | 'timeout' // the engine did not answer in time
  | 'bad-response' // an answer we cannot use (wrong shape, wrong segment count)
  | 'not-configured'; // no URL / no key

const CODES: Record<EngineFailure, ErrorCode> = {
  'bad-key': 'REFUSED',
  quota: 'REFUSED',
  'rate-limit': 'UNAVAILABLE',
  'unsupported-pair': 'UNSUPPORTED',
  unreachable: 'UNAVAILABLE',
  timeout: 'UNAVAILABLE',
  'bad-response': 'UNAVAILABLE',
  'not-configured': 'UNAVAILABLE',
};

/** Replaces every occurrence of each secret (and of its URL-encoded form) with "[redacted]". */
export function redact(text: string, secrets: readonly (string | null | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    for (const form of new Set([secret, encodeURIComponent(secret)]))
      out = out.split(form).join('[redacted]');
  }
  return out;
}

export class EngineError extends SifterError {
  readonly failure: EngineFailure;
  /** Whether the rest of a job can go on (false: every further request would fail the same way). */
  readonly fatal: boolean;
  constructor(failure: EngineFailure, message: string, secrets: readonly (string | null | undefined)[] = []) {
    super(CODES[failure], redact(message, secrets));
    this.name = 'EngineError';
    this.failure = failure;
    this.fatal =
      failure === 'bad-key' ||
      failure === 'quota' ||
      failure === 'not-configured' ||
      failure === 'unreachable';
  }
}
