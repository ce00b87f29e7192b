import fc from 'fast-check';
import { parseQuery } from './parser';
import type { QueryNode } from './ast';
import { civilDay } from './dates';

/** A compact rendering of a tree, to compare whole parses at a glance. */
function show(n: QueryNode | null): string {
  if (!n) return '∅';
  switch (n.type) {
    case 'term':
      return `${n.text}${n.prefix ? '*' : ''}${n.fuzzy ? `~${n.fuzzy}` : ''}`;
    case 'phrase':
      return `"${n.words.join(' ')}"${n.slop || !n.ordered ? `~${n.slop}` : ''}`;
    case 'field':
      return `${n.field}:${n.value}`;
    case 'date':
      return `date:${n.fromDay ?? ''}..${n.toDay ?? ''}`;
    case 'flag':
      return `flag:${n.flag}`;
    case 'not':
      return `NOT(${show(n.child)})`;
    case 'and':
    case 'or':
      return `${n.type.toUpperCase()}(${n.children.map(show).join(' ')})`;
  }
}

const p = (q: string): string => show(parseQuery(q).ast);

describe('query parser', () => {
  test.each([
    ['мобилизация', 'мобилизация'],
    ['жены мобилизованных', 'AND(жены мобилизованных)'],
    ['a AND b', 'AND(a b)'],
    ['a OR b', 'OR(a b)'],
    ['путин OR зеленский мобилизация', 'AND(OR(путин зеленский) мобилизация)'],
    ['a b OR c', 'AND(a OR(b c))'],
    ['NOT a', 'NOT(a)'],
    ['a -b +c', 'AND(a NOT(b) c)'],
    ['(a OR b) -(c d)', 'AND(OR(a b) NOT(AND(c d)))'],
    ['"front line"', '"front line"'],
    ['"a b"~5', '"a b"~5'],
    ['a NEAR/3 b', '"a b"~3'],
    ['мобилиз*', 'мобилиз*'],
    ['обстрял~1', 'обстрял~1'],
    ['обстрял~', 'обстрял~1'],
    ['channel:"Ждём домой (тестовый канал)"', 'channel:Ждём домой (тестовый канал)'],
    ['from:приморья', 'channel:приморья'],
    ['lang:UK', 'lang:uk'],
    ['kind:feed', 'kind:feed-entry'],
    ['tag:Actors -tag:Noise', 'AND(tag:Actors NOT(tag:Noise))'],
    ['has:clip has:note untagged', 'AND(flag:clip flag:note flag:untagged)'],
    ['text:санкции', 'санкции'],
    ['+обстрел +шлифовать', 'AND(обстрел шлифовать)'],
    ['https://example.com/a', 'https://example.com/a'],
    ['«Министерство обороны»', '"Министерство обороны"'],
  ])('%s → %s', (query, expected) => {
    const parsed = parseQuery(query);
    expect(show(parsed.ast)).toBe(expected);
    expect(parsed.problem).toBeNull();
  });

  test('dates are civil days; ranges are inclusive of their last day', () => {
    expect(p('date:2023-12-01..2023-12-31')).toBe(`date:${civilDay(2023, 12, 1)}..${civilDay(2024, 1, 1)}`);
    expect(p('date:2023-12-14')).toBe(`date:${civilDay(2023, 12, 14)}..${civilDay(2023, 12, 15)}`);
    expect(p('date:2023-12')).toBe(`date:${civilDay(2023, 12, 1)}..${civilDay(2024, 1, 1)}`);
    expect(p('after:2023-12-01')).toBe(`date:${civilDay(2023, 12, 1)}..`);
    expect(p('before:2023-12-01')).toBe(`date:..${civilDay(2023, 12, 1)}`);
    expect(p('date:..2023-12-01')).toBe(`date:..${civilDay(2023, 12, 2)}`);
  });

  test.each([
    ['(a OR b', 'Missing ")"', 0, 1, 'OR(a b)'],
    ['a OR', 'OR needs something after it', 2, 4, 'a'],
    ['"front line', 'Missing closing quote', 0, 11, '"front line"'],
    ['a ) b', 'Unmatched ")"', 2, 3, 'AND(a b)'],
    ['lang:russian', 'lang: takes an ISO 639-1 code', 5, 12, '∅'],
    ['date:2023-02-30 войска', 'date: takes a date', 5, 15, 'войска'],
    ['date:2023-12-31..2023-12-01', 'ends before it starts', 5, 27, '∅'],
    ['kind:video', 'kind: takes', 5, 10, '∅'],
    ['chanel:foo', 'Unknown field "chanel:"', 0, 7, 'chanel foo'],
    ['channel:', 'channel: needs a value', 0, 8, '∅'],
    ['a NOT', 'NOT needs something after it', 2, 5, 'a'],
    ['()', 'Empty parentheses', 0, 2, '∅'],
    ['мобилиз* NEAR/5 жены', 'NEAR joins two words', 9, 15, 'AND(мобилиз* жены)'],
  ])('%s reports "%s" at its position and still searches what it can', (query, message, start, end, best) => {
    const parsed = parseQuery(query);
    expect(parsed.problem?.message).toContain(message);
    expect([parsed.problem?.start, parsed.problem?.end]).toEqual([start, end]);
    expect(show(parsed.ast)).toBe(best);
  });

  test('deep nesting is refused, not a stack overflow', () => {
    const parsed = parseQuery('('.repeat(10_000) + 'a');
    expect(parsed.problem?.message).toMatch(/nested too deeply/);
  });

  test('property: any string parses without throwing, with a problem inside the text', () => {
    const alphabet = fc.constantFrom(
      ...'ab мы"()*~:-+ORANDNEAR/5 .,«»\'’@#'.split(''),
      'AND',
      'OR',
      'NOT',
      'NEAR/2',
      'lang:',
      'date:',
      'channel:"',
      '..',
      '2023-12-01',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 80 }),
          fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')),
        ),
        (q) => {
          const parsed = parseQuery(q);
          if (parsed.problem) {
            expect(parsed.problem.start).toBeGreaterThanOrEqual(0);
            expect(parsed.problem.end).toBeGreaterThanOrEqual(parsed.problem.start);
            expect(parsed.problem.end).toBeLessThanOrEqual(q.length);
            expect(parsed.problem.message.length).toBeGreaterThan(0);
          }
          const check = (n: QueryNode): void => {
            expect(n.start).toBeGreaterThanOrEqual(0);
            expect(n.end).toBeLessThanOrEqual(q.length);
            if (n.type === 'and' || n.type === 'or') n.children.forEach(check);
            if (n.type === 'not') check(n.child);
          };
          if (parsed.ast) check(parsed.ast);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
