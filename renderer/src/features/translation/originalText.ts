// The original column as the translation sees it: where each sentence is drawn and which sentence
// is at a point. A post's text is rendered in pieces with `data-offset` (EntityText), so sentence
// offsets map straight to the DOM. An article is shown as its sanitized HTML, whose text differs
// from the item's plain text in whitespace only; there each sentence is found in the page's text
// (whitespace-insensitive, in order, so a repeated sentence maps to its own occurrence).
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { segmentAtOffset } from './alignment';
import { offsetOfDomPoint, rangeForOffsets } from './dom-offsets';

export interface OriginalText {
  /** The DOM range of a sentence (by position in the segments), or null when it is not shown. */
  sentenceRange(position: number): Range | null;
  /** The sentence at a DOM point inside the original, or -1. */
  sentenceAt(node: Node, offset: number): number;
  /** Whether a DOM node belongs to the original text. */
  contains(node: Node): boolean;
}

/** The original text element of the Reader's grid, plain (posts) or HTML (articles). */
export function originalElement(columns: Element): HTMLElement | null {
  return columns.querySelector<HTMLElement>('[data-reader-text="original"], [data-reader-text="article"]');
}

const cache = new WeakMap<Element, { segments: readonly TranslatedSegment[]; text: OriginalText }>();

/**
 * The original of the Reader's grid, for these sentences. Built once per rendered original (the
 * "Plain text" switch renders a new one) and set of sentences: finding an article's sentences
 * walks its whole text.
 */
export function originalText(columns: Element, segments: readonly TranslatedSegment[]): OriginalText | null {
  const el = originalElement(columns);
  if (!el) return null;
  const known = cache.get(el);
  if (known?.segments === segments) return known.text;
  const text = el.dataset.readerText === 'article' ? articleText(el, segments) : plainText(el, segments);
  cache.set(el, { segments, text });
  return text;
}

/** Positions of the sentences a DOM range (a selection) touches in the original. */
export function sentencesInRange(text: OriginalText, count: number, range: Range): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const sentence = text.sentenceRange(i);
    if (
      sentence &&
      sentence.compareBoundaryPoints(Range.START_TO_END, range) > 0 &&
      sentence.compareBoundaryPoints(Range.END_TO_START, range) < 0
    )
      out.push(i);
  }
  return out;
}

function plainText(el: HTMLElement, segments: readonly TranslatedSegment[]): OriginalText {
  return {
    sentenceRange(position) {
      const s = segments[position];
      return s ? rangeForOffsets(el, s.start, s.end) : null;
    },
    sentenceAt(node, offset) {
      const at = offsetOfDomPoint(node, offset);
      if (at === null) return -1;
      // A caret after a sentence's last character still points at that sentence.
      const hit = segmentAtOffset(segments, at, 'original');
      return hit >= 0 ? hit : segmentAtOffset(segments, at - 1, 'original');
    },
    contains: (node) => el.contains(node),
  };
}

/** Text with every run of whitespace collapsed to one space, and each kept character's raw index. */
export function collapseWhitespace(raw: string): { text: string; index: number[] } {
  let text = '';
  const index: number[] = [];
  let space = false;
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i] ?? '';
    if (/\s/u.test(ch)) {
      if (!space && text !== '') {
        text += ' ';
        index.push(i);
      }
      space = true;
    } else {
      text += ch;
      index.push(i);
      space = false;
    }
  }
  return { text, index };
}

/**
 * Where each sentence occurs in a page's collapsed text: [start, end) in collapsed characters, or
 * null when it cannot be found. Searched in order, each from the end of the one before.
 */
export function locateSentences(page: string, sentences: readonly string[]): ([number, number] | null)[] {
  let from = 0;
  return sentences.map((sentence) => {
    const needle = collapseWhitespace(sentence).text;
    if (needle === '') return null;
    const at = page.indexOf(needle, from);
    if (at < 0) return null;
    from = at + needle.length;
    return [at, at + needle.length];
  });
}

function articleText(el: HTMLElement, segments: readonly TranslatedSegment[]): OriginalText {
  // Text nodes in order with their start in the concatenated raw text.
  const nodes: { node: Text; start: number }[] = [];
  let raw = '';
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push({ node: n, start: raw.length });
    raw += n.data;
  }
  const page = collapseWhitespace(raw);
  const spans = locateSentences(
    page.text,
    segments.map((s) => s.source),
  );

  const domPoint = (rawIndex: number): { node: Text; offset: number } | null => {
    let lo = 0;
    let hi = nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((nodes[mid]?.start ?? 0) <= rawIndex) lo = mid;
      else hi = mid - 1;
    }
    const found = nodes[lo];
    return found ? { node: found.node, offset: Math.min(rawIndex - found.start, found.node.length) } : null;
  };
  const rawOf = (node: Node, offset: number): number | null => {
    const found = nodes.find((n) => n.node === node);
    return found ? found.start + offset : null;
  };

  return {
    sentenceRange(position) {
      const span = spans[position];
      if (!span) return null;
      const startRaw = page.index[span[0]];
      const lastRaw = page.index[span[1] - 1];
      if (startRaw === undefined || lastRaw === undefined) return null;
      const a = domPoint(startRaw);
      const b = domPoint(lastRaw + 1);
      if (!a || !b) return null;
      const range = document.createRange();
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      return range;
    },
    sentenceAt(node, offset) {
      const at = rawOf(node, offset);
      if (at === null) return -1;
      const hit = spans.findIndex((span) => {
        if (!span) return false;
        const a = page.index[span[0]] ?? Infinity;
        const b = (page.index[span[1] - 1] ?? -Infinity) + 1;
        return at >= a && at <= b;
      });
      return hit;
    },
    contains: (node) => el.contains(node),
  };
}
