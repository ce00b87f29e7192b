import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  canonicalValue,
  clearDateRange,
  dateRangeOf,
  hasFieldFilter,
  quoteValue,
  setDateRange,
  toggleFieldFilter,
  topLevelFields,
} from './queryEdit';

describe('facet clicks rewrite the query', () => {
  it('adds a field filter on the first click and removes it on the second', () => {
    const once = toggleFieldFilter('мобилизованных', 'lang', 'ru');
    expect(once).toBe('мобилизованных lang:ru');
    expect(toggleFieldFilter(once, 'lang', 'ru')).toBe('мобилизованных');
  });

  it('quotes values with spaces, quotes and brackets, and recognises them again', () => {
    const q = toggleFieldFilter('', 'channel', 'Ждём домой (тестовый канал)');
    expect(q).toBe('channel:"Ждём домой (тестовый канал)"');
    expect(hasFieldFilter(q, 'channel', 'Ждём домой (тестовый канал)')).toBe(true);
    expect(toggleFieldFilter(q, 'channel', 'Ждём домой (тестовый канал)')).toBe('');
    // The language has no escapes inside quotes: quote characters cannot be part of a quoted value.
    expect(quoteValue('say "hi" «there»')).toBe('"say hi «there"');
    expect(quoteValue('OR')).toBe('OR');
    expect(quoteValue('-x')).toBe('-x');
  });

  it('brackets a query with a top-level OR so the filter applies to every branch', () => {
    expect(toggleFieldFilter('mobilised OR mobilized', 'kind', 'article')).toBe(
      '(mobilised OR mobilized) kind:article',
    );
  });

  it('leaves a negated filter or one inside brackets alone', () => {
    expect(toggleFieldFilter('-lang:ru x', 'lang', 'ru')).toBe('-lang:ru x lang:ru');
    expect(toggleFieldFilter('(a lang:ru) OR b', 'lang', 'ru')).toBe('((a lang:ru) OR b) lang:ru');
  });

  it('does not break quoted phrases that contain a colon', () => {
    const q = '"note: front line" tag:x';
    expect(topLevelFields(q).map((t) => [t.field, t.value])).toEqual([['tag', 'x']]);
    expect(toggleFieldFilter(q, 'tag', 'x')).toBe('"note: front line"');
  });

  it('reads signs, NOT and brackets the way the search engine does', () => {
    expect(
      topLevelFields('-channel:"a b" NOT lang:ru (kind:post) +tag:x').map((f) => [
        f.negated,
        f.field,
        f.value,
      ]),
    ).toEqual([
      [true, 'channel', 'a b'],
      [true, 'lang', 'ru'],
      [false, 'tag', 'x'],
    ]);
    expect(clearDateRange('war NOT date:2023-12-01..2023-12-02 -after:2023-01-01')).toBe('war');
  });

  it('round-trips any facet value through quoting', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((v) => canonicalValue(v) !== ''),
        (value) => {
          const q = toggleFieldFilter('base', 'author', value);
          expect(hasFieldFilter(q, 'author', value)).toBe(true);
          expect(toggleFieldFilter(q, 'author', value)).toBe('base');
        },
      ),
    );
  });
});

describe('timeline drags rewrite the date range', () => {
  it('replaces any date, after and before terms with one date range', () => {
    expect(setDateRange('war after:2023-01-01 before:2024-01-01', '2023-12-14', '2023-12-20')).toBe(
      'war date:2023-12-14..2023-12-20',
    );
    expect(setDateRange('war date:2023-01-01..2023-02-01', '2023-12-14', '2023-12-14')).toBe(
      'war date:2023-12-14..2023-12-14',
    );
    expect(setDateRange('', '2023-12-14', '2023-12-14')).toBe('date:2023-12-14..2023-12-14');
  });

  it('reads back and clears the range', () => {
    const q = 'war date:2023-12-14..2023-12-20 lang:ru';
    expect(dateRangeOf(q)).toEqual({ from: '2023-12-14', to: '2023-12-20' });
    expect(clearDateRange(q)).toBe('war lang:ru');
    expect(dateRangeOf('war')).toBeNull();
  });
});
