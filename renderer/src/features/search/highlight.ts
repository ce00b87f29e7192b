// Turns a snippet and its highlight ranges into plain segments the UI renders as text and <mark>
// elements. Ranges come from the back end and are trusted for nothing: they may overlap, be out of
// order, reach past the end or be empty — the snippet text itself is never altered.
import type { Highlight } from '../../../../shared/domain';

export interface TextSegment {
  text: string;
  marked: boolean;
}

/** Sorts, clamps and merges ranges so that each character is marked at most once. */
export function normaliseRanges(ranges: readonly Highlight[], length: number): Highlight[] {
  const clamped: Highlight[] = [];
  for (const [rawStart, rawEnd] of ranges) {
    if (!Number.isFinite(rawStart) || !Number.isFinite(rawEnd)) continue;
    const start = Math.max(0, Math.min(length, Math.floor(rawStart)));
    const end = Math.max(0, Math.min(length, Math.floor(rawEnd)));
    if (end > start) clamped.push([start, end]);
  }
  clamped.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Highlight[] = [];
  for (const range of clamped) {
    const last = merged[merged.length - 1];
    // Touching ranges merge too: "front line" reads better as one mark than two.
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Splits `text` into alternating unmarked/marked segments; concatenated they give `text` back. */
export function highlightSegments(text: string, ranges: readonly Highlight[]): TextSegment[] {
  const segments: TextSegment[] = [];
  let at = 0;
  for (const [start, end] of normaliseRanges(ranges, text.length)) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}

/**
 * The query text with the span a problem points at marked. An empty span (a missing closing quote
 * at the very end, say) marks the character after it, or a trailing space when there is none, so
 * the analyst always sees where to look.
 */
export function problemSegments(query: string, start: number, end: number): TextSegment[] {
  const from = Math.max(0, Math.min(query.length, start));
  const to = Math.max(from, Math.min(query.length, end));
  if (to > from) return highlightSegments(query, [[from, to]]);
  const text = from === query.length ? `${query} ` : query;
  return highlightSegments(text, [[from, from + 1]]);
}
