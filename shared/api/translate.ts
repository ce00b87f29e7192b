// Translation calls (issue 6): engines, per-item translations aligned by sentence, analyst edits,
// background jobs over many items, and usage from the translation memory.
import { z } from 'zod';
import { defineCall } from './define';

export const engineIds = ['deepl', 'libretranslate', 'openai', 'apertium'] as const;
export type EngineId = (typeof engineIds)[number];

/** ISO 639-1 everywhere in Sifter ("en", "ru", "uk"); each engine maps to its own codes at the edge. */
export const langCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code such as "en", "ru" or "uk"');

export interface LanguagePair {
  /** ISO 639-1 source language, or "auto" when the engine detects it. */
  from: string;
  to: string;
}

/** One sentence of an item's text and its translation. Offsets index the original text. */
export interface TranslatedSegment {
  index: number;
  paragraph: number;
  start: number;
  end: number;
  source: string;
  /** Empty while not translated (no engine configured, or the engine failed for it). */
  target: string;
  /** Engine variant that produced the target ("apertium", "deepl-free", "openai:gpt-4o-mini"), "manual" when typed. */
  engine: string | null;
  /** The analyst changed (or typed) this sentence: machine translation never overwrites it. */
  edited: boolean;
  /** [start, end) of `target` within `ItemTranslation.text`, for highlights and clips on the translation. */
  targetStart: number;
  targetEnd: number;
}

export interface ItemTranslation {
  itemId: number;
  /** Target language (ISO 639-1). */
  to: string;
  /** Source language as the item records it (null when unknown). */
  from: string | null;
  /** The engine variant of the last machine translation, "manual", or null when nothing is stored yet. */
  engine: string | null;
  /** Whether a translation is stored (false: the segments are the untranslated skeleton). */
  stored: boolean;
  edited: boolean;
  segments: TranslatedSegment[];
  /** The translated text: sentences joined by spaces, paragraphs by line breaks. */
  text: string;
  /** The item's title and its translation, when it has one. */
  title: { source: string; target: string; engine: string | null; edited: boolean } | null;
  updatedAt: number | null;
  /** How the last machine translation went: sentences from memory vs from the engine, billed characters. */
  stats: { fromMemory: number; fromEngine: number; billedChars: number } | null;
}

export interface EngineStatus {
  id: EngineId;
  label: string;
  /** Where it is reached (a URL), or null when not set. */
  endpoint: string | null;
  /** Engine variant used as the memory key ("deepl-free", "openai:llama3"…). */
  variant: string;
  /** Ready to translate (URL set, key found when one is needed). */
  ready: boolean;
  /** What is missing, in words the analyst can act on ("Set SIFTER_DEEPL_KEY…"). */
  problem: string | null;
  /** Where the API key comes from (never the key itself). */
  keySource: string | null;
}

export interface EnginesInfo {
  /** The engine chosen in Settings → Translation ("none" when not configured). */
  current: EngineId | 'none';
  engines: EngineStatus[];
  /** The current engine's language pairs (asked from the engine), or null when it could not be asked. */
  pairs: LanguagePair[] | null;
  /** Why the pairs could not be listed. */
  pairsError: string | null;
  /** How to configure an engine when none is (shown by the Reader). */
  help: string;
}

export interface TranslationUsage {
  byEngine: { engine: string; sentences: number; billedChars: number }[];
  totalBilledChars: number;
}

export interface TranslateJobResult {
  to: string;
  items: number;
  translated: number;
  /** Items with nothing to translate or already in the target language. */
  skipped: number;
  failed: { itemId: number; error: string }[];
  fromMemory: number;
  fromEngine: number;
  billedChars: number;
  engineRequests: number;
}

/** Engines that need an API key (Apertium APY does not). */
export const keyedEngineIds = ['deepl', 'libretranslate', 'openai'] as const;
export type KeyedEngineId = (typeof keyedEngineIds)[number];

/** Whether an engine's API key is set and where it comes from — never the key itself. */
export interface KeyStatus {
  engine: KeyedEngineId;
  set: boolean;
  /** "the system keychain", "environment variable SIFTER_DEEPL_KEY", "key file …", or null. */
  source: string | null;
  /** Why the key cannot be read (a key file others can read…), or null. */
  problem: string | null;
}

const itemId = z.number().int().positive();

export const translateCalls = {
  /** The configured engine, each engine's readiness, the current engine's pairs. */
  'translate.engines': defineCall<EnginesInfo>()(z.object({ pairs: z.boolean().default(true) }).strict()),
  /** Translates one item now (sentences from memory where possible) and stores it. */
  'translate.item': defineCall<ItemTranslation>()(
    z.object({ itemId, to: langCodeSchema, engine: z.enum(engineIds).optional() }).strict(),
  ),
  /** The stored translation, or the untranslated skeleton (so a translation can be typed). */
  'translate.get': defineCall<ItemTranslation>()(z.object({ itemId, to: langCodeSchema }).strict()),
  /** Sets one sentence's translation by hand; marks it edited. index -1 is the title. */
  'translate.editSegment': defineCall<ItemTranslation>()(
    z
      .object({ itemId, to: langCodeSchema, index: z.number().int().min(-1), text: z.string().max(20_000) })
      .strict(),
  ),
  /** Translates many items in a background job: by ids, by search query, or by tag. */
  'translate.start': defineCall<{ jobId: string; items: number }>()(
    z
      .object({
        ids: z.array(itemId).min(1).max(1_000_000).optional(),
        query: z.string().min(1).max(10_000).optional(),
        tag: z.string().min(1).max(500).optional(),
        to: langCodeSchema,
        engine: z.enum(engineIds).optional(),
      })
      .strict()
      .refine((r) => [r.ids, r.query, r.tag].filter((x) => x !== undefined).length === 1, {
        message: 'give exactly one of ids, query or tag',
      }),
  ),
  /** Billed characters and sentences per engine, from the translation memory. */
  'translate.usage': defineCall<TranslationUsage>()(z.object({}).strict()),
  /**
   * Stores an engine's API key (null removes it): the system keychain in the app, a key file only
   * the user can read in browser mode. Never settings, never a log. Answers with the key's status.
   */
  'translate.setKey': defineCall<KeyStatus>()(
    z
      .object({
        engine: z.enum(keyedEngineIds),
        key: z
          .string()
          .trim()
          .min(1, 'the key is empty')
          .max(4096, 'that is too long for an API key')
          .regex(/^[\x21-\x7e]+$/, 'an API key has no spaces, line breaks or non-ASCII characters')
          .nullable(),
      })
      .strict(),
  ),
  /** Whether each keyed engine has a key, and where it comes from (never the key). */
  'translate.keyStatus': defineCall<KeyStatus[]>()(z.object({}).strict()),
} as const;
