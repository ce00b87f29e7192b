import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AREAS, defaultState, formatHash, parseHash, type NavState } from './nav';

describe('nav hash', () => {
  it('reads every area with its parameters', () => {
    expect(parseHash('#/library')).toEqual({ area: 'library' });
    expect(
      parseHash('#/search?q=%D0%BC%D0%BE%D0%B1%D1%96%D0%BB%D1%96%D0%B7%D0%B0%D1%86%D1%96%D1%8F'),
    ).toEqual({
      area: 'search',
      query: 'мобілізація',
    });
    expect(parseHash('#/reader?item=42')).toEqual({ area: 'reader', itemId: 42 });
    expect(parseHash('#/tags?tag=7')).toEqual({ area: 'tags', tagId: 7 });
    expect(parseHash('#/reports')).toEqual({ area: 'reports' });
    expect(parseHash('#/settings?section=workspace')).toEqual({ area: 'settings', section: 'workspace' });
  });

  it('accepts a hash without "#" and with a trailing slash', () => {
    expect(parseHash('/search/?q=a')).toEqual({ area: 'search', query: 'a' });
  });

  it('leaves the browser-mode token hand-over alone', () => {
    expect(parseHash('#token=abc123')).toBeNull();
    expect(parseHash('')).toBeNull();
    expect(parseHash('#')).toBeNull();
  });

  it('ignores unknown areas and malformed ids instead of guessing', () => {
    expect(parseHash('#/nowhere')).toBeNull();
    expect(parseHash('#/%E0%A4%A')).toBeNull();
    expect(parseHash('#/reader?item=abc')).toEqual({ area: 'reader', itemId: null });
    expect(parseHash('#/reader?item=-3')).toEqual({ area: 'reader', itemId: null });
    expect(parseHash('#/reader?item=99999999999999999999')).toEqual({ area: 'reader', itemId: null });
  });

  it('writes defaults as a bare area', () => {
    for (const area of AREAS) expect(formatHash(defaultState(area))).toBe(`#/${area}`);
  });

  it('keeps query syntax intact through the address bar', () => {
    const query =
      'channel:"Way Home" AND (мобилизация OR "wives") -tag:done date:2024-01..2024-02 #hashtag & a=b?';
    const hash = formatHash({ area: 'search', query });
    expect(hash.startsWith('#/search?q=')).toBe(true);
    expect(hash.slice(1)).not.toContain('#');
    expect(parseHash(hash)).toEqual({ area: 'search', query });
  });

  it('round-trips any state', () => {
    const id = fc.option(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), { nil: null });
    const state: fc.Arbitrary<NavState> = fc.oneof(
      fc.constant({ area: 'library' } as const),
      fc.string().map((query) => ({ area: 'search', query }) as const),
      id.map((itemId) => ({ area: 'reader', itemId }) as const),
      id.map((tagId) => ({ area: 'tags', tagId }) as const),
      fc.constant({ area: 'reports' } as const),
      fc
        .option(fc.string({ minLength: 1 }), { nil: null })
        .map((section) => ({ area: 'settings', section }) as const),
    );
    fc.assert(
      fc.property(state, (s) => {
        expect(parseHash(formatHash(s))).toEqual(s);
      }),
    );
  });
});

describe('nav store', () => {
  it('reopens an area where it was left', async () => {
    const { navigate, getNav } = await import('./nav');
    expect(getNav()).toEqual({ area: 'library' });
    navigate({ area: 'search', query: 'front line' });
    navigate({ area: 'reader', itemId: 12 });
    navigate('tags');
    expect(getNav()).toEqual({ area: 'tags', tagId: null });
    navigate('search');
    expect(getNav()).toEqual({ area: 'search', query: 'front line' });
    navigate('reader');
    expect(getNav()).toEqual({ area: 'reader', itemId: 12 });
  });
});
