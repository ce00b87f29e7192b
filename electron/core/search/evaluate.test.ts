import fc from 'fast-check';
import { editDistanceWithin, withinOneEdit } from './evaluate';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

test('bounded edit distance agrees with plain Levenshtein', () => {
  const word = fc.string({ unit: fc.constantFrom('а', 'б', 'в', 'г'), maxLength: 7 });
  fc.assert(
    fc.property(word, word, (a, b) => {
      const d = levenshtein(a, b);
      expect(withinOneEdit(a, b)).toBe(d <= 1);
      expect(editDistanceWithin(a, b, 1)).toBe(d <= 1);
      expect(editDistanceWithin(a, b, 2)).toBe(d <= 2);
    }),
    { numRuns: 2000 },
  );
});
