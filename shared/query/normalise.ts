// The one normaliser of Sifter's search: the indexer, the query and the highlighter all read text
// through `forEachToken`, so a word is found exactly when it was indexed the same way. Stemming
// happens after this (in the back end, per language); everything here is language-neutral.
//
// Rules: lowercase; ё→е; Latin diacritics folded (é→e, ß stays); apostrophe variants are joiners
// inside a word and are dropped (об'єкт = об’єкт = обєкт), an English possessive 's is removed
// (Trump's → trump); surrounding punctuation never sticks to a word (путин, → путин); URLs,
// @mentions and #hashtags are kept whole (and the bare name/word is indexed beside them).
// Cyrillic letters (й, ї, є, ґ) are never decomposed: NFD would turn й into и + breve.

/** Called for every token: `alt` is true for an alternative form at the same position as the previous token. */
export type TokenSink = (term: string, start: number, end: number, alt: boolean) => void;

const APOSTROPHES = /['’ʼ`′‘]/g;
const TOKEN_RE =
  /(?:https?:\/\/|www\.)[^\s<>"«»“”]+|[@#][\p{L}\p{N}_]+|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’ʼ`′‘][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
const URL_TRAILING = /[.,;:!?)\]}'"»…]+$/;
const NEEDS_FOLDING = /[\u0300-\u036f\u0451\u00c0-\u024f\u1e00-\u1eff'\u2019\u02bc`\u2032\u2018]/;
const COMBINING = /[\u0300-\u036f]/g;
const LATIN_WITH_MARKS = /[\u00c0-\u024f\u1e00-\u1eff]/g;

/** Normalises one word (already cut out of the text): the index term before stemming. */
export function normaliseWord(word: string): string {
  let w = word.toLowerCase();
  if (!NEEDS_FOLDING.test(w)) return w;
  w = w.replace(/ё/g, 'е');
  // Possessive before apostrophes disappear: "trump's" / "trump’s" → "trump".
  w = w.replace(/['’ʼ`′‘]s$/, '').replace(APOSTROPHES, '');
  w = w.replace(LATIN_WITH_MARKS, (ch) => ch.normalize('NFD').replace(COMBINING, ''));
  // Stray combining marks (typed after a Latin base letter) go too; Cyrillic й/ї are precomposed.
  return w.replace(COMBINING, '');
}

function normaliseUrl(url: string): string {
  return url.replace(URL_TRAILING, '').toLowerCase().replace(/\/$/, '');
}

function urlHost(url: string): string | null {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/?#:]+)/.exec(url);
  return m?.[1] ?? null;
}

/** Walks the tokens of a text in order. Allocation-light: one regex match per token, no token objects. */
export function forEachToken(text: string, sink: TokenSink): void {
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    const first = raw.charCodeAt(0);
    if (first === 64 /* @ */ || first === 35 /* # */) {
      const bare = normaliseWord(raw.slice(1));
      sink(raw[0] + bare, start, start + raw.length, false);
      sink(bare, start + 1, start + raw.length, true);
    } else if (
      raw.length > 4 &&
      (raw.startsWith('http') || raw.startsWith('www.')) &&
      (raw.includes('://') || raw.startsWith('www.'))
    ) {
      const url = normaliseUrl(raw);
      const end = start + raw.replace(URL_TRAILING, '').length;
      sink(url, start, end, false);
      const host = urlHost(url);
      if (host && host !== url) sink(host, start, end, true);
    } else {
      const term = normaliseWord(raw);
      if (term.length > 0) sink(term, start, start + raw.length, false);
    }
  }
}

/** The primary tokens of a text, normalised (for queries and tests). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachToken(text, (term, _s, _e, alt) => {
    if (!alt) out.push(term);
  });
  return out;
}
