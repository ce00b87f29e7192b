// The one interface every translation engine implements (DeepL, LibreTranslate, OpenAI-compatible
// chat models, Apertium APY). Languages are ISO 639-1 on this side; engines map at their edge.
import type { EngineId, LanguagePair } from '../../../../shared/api/translate';

export interface EngineLimits {
  /** Texts per request (DeepL: 50). */
  maxTexts: number;
  /** Characters per request, summed over its texts. */
  maxChars: number;
  /** Requests in flight at once. */
  concurrency: number;
}

export interface TranslateBatch {
  texts: string[];
  /** ISO 639-1 source, or null to let the engine detect it (where it can). */
  from: string | null;
  to: string;
  signal?: AbortSignal | undefined;
}

export interface BatchResult {
  /** Same length and order as the request's texts. */
  texts: string[];
  /** Characters the service billed for this request (as reported, else counted). */
  billedChars: number;
}

export interface TranslationEngine {
  readonly id: EngineId;
  readonly label: string;
  /** Memory key of this engine and its variant ("deepl-free", "openai:gpt-4o-mini", "apertium"). */
  readonly variant: string;
  readonly limits: EngineLimits;
  listPairs(signal?: AbortSignal): Promise<LanguagePair[]>;
  /** Translates one request's worth of texts (callers split by `limits`). */
  translate(batch: TranslateBatch): Promise<BatchResult>;
}
