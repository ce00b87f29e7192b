// DeepL API v2 (https://developers.deepl.com/docs/api-reference/translate): free host
// api-free.deepl.com or pro host api.deepl.com, `Authorization: DeepL-Auth-Key …`, at most 50 texts
// per request; 403 = bad key, 456 = quota exceeded, 429 = too many requests (back off and retry).
import type { LanguagePair } from '../../../../shared/api/translate';
import { EngineError } from '../engine-error';
import { DEFAULT_HTTP, excerpt, requestJson, type ClassifyError, type EngineHttp } from '../http';
import type { EngineConfig } from './config';
import { baseUrl } from './config';
import { fromDeepl, toDeeplSource, toDeeplTarget } from './lang-codes';
import type { BatchResult, TranslateBatch, TranslationEngine } from './types';

export const DEEPL_HOSTS = { free: 'https://api-free.deepl.com', pro: 'https://api.deepl.com' } as const;

export class DeeplEngine implements TranslationEngine {
  readonly id = 'deepl' as const;
  readonly label = 'DeepL';
  readonly variant: string;
  // The request body may be at most 128 KiB; Cyrillic takes two bytes a character in UTF-8.
  readonly limits = { maxTexts: 50, maxChars: 30_000, concurrency: 2 };
  private readonly base: string;
  private readonly key: string;

  constructor(private readonly config: EngineConfig) {
    if (!config.key) {
      throw new EngineError(
        'not-configured',
        'DeepL needs an API key: set SIFTER_DEEPL_KEY (or SIFTER_DEEPL_KEY_FILE).',
      );
    }
    this.key = config.key;
    this.variant = `deepl-${config.deeplHost}`;
    this.base = config.url ? baseUrl(config.url, 'DeepL') : DEEPL_HOSTS[config.deeplHost];
  }

  private http(signal?: AbortSignal): EngineHttp {
    return { ...DEFAULT_HTTP, ...this.config.http, engine: 'DeepL', secrets: [this.key], signal };
  }

  private headers(): Record<string, string> {
    return { authorization: `DeepL-Auth-Key ${this.key}` };
  }

  private readonly classify: ClassifyError = (status, body) => {
    const secrets = [this.key];
    if (status === 403 || status === 401) {
      const hint =
        this.key.endsWith(':fx') === (this.config.deeplHost === 'free')
          ? ''
          : ` The key looks like a ${this.key.endsWith(':fx') ? 'free' : 'pro'} key but the ${this.config.deeplHost} host is set (Settings → Translation).`;
      return new EngineError(
        'bad-key',
        `DeepL refused the API key (HTTP ${status}). Check SIFTER_DEEPL_KEY.${hint}`,
        secrets,
      );
    }
    if (status === 456) {
      return new EngineError(
        'quota',
        'DeepL: the character quota of this API key is used up (HTTP 456). It renews with the next billing period; upgrade the plan or switch engines meanwhile.',
        secrets,
      );
    }
    if (status === 400 && /lang|language/i.test(body)) {
      return new EngineError(
        'unsupported-pair',
        `DeepL does not support this language pair: ${excerpt(body)}`,
        secrets,
      );
    }
    if (status === 413)
      return new EngineError('bad-response', 'DeepL: the request was too large (HTTP 413).', secrets);
    return null;
  };

  async listPairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    const get = async (type: 'source' | 'target') => {
      const json = await requestJson(
        this.http(signal),
        { method: 'GET', url: `${this.base}/v2/languages?type=${type}`, headers: this.headers() },
        this.classify,
      );
      if (!Array.isArray(json))
        throw new EngineError('bad-response', 'DeepL: unexpected answer to /v2/languages.');
      return [
        ...new Set(
          json
            .map((l) => fromDeepl(String((l as { language?: unknown }).language ?? '')))
            .filter((c) => /^[a-z]{2}$/.test(c)),
        ),
      ];
    };
    const [sources, targets] = [await get('source'), await get('target')];
    const pairs: LanguagePair[] = [];
    for (const to of targets) {
      pairs.push({ from: 'auto', to });
      for (const from of sources) if (from !== to) pairs.push({ from, to });
    }
    return pairs;
  }

  async translate(batch: TranslateBatch): Promise<BatchResult> {
    if (batch.texts.length > this.limits.maxTexts)
      throw new Error(`DeepL takes at most ${this.limits.maxTexts} texts per request`);
    const body: Record<string, unknown> = {
      text: batch.texts,
      target_lang: toDeeplTarget(batch.to),
      show_billed_characters: true,
    };
    if (batch.from) body.source_lang = toDeeplSource(batch.from);
    const json = await requestJson(
      this.http(batch.signal),
      { method: 'POST', url: `${this.base}/v2/translate`, headers: this.headers(), body },
      this.classify,
    );
    const translations = (json as { translations?: unknown }).translations;
    if (!Array.isArray(translations) || translations.length !== batch.texts.length) {
      throw new EngineError(
        'bad-response',
        `DeepL returned ${Array.isArray(translations) ? translations.length : 'no'} translations for ${batch.texts.length} texts.`,
      );
    }
    let billed = 0;
    const texts = translations.map((t, i) => {
      const entry = t as { text?: unknown; billed_characters?: unknown };
      if (typeof entry.text !== 'string')
        throw new EngineError('bad-response', 'DeepL returned a translation without text.');
      billed +=
        typeof entry.billed_characters === 'number' ? entry.billed_characters : (batch.texts[i]?.length ?? 0);
      return entry.text;
    });
    return { texts, billedChars: billed };
  }
}
