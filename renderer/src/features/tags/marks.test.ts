import { describe, expect, it } from 'vitest';
import { NO_MARKS, markAll, markRange, markedIds, pickHit, toggleMark } from './marks';

// Hits 0…9 are items 100…109; hits 5 and 6 are on a page the list has not loaded.
const idAt = (i: number) => (i >= 0 && i < 10 && i !== 5 && i !== 6 ? 100 + i : undefined);
const ids = (m: { ids: ReadonlySet<number> }) => [...m.ids].sort((a, b) => a - b);

describe('marks of search results', () => {
  it('toggles one hit on and off and anchors ranges there', () => {
    const one = toggleMark(NO_MARKS, 2, 102);
    expect(ids(one)).toEqual([102]);
    expect(one.anchor).toBe(2);
    expect(ids(toggleMark(one, 2, 102))).toEqual([]);
  });

  it('marks a range from the anchor in either direction, adding to what is marked', () => {
    const start = toggleMark(toggleMark(NO_MARKS, 9, 109), 1, 101);
    expect(ids(markRange(start, 3, idAt))).toEqual([101, 102, 103, 109]);
    expect(ids(markRange(start, 0, idAt))).toEqual([100, 101, 109]);
  });

  it('re-ranges from the same anchor on a second Shift-click', () => {
    const first = markRange(toggleMark(NO_MARKS, 2, 102), 4, idAt);
    expect(first.anchor).toBe(2);
    expect(ids(markRange(first, 3, idAt))).toEqual([102, 103, 104]);
  });

  it('leaves out hits of the range that are not loaded', () => {
    const marks = markRange(toggleMark(NO_MARKS, 4, 104), 7, idAt);
    expect(ids(marks)).toEqual([104, 107]);
  });

  it('treats a Shift-click without an anchor as a toggle', () => {
    const marks = markRange(NO_MARKS, 3, idAt);
    expect(ids(marks)).toEqual([103]);
    expect(marks.anchor).toBe(3);
  });

  it('does nothing on a plain click, toggles on Ctrl-click, ranges on Shift-click', () => {
    const plain = pickHit(NO_MARKS, 3, { range: false, toggle: false }, idAt);
    expect(plain).toBe(NO_MARKS);
    const ctrl = pickHit(NO_MARKS, 3, { range: false, toggle: true }, idAt);
    expect(ids(ctrl)).toEqual([103]);
    const shift = pickHit(ctrl, 0, { range: true, toggle: false }, idAt);
    expect(ids(shift)).toEqual([100, 101, 102, 103]);
  });

  it('selects every result of a query and forgets that once a hit is toggled', () => {
    const all = markAll('tag:x', [5, 3, 9], 3);
    expect(all.allOf).toEqual({ query: 'tag:x', total: 3 });
    expect(markedIds(all)).toEqual([3, 5, 9]);
    const less = toggleMark(all, 0, 3);
    expect(less.allOf).toBeNull();
    expect(markedIds(less)).toEqual([5, 9]);
  });
});
