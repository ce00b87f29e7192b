import type { TranslatedSegment } from '../../../../shared/api/translate';
import {
  alignColumns,
  paragraphRows,
  paragraphSpacers,
  segmentAtOffset,
  segmentsInRange,
  spacersChanged,
} from './alignment';

// "Uno. Dos.\nTres." translated as "One. Two.\nThree." — with an untranslated sentence variant.
function seg(
  index: number,
  paragraph: number,
  [start, end]: [number, number],
  [targetStart, targetEnd]: [number, number],
): TranslatedSegment {
  return {
    index,
    paragraph,
    start,
    end,
    source: '',
    target: 'x'.repeat(targetEnd - targetStart),
    engine: 'apertium',
    edited: false,
    targetStart,
    targetEnd,
  };
}

const SEGMENTS = [seg(0, 0, [0, 4], [0, 4]), seg(1, 0, [5, 9], [5, 9]), seg(2, 1, [10, 15], [10, 16])];

describe('sentence alignment between the original and the translation', () => {
  it('finds the sentence under an offset on either side, and none between sentences', () => {
    expect(segmentAtOffset(SEGMENTS, 0, 'original')).toBe(0);
    expect(segmentAtOffset(SEGMENTS, 3, 'original')).toBe(0);
    expect(segmentAtOffset(SEGMENTS, 4, 'original')).toBe(-1); // the space after "Uno."
    expect(segmentAtOffset(SEGMENTS, 6, 'original')).toBe(1);
    expect(segmentAtOffset(SEGMENTS, 14, 'original')).toBe(2);
    expect(segmentAtOffset(SEGMENTS, 15, 'original')).toBe(-1);
    expect(segmentAtOffset(SEGMENTS, 15, 'translation')).toBe(2);
    expect(segmentAtOffset(SEGMENTS, 5, 'translation')).toBe(1);
    expect(segmentAtOffset([], 0, 'original')).toBe(-1);
  });

  it('skips sentences not translated yet on the translation side', () => {
    const partly = [seg(0, 0, [0, 4], [0, 0]), seg(1, 0, [5, 9], [0, 4])];
    expect(segmentAtOffset(partly, 0, 'translation')).toBe(1);
    expect(segmentAtOffset(partly, 0, 'original')).toBe(0);
    expect(segmentsInRange(partly, 0, 10, 'translation')).toEqual([1]);
  });

  it('lists the sentences a selection touches', () => {
    expect(segmentsInRange(SEGMENTS, 2, 6, 'original')).toEqual([0, 1]);
    expect(segmentsInRange(SEGMENTS, 4, 5, 'original')).toEqual([]);
    expect(segmentsInRange(SEGMENTS, 8, 12, 'translation')).toEqual([1, 2]);
  });

  it('groups sentences into paragraph rows', () => {
    expect(paragraphRows(SEGMENTS)).toEqual([
      { paragraph: 0, sentences: [0, 1], start: 0 },
      { paragraph: 1, sentences: [2], start: 10 },
    ]);
  });

  it('pushes each translated paragraph down to its original, never up, and the rest follow', () => {
    // Originals start at 0, 100, 300; translations would start at 0, 60, 120 with no spacers.
    expect(paragraphSpacers([0, 60, 120], [0, 100, 300])).toEqual([0, 40, 140]);
    // A long translated paragraph runs past the next original: no space, later ones still align.
    expect(paragraphSpacers([0, 150, 200], [0, 100, 300])).toEqual([0, 0, 100]);
    // Unknown original positions (an HTML article) add nothing.
    expect(paragraphSpacers([0, 60], [null, null])).toEqual([0, 0]);
  });

  it('moves the original down when the translation starts lower (its title comes first)', () => {
    // Translated paragraphs would start at 50 and 110 (a title above them); originals at 0 and 100.
    expect(alignColumns([50, 110], [0, 100])).toEqual({ lead: 50, spacers: [0, 40] });
    // Translation already level or higher: no lead, spacers as before.
    expect(alignColumns([0, 60, 120], [0, 100, 300])).toEqual({ lead: 0, spacers: [0, 40, 140] });
    expect(alignColumns([30], [null])).toEqual({ lead: 0, spacers: [0] });
    expect(alignColumns([], [])).toEqual({ lead: 0, spacers: [] });
  });

  it('tells a real change of spacers from sub-pixel noise', () => {
    expect(spacersChanged([0, 40], [0, 40.6])).toBe(false);
    expect(spacersChanged([0, 40], [0, 42])).toBe(true);
    expect(spacersChanged([0], [0, 0])).toBe(true);
  });
});
