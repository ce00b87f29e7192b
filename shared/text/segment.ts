// Splits an item's text into paragraphs and sentences for translation and for the Reader's
// sentence-against-sentence alignment. Pure (no Node, no DOM): the renderer uses it too.
//
// Offsets are UTF-16 code-unit indices into the original text (what String#slice takes), so the
// Reader can highlight and clips can quote by them.

export interface TextSegment {
  /** Position in the item's segment list (0-based). */
  index: number;
  /** Which paragraph (non-blank line run) the sentence belongs to, 0-based. */
  paragraph: number;
  /** [start, end) of the sentence in the original text, surrounding whitespace excluded. */
  start: number;
  end: number;
  text: string;
}

/**
 * Intl.Segmenter slows down badly on very long inputs (V8, past ~60k characters), so a paragraph
 * longer than this is cut into pieces at whitespace before it is segmented.
 */
export const MAX_SEGMENTER_INPUT = 10_000;

/**
 * Abbreviations after which ICU's sentence splitter wrongly ends a sentence when the next word is
 * capitalised ("ул. Тверская", "Dr. Jones"). They never end a sentence, so a split after them is
 * always undone. Lower-cased, with the final dot.
 */
// prettier-ignore
const NEVER_FINAL = new Set([
  // Russian / Ukrainian
  'ул.', 'вул.', 'пр.', 'просп.', 'пер.', 'пл.', 'д.', 'корп.', 'кв.', 'обл.', 'р-н.', 'с.', 'пос.', 'смт.',
  'проф.', 'акад.', 'доц.', 'ген.', 'генерал-лейт.', 'полк.', 'подполк.', 'см.', 'ср.', 'им.', 'ім.',
  'т.е.', 'т. е.', 'т.к.', 'т. к.', 'т.н.', 'т. н.', 'напр.', 'зам.', 'св.', 'тов.', 'гр.', 'пан.', 'м.',
  'с.-пб.', 'рис.', 'стр.', 'ст.', 'тис.', 'млн.', 'млрд.', 'тыс.', 'руб.', 'грн.', 'коп.', 'чел.',
  // English
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'st.', 'sen.', 'rep.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'gov.',
  'u.s.', 'u.k.', 'u.n.', 'e.g.', 'i.e.', 'vs.', 'no.', 'jan.', 'feb.', 'aug.', 'sept.', 'oct.', 'nov.', 'dec.',
  'approx.',
]);

/**
 * Abbreviations that may also end a sentence ("…и т. д. Все пришли."): a split after them is undone
 * only when the next piece does not look like a new sentence. ICU already keeps a lower-case
 * continuation together, so these are merged when the next piece starts with a digit or punctuation.
 */
// prettier-ignore
const MAYBE_FINAL = new Set(['т. д.', 'т.д.', 'т. п.', 'т.п.', 'и др.', 'і т. д.', 'та ін.', 'и пр.', 'etc.', 'г.', 'гг.', 'р.', 'рр.']);

/** Years: "в 2023 г." ends a sentence as often as not; "г. Москва" (city) never does. */
const YEAR_ABBREVIATION = /\d\s*(?:г|гг|р|рр)\.$/u;

/** A single capital letter and a dot: an initial ("В. В. Путин", "J. Smith"). */
const INITIAL = /(?:^|[\s(«"“])\p{Lu}\.$/u;

function lastToken(piece: string): string {
  const trimmed = piece.trimEnd().toLowerCase();
  // Two-word abbreviations first ("т. д.", "и др."), then the last word.
  const two = /(?:^|\s)(\S+\s\S+)$/u.exec(trimmed)?.[1] ?? '';
  if (NEVER_FINAL.has(two) || MAYBE_FINAL.has(two)) return two;
  return /(?:^|\s|\()(\S+)$/u.exec(trimmed)?.[1] ?? trimmed;
}

/** Whether the split between `before` and `after` is a false sentence boundary. */
function shouldMerge(before: string, after: string): boolean {
  const end = before.trimEnd();
  if (!end.endsWith('.')) return false;
  const next = after.trimStart();
  if (next === '') return true;
  if (INITIAL.test(end)) return true;
  const token = lastToken(end);
  if (token === 'г.' || token === 'гг.' || token === 'р.' || token === 'рр.') {
    // "2023 г. В Москве…": a year closes the sentence when a capital follows.
    if (YEAR_ABBREVIATION.test(end)) return !/^\p{Lu}/u.test(next);
    return true; // "г. Москва", "м. Київ"
  }
  if (NEVER_FINAL.has(token)) return true;
  if (MAYBE_FINAL.has(token)) return !/^[\p{Lu}«"“—–-]/u.test(next);
  return false;
}

/** Cuts a long paragraph into pieces of at most `max` characters, at whitespace where possible. */
export function chunkForSegmenter(
  text: string,
  max = MAX_SEGMENTER_INPUT,
): { start: number; text: string }[] {
  const chunks: { start: number; text: string }[] = [];
  let start = 0;
  while (text.length - start > max) {
    let cut = start + max;
    // Prefer a sentence end, then any whitespace, in the last quarter of the window.
    const window = text.slice(start + Math.floor(max * 0.75), cut);
    const sentenceEnd = window.search(/[.!?…]\s(?!.*[.!?…]\s)/su);
    const space = window.lastIndexOf(' ');
    if (sentenceEnd >= 0) cut = start + Math.floor(max * 0.75) + sentenceEnd + 2;
    else if (space >= 0) cut = start + Math.floor(max * 0.75) + space + 1;
    // Never split a surrogate pair.
    const code = text.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    chunks.push({ start, text: text.slice(start, cut) });
    start = cut;
  }
  chunks.push({ start, text: text.slice(start) });
  return chunks;
}

/** Paragraphs: runs of text between line breaks (Telegram posts put one thought per line). */
export function splitParagraphs(text: string): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  const re = /[^\r\n]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].length - m[0].trimStart().length;
    const trimmed = m[0].trim();
    if (trimmed === '') continue;
    const start = m.index + lead;
    paragraphs.push({ start, end: start + trimmed.length });
  }
  return paragraphs;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(lang: string | null | undefined): Intl.Segmenter {
  const key = lang && /^[a-z]{2,3}$/i.test(lang) ? lang.toLowerCase() : 'und';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(key === 'und' ? undefined : key, { granularity: 'sentence' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** Sentence ranges [start, end) of one paragraph, relative to `offset` in the whole text. */
function sentencesOf(
  paragraph: string,
  offset: number,
  lang: string | null | undefined,
): { start: number; end: number }[] {
  const raw: { start: number; text: string }[] = [];
  const segmenter = segmenterFor(lang);
  for (const chunk of chunkForSegmenter(paragraph)) {
    for (const s of segmenter.segment(chunk.text))
      raw.push({ start: chunk.start + s.index, text: s.segment });
  }
  const merged: { start: number; text: string }[] = [];
  for (const piece of raw) {
    const previous = merged[merged.length - 1];
    if (previous && shouldMerge(previous.text, piece.text)) previous.text += piece.text;
    else merged.push({ ...piece });
  }
  const ranges: { start: number; end: number }[] = [];
  for (const piece of merged) {
    const lead = piece.text.length - piece.text.trimStart().length;
    const body = piece.text.trim();
    if (body === '') continue;
    const start = offset + piece.start + lead;
    ranges.push({ start, end: start + body.length });
  }
  return ranges;
}

/** Paragraphs, then sentences: the units the translator and the Reader align by. */
export function segmentText(text: string, lang?: string | null): TextSegment[] {
  const segments: TextSegment[] = [];
  splitParagraphs(text).forEach((p, paragraph) => {
    for (const range of sentencesOf(text.slice(p.start, p.end), p.start, lang)) {
      segments.push({
        index: segments.length,
        paragraph,
        start: range.start,
        end: range.end,
        text: text.slice(range.start, range.end),
      });
    }
  });
  return segments;
}
