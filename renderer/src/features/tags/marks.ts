// Multi-selection of search results for bulk tagging ("marks", to keep it apart from the list's
// cursor, which Search calls the selected hit). Ctrl/⌘-click and `x` toggle one hit, Shift-click
// marks the range from the last toggled hit, and "select all N results" replaces the marks with
// every id of the query. Marks are item ids, so they survive the list loading more pages.

export interface Marks {
  ids: ReadonlySet<number>;
  /** Index of the hit the next Shift-click range starts from. */
  anchor: number | null;
  /** Set when the marks are every result of the query (from search.ids). */
  allOf: { query: string; total: number } | null;
}

export const NO_MARKS: Marks = { ids: new Set(), anchor: null, allOf: null };

export interface PickModifiers {
  /** Shift: mark the range from the anchor. */
  range: boolean;
  /** Ctrl/⌘ (or `x`): flip this one hit. */
  toggle: boolean;
}

/** Flips one hit's mark and makes it the anchor of the next range. */
export function toggleMark(marks: Marks, index: number, id: number): Marks {
  const ids = new Set(marks.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index, allOf: null };
}

/**
 * Marks every hit from the anchor to `index` (both ends included), adding to the marks. Hits of
 * the range the list has not loaded (idAt gives undefined) are left out; without an anchor this is
 * a toggle of the one hit.
 */
export function markRange(marks: Marks, index: number, idAt: (index: number) => number | undefined): Marks {
  const here = idAt(index);
  if (here === undefined) return marks;
  if (marks.anchor === null) return toggleMark(marks, index, here);
  const ids = new Set(marks.ids);
  const [from, to] = marks.anchor <= index ? [marks.anchor, index] : [index, marks.anchor];
  for (let i = from; i <= to; i += 1) {
    const id = idAt(i);
    if (id !== undefined) ids.add(id);
  }
  // The anchor stays, so a second Shift-click re-ranges from the same start (as in file lists).
  return { ids, anchor: marks.anchor, allOf: null };
}

/** What a click on a hit does to the marks; a plain click leaves them (it only moves the cursor). */
export function pickHit(
  marks: Marks,
  index: number,
  modifiers: PickModifiers,
  idAt: (index: number) => number | undefined,
): Marks {
  if (modifiers.range) return markRange(marks, index, idAt);
  const id = idAt(index);
  if (modifiers.toggle && id !== undefined) return toggleMark(marks, index, id);
  return marks;
}

/** Every result of a query, as "select all N results" makes it. */
export function markAll(query: string, ids: readonly number[], total: number): Marks {
  return { ids: new Set(ids), anchor: null, allOf: { query, total } };
}

/** The ids to act on, in a stable order (ascending) so bulk calls are reproducible. */
export function markedIds(marks: Marks): number[] {
  return [...marks.ids].sort((a, b) => a - b);
}
