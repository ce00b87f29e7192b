// Stemmers for the three languages Sifter searches: Russian (lunr-languages' Snowball), English
// (Lunr's Porter stemmer) and Ukrainian (@nlpjs/lang-uk, which lunr-languages lacks). Each is also
// registered as a Lunr pipeline function. Lunr's own trimmers are never used: the default one
// strips every non-ASCII character and would erase Cyrillic words.
import { createRequire } from 'node:module';
import lunr from 'lunr';

// Not named `require`: bundlers put their own `require` shim at the top of ESM bundles.
const requireCjs = createRequire(import.meta.url);

type StemFn = (word: string) => string;

interface UkStemmer {
  stemWord(word: string): string;
}

let loaded: { ru: StemFn; en: StemFn; uk: StemFn } | null = null;

function load(): { ru: StemFn; en: StemFn; uk: StemFn } {
  if (loaded) return loaded;
  const lunrAny = lunr as unknown as Record<string, unknown> & { ru?: { stemmer: lunr.PipelineFunction } };
  if (!lunrAny.ru) {
    (requireCjs('lunr-languages/lunr.stemmer.support') as (l: unknown) => void)(lunr);
    (requireCjs('lunr-languages/lunr.ru') as (l: unknown) => void)(lunr);
  }
  const ruPipeline = lunrAny.ru!.stemmer;
  const { StemmerUk } = requireCjs('@nlpjs/lang-uk') as { StemmerUk: new () => UkStemmer };
  const uk = new StemmerUk();
  const viaToken =
    (fn: lunr.PipelineFunction): StemFn =>
    (word) =>
      String(fn(new lunr.Token(word, {}), 0, []));
  loaded = { ru: viaToken(ruPipeline), en: viaToken(lunr.stemmer), uk: (w) => uk.stemWord(w) };
  return loaded;
}

export type StemLanguage = 'ru' | 'uk' | 'en';

/** Memoised stems: word frequencies are Zipfian, so a small cache absorbs most of the work. */
const MAX_CACHE = 300_000;
const caches: Record<StemLanguage, Map<string, string>> = { ru: new Map(), uk: new Map(), en: new Map() };

export function stem(word: string, lang: StemLanguage): string {
  const cache = caches[lang];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const out = load()[lang](word) || word;
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(word, out);
  return out;
}

/** The Ukrainian stemmer as a Lunr pipeline function (for Lunr pipelines built outside Sifter's analyser). */
export const ukrainianStemmer: lunr.PipelineFunction = (token) => token.update((word) => stem(word, 'uk'));
lunr.Pipeline.registerFunction(ukrainianStemmer, 'sifter-stemmer-uk');
