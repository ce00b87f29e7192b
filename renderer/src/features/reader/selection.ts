// Maps a selection in the rendered original text back to offsets in the item's plain text, for
// clips. EntityText renders each piece of text in an element with `data-offset` (its start in the
// plain text), so a DOM position inside a piece is that offset plus the position in its text node.

function pieceOffset(node: Node, offsetInNode: number): number | null {
  const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  const piece = el?.closest<HTMLElement>('[data-offset]');
  if (!piece) return null;
  const base = Number(piece.dataset.offset);
  if (!Number.isFinite(base)) return null;
  if (node.nodeType === Node.TEXT_NODE) return base + offsetInNode;
  // A position between child nodes of the piece: count the text before it.
  let chars = 0;
  for (let i = 0; i < offsetInNode && i < node.childNodes.length; i += 1)
    chars += node.childNodes[i]?.textContent?.length ?? 0;
  return base + chars;
}

/** The [start, end) range of the plain text the selection covers inside `container`, or null. */
export function selectionToTextRange(
  container: Element,
  selection: Selection | null,
): { start: number; end: number } | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = pieceOffset(range.startContainer, range.startOffset);
  const end = pieceOffset(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
