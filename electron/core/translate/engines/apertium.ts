// Apertium APY (https://wiki.apertium.org/wiki/Apertium-apy): /listPairs tells the installed pairs,
// /translate takes one text with langpair "spa|eng" — Apertium's three-letter codes, mapped from
// Sifter's ISO 639-1 here. One text per request; several requests run side by side.
import type { LanguagePair } from '../../../../shared/api/translate';
import { EngineError } from '../engine-error';
import { DEFAULT_HTTP, excerpt, requestJson, type ClassifyError, type EngineHttp } from '../http';
import { baseUrl, type EngineConfig } from './config';
import { fromApertium, toApertium } from './lang-codes';
import type { BatchResult, TranslateBatch, TranslationEngine } from './types';

interface ApyPair {
  sourceLanguage: string;
  targetLanguage: string;
}

export class ApertiumEngine implements TranslationEngine {
  readonly id = 'apertium' as const;
  readonly label = 'Apertium';
  readonly variant = 'apertium';
  readonly limits = { maxTexts: 1, maxChars: 20_000, concurrency: 4 };
  private readonly base: string;
  private installed: Promise<ApyPair[]> | null = null;

  constructor(private readonly config: EngineConfig) {
    if (!config.url) {
      throw new EngineError(
        'not-configured',
        'Apertium needs the URL of an APY server: set it in Settings → Translation (or pass --engine-url).',
      );
    }
    this.base = baseUrl(config.url, 'Apertium');
  }

  private http(signal?: AbortSignal): EngineHttp {
    return { ...DEFAULT_HTTP, ...this.config.http, engine: 'Apertium', secrets: [], signal };
  }

  private readonly classify: ClassifyError = (status, body) => {
    const message = excerpt(body);
    if (status === 400 && /pair|not installed|not found/i.test(message)) {
      return new EngineError(
        'unsupported-pair',
        `Apertium does not have this language pair installed (${message}).`,
      );
    }
    return null;
  };

  private async apyPairs(signal?: AbortSignal): Promise<ApyPair[]> {
    this.installed ??= requestJson(
      this.http(signal),
      { method: 'GET', url: `${this.base}/listPairs` },
      this.classify,
    ).then((json) => {
      const data = (json as { responseData?: unknown }).responseData;
      if (!Array.isArray(data))
        throw new EngineError('bad-response', 'Apertium: unexpected answer to /listPairs.');
      return data.filter(
        (p): p is ApyPair => typeof p?.sourceLanguage === 'string' && typeof p?.targetLanguage === 'string',
      );
    });
    try {
      return await this.installed;
    } catch (err) {
      this.installed = null; // ask again next time
      throw err;
    }
  }

  async listPairs(signal?: AbortSignal): Promise<LanguagePair[]> {
    const pairs = new Map<string, LanguagePair>();
    for (const p of await this.apyPairs(signal)) {
      const from = fromApertium(p.sourceLanguage);
      const to = fromApertium(p.targetLanguage);
      if (from && to && from !== to) pairs.set(`${from}|${to}`, { from, to });
    }
    return [...pairs.values()];
  }

  /** The installed APY pair for an ISO 639-1 pair, preferring the plain variant ("eng" over "eng_US"). */
  private async langpair(from: string | null, to: string, signal?: AbortSignal): Promise<string> {
    if (!from)
      throw new EngineError(
        'unsupported-pair',
        'Apertium needs the source language, and this item has none recorded.',
      );
    const src = toApertium(from);
    const tgt = toApertium(to);
    const candidates = (await this.apyPairs(signal)).filter(
      (p) => fromApertium(p.sourceLanguage) === from && fromApertium(p.targetLanguage) === to,
    );
    const exact =
      candidates.find((p) => p.sourceLanguage === src && p.targetLanguage === tgt) ?? candidates[0];
    if (!exact) {
      const available = (await this.listPairs(signal)).map((p) => `${p.from}→${p.to}`).join(', ') || 'none';
      throw new EngineError(
        'unsupported-pair',
        `Apertium has no ${from}→${to} pair installed (installed: ${available}).`,
      );
    }
    return `${exact.sourceLanguage}|${exact.targetLanguage}`;
  }

  async translate(batch: TranslateBatch): Promise<BatchResult> {
    const langpair = await this.langpair(batch.from, batch.to, batch.signal);
    const texts: string[] = [];
    for (const q of batch.texts) {
      // markUnknown=no: no "*" before words the dictionaries lack (the analyst sees the word as is).
      const form = new URLSearchParams({ langpair, q, markUnknown: 'no' });
      const json = await requestJson(
        this.http(batch.signal),
        { method: 'POST', url: `${this.base}/translate`, body: form },
        this.classify,
      );
      const text = (json as { responseData?: { translatedText?: unknown } }).responseData?.translatedText;
      if (typeof text !== 'string')
        throw new EngineError('bad-response', 'Apertium: the answer had no translatedText.');
      texts.push(text);
    }
    return { texts, billedChars: 0 };
  }
}
