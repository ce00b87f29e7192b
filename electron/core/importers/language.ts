// Language of an item when the archive does not say. franc-min is restricted to the languages an
// analyst of this region meets; the alphabet decides first, because Ukrainian and Russian are easy
// to confuse on short posts while a single і, ї, є or ґ settles it.
import { franc } from 'franc-min';

/** ISO 639-3 (franc) → ISO 639-1 (Sifter). */
const CANDIDATES: Record<string, string> = {
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  eng: 'en',
  spa: 'es',
  deu: 'de',
  fra: 'fr',
  pol: 'pl',
  ita: 'it',
  por: 'pt',
};
const ONLY = Object.keys(CANDIDATES);

const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/g;
const BELARUSIAN_ONLY = /[ўЎ]/;
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/g;
const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z\u00C0-\u024F]/g;

const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'and',
  'of',
  'to',
  'in',
  'is',
  'are',
  'was',
  'were',
  'that',
  'for',
  'on',
  'with',
  'as',
  'by',
  'this',
  'it',
  'be',
  'from',
  'at',
  'we',
  'they',
  'he',
  'she',
  'not',
  'have',
  'has',
  'will',
  'our',
  'their',
  'an',
  'or',
]);

/** Letters of the text without links, mentions and hashtags, which say nothing about the language. */
function prose(text: string): string {
  return text.replace(/https?:\/\/\S+|[@#]\w+/gu, ' ');
}

/** An ISO 639-1 code, or null when the text is too short or mixed to tell. */
export function detectLanguage(text: string): string | null {
  // A few hundred characters tell the language as well as the whole text, at a fraction of the cost.
  const sample = prose(text.slice(0, 1200)).slice(0, 400);
  const cyrillic = sample.match(CYRILLIC)?.length ?? 0;
  const latin = sample.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  if (cyrillic >= latin) {
    const ua = sample.match(UKRAINIAN_ONLY)?.length ?? 0;
    const by = BELARUSIAN_ONLY.test(sample);
    const ru = sample.match(RUSSIAN_ONLY)?.length ?? 0;
    if (by && !ua) return 'be';
    // A quoted word of the other language does not change the text's: a clear majority decides.
    if (ua > 0 && ua >= 3 * ru) return 'uk';
    if (ru > 0 && ru >= 3 * ua) return 'ru';
    // Both or neither alphabet marker: let the trigrams decide, among the Cyrillic languages.
    if (cyrillic < 12) return ua > ru ? 'uk' : 'ru';
    const code = franc(sample, { only: ['rus', 'ukr', 'bel'], minLength: 10 });
    return CANDIDATES[code] ?? 'ru';
  }
  if (latin < 12) return null;
  // English is most of the Latin-script text here; its function words settle it without trigrams.
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  const english = words.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  if (words.length >= 6 && english / words.length >= 0.15) return 'en';
  const code = franc(sample, {
    only: ONLY.filter((c) => c !== 'rus' && c !== 'ukr' && c !== 'bel'),
    minLength: 10,
  });
  return CANDIDATES[code] ?? null;
}
