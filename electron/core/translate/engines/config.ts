import type { EngineId } from '../../../../shared/api/translate';
import { EngineError } from '../engine-error';
import type { EngineHttp } from '../http';

/** Everything an engine needs to run: where, which variant, and the key (never stored in settings). */
export interface EngineConfig {
  id: EngineId;
  /** Service URL (LibreTranslate, OpenAI-compatible base URL, Apertium APY); for DeepL an override of the host. */
  url: string | null;
  deeplHost: 'free' | 'pro';
  /** Chat model name (OpenAI-compatible). */
  model: string;
  key: string | null;
  /** Timeouts and retries; tests shorten them. */
  http?: Partial<Pick<EngineHttp, 'timeoutMs' | 'maxRetries' | 'maxRetryWaitMs'>>;
}

/** A URL's base without a trailing slash, after checking it is http(s). */
export function baseUrl(url: string, engine: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EngineError('not-configured', `${engine}: "${url.slice(0, 200)}" is not a URL.`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new EngineError(
      'not-configured',
      `${engine}: the URL must start with http:// or https:// (got ${parsed.protocol}).`,
    );
  }
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}
