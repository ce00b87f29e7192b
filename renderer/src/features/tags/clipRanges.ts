// Text offsets ⇄ DOM, for clips. The Reader renders an item's text in a container marked
// `data-reader-text` whose pieces carry `data-offset` (their start in the plain text; see
// reader/selection.ts). Highlights are drawn with the CSS Custom Highlight API from Range objects
// built here, so the Reader's DOM is never rewritten to show a clip.
//
// An article shown as HTML has no offset pieces: there a clip is found by its quoted words in the
// rendered text instead (the offsets still come from the item's plain text).

interface TextRun {
  node: Text;
  /** Offset of the node's first character in the plain text. */
  start: number;
}

/** The text nodes of the container's offset pieces, each with its plain-text offset, in order. */
export function offsetRuns(container: Element): TextRun[] {
  const runs: TextRun[] = [];
  for (const piece of container.querySelectorAll<HTMLElement>('[data-offset]')) {
    const base = Number(piece.dataset.offset);
    if (!Number.isFinite(base)) continue;
    let at = base;
    const walker = piece.ownerDocument.createTreeWalker(piece, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      runs.push({ node: text, start: at });
      at += text.data.length;
    }
  }
  return runs;
}

function allTextRuns(container: Element): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    runs.push({ node: text, start: at });
    at += text.data.length;
  }
  return runs;
}

/** The DOM position of a plain-text offset; `atEnd` prefers the end of a node over the next start. */
function position(
  runs: readonly TextRun[],
  offset: number,
  atEnd: boolean,
): { node: Text; offset: number } | null {
  for (const run of runs) {
    const end = run.start + run.node.data.length;
    if (offset < run.start) continue;
    if (offset < end || (atEnd && offset === end)) return { node: run.node, offset: offset - run.start };
  }
  return null;
}

function rangeIn(runs: readonly TextRun[], start: number, end: number): Range | null {
  const from = position(runs, start, false);
  const to = position(runs, end, true);
  const first = runs[0];
  if (!from || !to || !first) return null;
  const range = first.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range.collapsed ? null : range;
}

/**
 * The Range of a clip in a rendered text: by offsets where the text has offset pieces, else by the
 * first occurrence of its quote. Null when the words are not on screen.
 */
export function clipRange(
  container: Element,
  clip: { start: number; end: number; quote: string },
): Range | null {
  const runs = offsetRuns(container);
  if (runs.length > 0) return rangeIn(runs, clip.start, clip.end);
  const all = allTextRuns(container);
  const text = all.map((r) => r.node.data).join('');
  const at = text.indexOf(clip.quote);
  return at === -1 ? null : rangeIn(all, at, at + clip.quote.length);
}

/** The plain text the offset pieces spell out (a translation column's text, for its quotes). */
export function piecesText(container: Element): string {
  let out = '';
  for (const run of offsetRuns(container)) {
    if (run.start > out.length) out = out.padEnd(run.start, ' ');
    out = out.slice(0, run.start) + run.node.data + out.slice(run.start + run.node.data.length);
  }
  return out;
}

/**
 * Offsets of a quote selected in an article rendered as HTML: the selected words found in the
 * item's plain text, preferring the occurrence nearest `near` (a rough position). Whitespace may
 * differ between the HTML and the plain text, so runs of it match any whitespace.
 */
export function locateQuote(text: string, selected: string, near = 0): { start: number; end: number } | null {
  const words = selected.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(escaped.join('\\s+'), 'gu');
  let best: { start: number; end: number } | null = null;
  for (const m of text.matchAll(pattern)) {
    const hit = { start: m.index, end: m.index + m[0].length };
    if (!best || Math.abs(hit.start - near) < Math.abs(best.start - near)) best = hit;
  }
  return best;
}
