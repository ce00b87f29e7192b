// A hit's snippet: a window of the text around the first matched words, with highlight ranges.
import type { Highlight } from '../../../shared/domain';
import { analyzeWithPositions } from './analyzer';

const SNIPPET_CHARS = 240;
const LEAD_CHARS = 60;

export interface Snippet {
  snippet: string;
  highlights: Highlight[];
}

/** Ranges of the text whose index terms are among the query's matched terms. */
export function matchRanges(text: string, lang: string | null, terms: Set<string>): Highlight[] {
  if (terms.size === 0) return [];
  const out: Highlight[] = [];
  for (const t of analyzeWithPositions(text, lang)) {
    if (!terms.has(t.term)) continue;
    const last = out[out.length - 1];
    // Alternatives share a range (#tag and tag); do not highlight the same span twice.
    if (last && t.start < last[1]) continue;
    out.push([t.start, t.end]);
  }
  return out;
}

export function makeSnippet(text: string, ranges: Highlight[]): Snippet {
  const flat = text;
  if (flat.length <= SNIPPET_CHARS) return { snippet: flat, highlights: ranges };
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - LEAD_CHARS);
  // Start at a word boundary so the snippet does not open mid-word.
  if (start > 0) {
    const space = flat.lastIndexOf(' ', start);
    start = space >= 0 && start - space < 20 ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length) {
    const space = flat.indexOf(' ', end);
    end = space >= 0 && space - end < 20 ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < flat.length ? '…' : '';
  const shift = prefix.length - start;
  const highlights: Highlight[] = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift]);
  return { snippet: prefix + flat.slice(start, end) + suffix, highlights };
}
