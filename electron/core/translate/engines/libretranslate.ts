// LibreTranslate (https://docs.libretranslate.com/guides/api_usage/): a self-hosted URL, an optional
// api_key, `q` given as an array to translate many texts in one request, /languages for the pairs.
import type { LanguagePair } from '../../../../shared/api/translate';
import { EngineError } from '../engine-error';
import { DEFAULT_HTTP, excerpt, requestJson, type ClassifyError, type EngineHttp } from '../http';
import { baseUrl, type EngineConfig } from './config';
import { fromLibre, toLibre } from './lang-codes';
import type { BatchResult, TranslateBatch, TranslationEngine } from './types';

export class LibreTranslateEngine implements TranslationEngine {
  readonly id = 'libretranslate' as const;
  readonly label = 'LibreTranslate';
  readonly variant = 'libretranslate';
  // Public instances cap a request at a few thousand characters (char_limit); stay under it.
  readonly limits = { maxTexts: 50, maxChars: 5_000, concurrency: 2 };
  private readonly base: string;

  constructor(private readonly config: EngineConfig) {
    if (!config.url) {
      throw new EngineError(
        'not-configured',
        'LibreTranslate needs the URL of a server: set it in Settings → Translation (or pass --engine-url).',
      );
    }
    this.base = baseUrl(config.url, 'LibreTranslate');
  }

  private http(signal?: AbortSignal): EngineHttp {
    return {
      ...DEFAULT_HTTP,
      ...this.config.http,
      engine: 'LibreTranslate',
      secrets: [this.config.key],
      signal,
    };
  }

  private readonly classify: ClassifyError = (status, body) => {
    const secrets = [this.config.key];
    const message = excerpt(body);
    if (status === 403 || status === 401) {
      const hint = this.config.key
        ? 'Check SIFTER_LIBRETRANSLATE_KEY.'
        : 'This server needs an API key: set SIFTER_LIBRETRANSLATE_KEY.';
      return new EngineError(
        'bad-key',
        `LibreTranslate refused the request (HTTP ${status}: ${message}). ${hint}`,
        secrets,
      );
    }
    if (status === 400 && /not supported|language/i.test(message)) {
      return new EngineError(
        'unsupported-pair',
        `LibreTranslate does not support this language pair: ${message}`,
        secrets,
      );
    }
    if (status === 429 && /limit/i.test(message) && /day|month|quota|char/i.test(message)) {
      return new EngineError(
        'quota',
        `LibreTranslate: the server's limit for this key is used up (${message}).`,
        secrets,
      );
    }
    return null;
  };

  async listPairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    const json = await requestJson(
      this.http(signal),
      { method: 'GET', url: `${this.base}/languages` },
      this.classify,
    );
    if (!Array.isArray(json))
      throw new EngineError('bad-response', 'LibreTranslate: unexpected answer to /languages.');
    const pairs = new Map<string, LanguagePair>();
    for (const entry of json as { code?: unknown; targets?: unknown }[]) {
      if (typeof entry.code !== 'string') continue;
      const from = fromLibre(entry.code);
      const targets = Array.isArray(entry.targets)
        ? entry.targets.filter((t): t is string => typeof t === 'string')
        : [];
      for (const t of targets) {
        const to = fromLibre(t);
        if (to !== from) pairs.set(`${from}|${to}`, { from, to });
        pairs.set(`auto|${to}`, { from: 'auto', to });
      }
    }
    return [...pairs.values()];
  }

  async translate(batch: TranslateBatch): Promise<BatchResult> {
    const body: Record<string, unknown> = {
      q: batch.texts,
      source: batch.from ? toLibre(batch.from) : 'auto',
      target: toLibre(batch.to),
      format: 'text',
    };
    if (this.config.key) body.api_key = this.config.key;
    const json = await requestJson(
      this.http(batch.signal),
      { method: 'POST', url: `${this.base}/translate`, body },
      this.classify,
    );
    const translated = (json as { translatedText?: unknown }).translatedText;
    // An array q gets an array back; older servers answer a one-element q with a plain string.
    const texts = Array.isArray(translated)
      ? translated
      : typeof translated === 'string' && batch.texts.length === 1
        ? [translated]
        : null;
    if (!texts || texts.length !== batch.texts.length || texts.some((t) => typeof t !== 'string')) {
      throw new EngineError(
        'bad-response',
        `LibreTranslate returned ${Array.isArray(texts) ? texts.length : 'no'} translations for ${batch.texts.length} texts.`,
      );
    }
    return { texts: texts as string[], billedChars: batch.texts.reduce((n, t) => n + t.length, 0) };
  }
}
