// How the two columns of the Reader line up. The back end gives each sentence its [start, end) in
// the original text and its [targetStart, targetEnd) in the translated text; from those this module
// answers "which sentence is under this offset" on either side, groups sentences into paragraph
// rows, and works out how far each translated paragraph must move down to sit level with its
// original paragraph. Pure functions: the DOM work lives in dom-offsets.ts.
import type { TranslatedSegment } from '../../../../shared/api/translate';

export type Side = 'original' | 'translation';

/** One paragraph of the item: its sentences (positions in the segments array) and where it starts. */
export interface ParagraphRow {
  paragraph: number;
  /** Positions in the segments array, in order. */
  sentences: number[];
  /** Offset of the paragraph's first sentence in the original text. */
  start: number;
}

/** Groups consecutive sentences of the same paragraph (segments come in text order). */
export function paragraphRows(segments: readonly TranslatedSegment[]): ParagraphRow[] {
  const rows: ParagraphRow[] = [];
  segments.forEach((s, i) => {
    const last = rows[rows.length - 1];
    if (last && last.paragraph === s.paragraph) last.sentences.push(i);
    else rows.push({ paragraph: s.paragraph, sentences: [i], start: s.start });
  });
  return rows;
}

function span(s: TranslatedSegment, side: Side): [number, number] {
  return side === 'original' ? [s.start, s.end] : [s.targetStart, s.targetEnd];
}

/**
 * Position (in the segments array) of the sentence covering `offset` on one side, or -1 when the
 * offset falls between sentences (the space after a full stop, a paragraph break) or past the end.
 * Both sides are in ascending order, so this is a binary search (long articles have thousands).
 */
export function segmentAtOffset(segments: readonly TranslatedSegment[], offset: number, side: Side): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const segment = segments[mid];
    if (!segment) break;
    const [start, end] = span(segment, side);
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    // An untranslated sentence is empty on the translation side; it covers nothing there.
    else return start < end ? mid : -1;
  }
  return -1;
}

/** Positions of the sentences that a [start, end) range of one side touches, in order. */
export function segmentsInRange(
  segments: readonly TranslatedSegment[],
  start: number,
  end: number,
  side: Side,
): number[] {
  const out: number[] = [];
  segments.forEach((s, i) => {
    const [a, b] = span(s, side);
    if (a < b && a < end && b > start) out.push(i);
  });
  return out;
}

/**
 * Space to add above each translated paragraph so it starts level with its original paragraph.
 * `natural[i]` is where translated paragraph i would start with no spacers at all, `wanted[i]`
 * where its original starts (null when that cannot be measured, e.g. an HTML article). Space only
 * ever pushes down: a translated paragraph that already runs lower than its original stays where
 * it is, and the ones after it follow. Positions are in the same coordinate system (pixels).
 */
export function paragraphSpacers(natural: readonly number[], wanted: readonly (number | null)[]): number[] {
  const spacers: number[] = [];
  let shift = 0;
  natural.forEach((top, i) => {
    const target = wanted[i];
    const space =
      target === null || target === undefined ? 0 : Math.max(0, Math.round(target - (top + shift)));
    spacers.push(space);
    shift += space;
  });
  return spacers;
}

export interface ColumnAlignment {
  /** Space above the original column, when the translation's first paragraph starts lower (a title, a note). */
  lead: number;
  /** Space above each translated paragraph. */
  spacers: number[];
}

/**
 * Lines up both columns: `natural` as for paragraphSpacers, `wanted` where the original paragraphs
 * start without any lead. When the translated text starts lower than the original (its title or a
 * note comes first), the original moves down by the difference instead, so the first paragraphs
 * still share a line; later paragraphs are then aligned by spacers as usual.
 */
export function alignColumns(
  natural: readonly number[],
  wanted: readonly (number | null)[],
): ColumnAlignment {
  const first = natural[0];
  const target = wanted[0];
  const lead =
    first === undefined || target === null || target === undefined
      ? 0
      : Math.max(0, Math.round(first - target));
  const shifted = wanted.map((w) => (w === null ? null : w + lead));
  return { lead, spacers: paragraphSpacers(natural, shifted) };
}

/** Whether two spacer lists differ by more than a pixel anywhere (to stop a measure/render loop). */
export function spacersChanged(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return true;
  return a.some((v, i) => Math.abs(v - (b[i] ?? 0)) > 1);
}
