// Text → index terms: the shared normaliser (shared/query/normalise) plus stemming chosen per item
// language. Cyrillic words are stemmed as Ukrainian in Ukrainian items, as Russian otherwise (an
// item of unknown language is read as Ukrainian when it uses і/ї/є/ґ); Latin words get the English
// stemmer unless the item is in another Latin-script language. Mentions, hashtags, URLs and numbers
// are kept as written.
import { forEachToken } from '../../../shared/query/normalise';
import { stem, type StemLanguage } from './stemmers';

const CYRILLIC = /[\u0400-\u04ff]/;
const LATIN = /[a-z]/;
const UKRAINIAN_LETTERS = /[іїєґ]/;
const CYRILLIC_LANGS = new Set(['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk']);

/** How the words of one item are stemmed. */
export interface StemPlan {
  cyrillic: StemLanguage | null;
  latin: StemLanguage | null;
}

export function stemPlan(lang: string | null, sample: string): StemPlan {
  const l = lang?.toLowerCase() ?? null;
  const cyrillic: StemLanguage | null =
    l === 'uk'
      ? 'uk'
      : l === 'ru'
        ? 'ru'
        : l && CYRILLIC_LANGS.has(l)
          ? 'ru'
          : UKRAINIAN_LETTERS.test(sample)
            ? 'uk'
            : 'ru';
  const latin: StemLanguage | null =
    l === null || l === 'en' || l === 'ru' || l === 'uk' || l === 'und' ? 'en' : null;
  return { cyrillic, latin };
}

/** The index term of one normalised token under a plan. */
export function termFor(token: string, plan: StemPlan): string {
  const first = token.charCodeAt(0);
  if (first === 64 || first === 35 || token.includes('.') || token.includes('/')) return token; // @x #x urls hosts
  if (CYRILLIC.test(token)) return plan.cyrillic ? stem(token, plan.cyrillic) : token;
  if (LATIN.test(token)) return plan.latin ? stem(token, plan.latin) : token;
  return token;
}

/**
 * Every index term of a text, in order: each word's stem and, when it differs, the word itself (so
 * prefixes and typos are matched against real words, and a word is found whatever language its
 * item was stemmed in); alternative forms (#tag and tag) too.
 */
export function analyze(text: string, lang: string | null): string[] {
  const plan = stemPlan(lang, text);
  const out: string[] = [];
  forEachToken(text, (token) => {
    const term = termFor(token, plan);
    out.push(term);
    if (term !== token) out.push(token);
  });
  return out;
}

/** A token of the stored text with its position (alternatives share one) and character range. */
export interface PositionedTerm {
  term: string;
  position: number;
  start: number;
  end: number;
}

export function analyzeWithPositions(text: string, lang: string | null): PositionedTerm[] {
  const plan = stemPlan(lang, text);
  const out: PositionedTerm[] = [];
  let position = -1;
  forEachToken(text, (token, start, end, alt) => {
    if (!alt) position++;
    const term = termFor(token, plan);
    out.push({ term, position, start, end });
    if (term !== token) out.push({ term: token, position, start, end });
  });
  return out;
}

/**
 * The forms a query word may take in the index: stemmed in every language it could belong to (a
 * query does not know the language of the items it should find), plus the bare normalised form.
 */
export function queryVariants(token: string): string[] {
  const first = token.charCodeAt(0);
  if (first === 64 || first === 35 || token.includes('.') || token.includes('/')) return [token];
  const variants = new Set<string>([token]);
  if (CYRILLIC.test(token)) {
    variants.add(stem(token, 'ru'));
    variants.add(stem(token, 'uk'));
  } else if (LATIN.test(token)) {
    variants.add(stem(token, 'en'));
  }
  return [...variants];
}
