// The one way engines talk HTTP: a timeout per request, cancellation from the job, back-off and
// retry on 429 (honouring Retry-After) and on transient 5xx, and errors mapped to EngineError with
// every secret redacted.
import { SifterError } from '../errors';
import { EngineError, redact } from './engine-error';

export interface EngineHttp {
  /** Engine name for messages ("DeepL"). */
  engine: string;
  /** Secrets to redact from every message (the API key). */
  secrets: readonly (string | null | undefined)[];
  timeoutMs: number;
  /** Retries after a 429 or a transient 5xx. */
  maxRetries: number;
  /** A Retry-After longer than this is not waited for: the request fails as rate-limited. */
  maxRetryWaitMs: number;
  signal?: AbortSignal | undefined;
}

export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  /** JSON (object) or form (URLSearchParams) body. */
  body?: unknown;
}

/**
 * Maps an engine's non-2xx answer to an EngineError; return null to fall back to the generic
 * mapping. `body` is the raw response text (untrusted, may be HTML).
 */
export type ClassifyError = (status: number, body: string) => EngineError | null;

const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const TRANSIENT = new Set([500, 502, 503, 504, 529]);

export const DEFAULT_HTTP: Omit<EngineHttp, 'engine' | 'secrets'> = {
  timeoutMs: 60_000,
  maxRetries: 3,
  maxRetryWaitMs: 60_000,
};

/** Where a request went, for messages: origin and path, never the query (it may carry a key). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** A short, single-line excerpt of an untrusted error body for messages. */
export function excerpt(body: string, max = 200): string {
  let text = body;
  try {
    const json = JSON.parse(body) as unknown;
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      const nested =
        o.error && typeof o.error === 'object' ? (o.error as Record<string, unknown>).message : undefined;
      const picked = o.message ?? nested ?? o.error ?? o.detail ?? o.responseDetails;
      if (typeof picked === 'string') text = picked;
    }
  } catch {
    // not JSON: strip tags from an HTML error page
    text = body.replace(/<[^>]*>/g, ' ');
  }
  text = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new SifterError('CANCELLED', 'Translation cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SifterError('CANCELLED', 'Translation cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

async function readCapped(res: Response): Promise<string> {
  const length = Number(res.headers.get('content-length') ?? '0');
  if (length > MAX_RESPONSE_BYTES) throw new Error(`response too large (${length} bytes)`);
  const text = await res.text();
  if (text.length > MAX_RESPONSE_BYTES) throw new Error('response too large');
  return text;
}

/** Sends one call (with retries) and returns the parsed JSON of a 2xx answer. */
export async function requestJson(
  http: EngineHttp,
  call: HttpCall,
  classify: ClassifyError,
): Promise<unknown> {
  const where = describeUrl(call.url);
  const fail = (failure: ConstructorParameters<typeof EngineError>[0], message: string) =>
    new EngineError(failure, message, http.secrets);

  for (let attempt = 0; ; attempt++) {
    if (http.signal?.aborted) throw new SifterError('CANCELLED', 'Translation cancelled.');
    const timeout = AbortSignal.timeout(http.timeoutMs);
    const signal = http.signal ? AbortSignal.any([http.signal, timeout]) : timeout;
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    let body: string | undefined;
    if (call.body instanceof URLSearchParams) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = call.body.toString();
    } else if (call.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.body);
    }

    let res: Response;
    let text: string;
    try {
      res = await fetch(call.url, { method: call.method, headers, body, signal, redirect: 'error' });
      text = await readCapped(res);
    } catch (err) {
      if (http.signal?.aborted) throw new SifterError('CANCELLED', 'Translation cancelled.');
      if (timeout.aborted) {
        throw fail(
          'timeout',
          `${http.engine} did not answer within ${Math.round(http.timeoutMs / 1000)} s (${where}).`,
        );
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (err as Error).message;
      throw fail(
        'unreachable',
        `Could not reach ${http.engine} at ${where} (${reason}). Check the URL and that the service is running.`,
      );
    }

    if (res.ok) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw fail(
          'bad-response',
          `${http.engine} answered with something that is not JSON (${where}): ${excerpt(text)}`,
        );
      }
    }

    // The engine's own reading first: a 429 that means "quota used up" (OpenAI) is not worth a retry.
    const specific = classify(res.status, text);
    if (specific && specific.failure !== 'rate-limit') throw specific;
    const retryable = res.status === 429 || TRANSIENT.has(res.status);
    if (retryable && attempt < http.maxRetries) {
      const asked = parseRetryAfter(res.headers.get('retry-after'));
      const wait = asked ?? Math.min(1000 * 2 ** attempt, 8000);
      if (wait <= http.maxRetryWaitMs) {
        await sleep(wait, http.signal);
        continue;
      }
    }
    if (specific) throw specific;
    if (res.status === 429) {
      throw fail(
        'rate-limit',
        `${http.engine} is rate-limiting requests (HTTP 429) and still did after ${attempt} retries; try again later.`,
      );
    }
    if (res.status === 401 || res.status === 403) {
      throw fail('bad-key', `${http.engine} refused the API key (HTTP ${res.status}): ${excerpt(text)}`);
    }
    throw fail(
      'bad-response',
      `${http.engine} answered HTTP ${res.status} (${where}): ${redact(excerpt(text), http.secrets)}`,
    );
  }
}
