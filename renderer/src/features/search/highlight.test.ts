import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { highlightSegments, problemSegments } from './highlight';

describe('highlightSegments', () => {
  it('marks the matched words of a snippet', () => {
    const text = 'Родственники мобилизованных вышли к Думе';
    expect(highlightSegments(text, [[13, 27]])).toEqual([
      { text: 'Родственники ', marked: false },
      { text: 'мобилизованных', marked: true },
      { text: ' вышли к Думе', marked: false },
    ]);
  });

  it('merges overlapping and touching ranges given out of order', () => {
    const segs = highlightSegments('the front line moved', [
      [10, 14],
      [4, 9],
      [8, 10],
    ]);
    expect(segs).toEqual([
      { text: 'the ', marked: false },
      { text: 'front line', marked: true },
      { text: ' moved', marked: false },
    ]);
  });

  it('ignores empty, reversed and out-of-range ranges without altering the text', () => {
    const segs = highlightSegments('abc', [
      [2, 2],
      [3, 1],
      [-5, 1],
      [2, 99],
    ]);
    expect(segs).toEqual([
      { text: 'a', marked: true },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(highlightSegments('', [[0, 3]])).toEqual([{ text: '', marked: false }]);
  });

  it('always gives the snippet back, marking exactly the characters inside some range', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }))),
        (text, ranges) => {
          const segs = highlightSegments(text, ranges as [number, number][]);
          expect(segs.map((s) => s.text).join('')).toBe(text);
          let at = 0;
          for (const s of segs) {
            for (let i = at; i < at + s.text.length; i += 1) {
              const inside = ranges.some(([a, b]) => i >= a && i < b);
              expect(s.marked).toBe(inside);
            }
            at += s.text.length;
          }
          // No two neighbours with the same state: the merge is complete.
          for (let i = 1; i < segs.length; i += 1) expect(segs[i]!.marked).not.toBe(segs[i - 1]!.marked);
        },
      ),
    );
  });
});

describe('problemSegments', () => {
  it('marks the span of the query a problem points at', () => {
    expect(problemSegments('a AND (b', 6, 7)).toEqual([
      { text: 'a AND ', marked: false },
      { text: '(', marked: true },
      { text: 'b', marked: false },
    ]);
  });

  it('marks a place after the end when the problem is a missing closer', () => {
    expect(problemSegments('"front line', 11, 11)).toEqual([
      { text: '"front line', marked: false },
      { text: ' ', marked: true },
    ]);
    expect(problemSegments('ab', 99, 120)).toEqual([
      { text: 'ab', marked: false },
      { text: ' ', marked: true },
    ]);
  });
});
