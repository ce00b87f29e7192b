// Between text offsets and the DOM of a rendered text. Both columns render their text in pieces
// that carry `data-offset` (the piece's start in the plain text: EntityText for the original,
// TranslationColumn for the translation), so an offset maps to a text node and back without
// touching the Reader's rendering.

/** The pieces of a rendered text, in document order. */
function pieces(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>('[data-offset]')];
}

function baseOf(piece: HTMLElement): number | null {
  const base = Number(piece.dataset.offset);
  return Number.isFinite(base) ? base : null;
}

/** The text node and position inside it at a plain-text offset, or null outside the pieces. */
export function domPointAt(container: Element, offset: number): { node: Text; offset: number } | null {
  let chosen: { piece: HTMLElement; base: number } | null = null;
  for (const piece of pieces(container)) {
    const base = baseOf(piece);
    if (base === null || base > offset) continue;
    // Pieces come in text order; the last one starting at or before the offset that reaches it.
    if (offset <= base + (piece.textContent?.length ?? 0)) chosen = { piece, base };
  }
  if (!chosen) return null;
  const walker = document.createTreeWalker(chosen.piece, NodeFilter.SHOW_TEXT);
  let left = offset - chosen.base;
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: left };
    left -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : null;
}

/** A DOM Range over [start, end) of the plain text, or null when it cannot be placed. */
export function rangeForOffsets(container: Element, start: number, end: number): Range | null {
  const a = domPointAt(container, start);
  const b = domPointAt(container, end);
  if (!a || !b) return null;
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The plain-text offset of a DOM position inside a piece, or null outside the pieces. */
export function offsetOfDomPoint(node: Node, offsetInNode: number): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = el?.closest<HTMLElement>('[data-offset]');
  if (!piece) return null;
  const base = baseOf(piece);
  if (base === null) return null;
  // Text before the position inside the piece (pieces may wrap their text in <strong>, <a>…).
  const range = document.createRange();
  range.setStart(piece, 0);
  try {
    range.setEnd(node, offsetInNode);
  } catch {
    return null;
  }
  return base + range.toString().length;
}

/** The DOM position (caret) under a point of the window (the mouse), or null off any text. */
export function caretAtPoint(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range =
    typeof document.caretRangeFromPoint === 'function' ? document.caretRangeFromPoint(x, y) : null;
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
