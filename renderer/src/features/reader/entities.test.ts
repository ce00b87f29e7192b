import { describe, expect, it } from 'vitest';
import { entityRuns, safeHref } from './entities';

describe('entityRuns', () => {
  it('renders plain text as one run', () => {
    expect(entityRuns('hello', [])).toEqual([
      { target: null, pieces: [{ start: 0, text: 'hello', styles: [] }] },
    ]);
  });

  it('splits text into styled pieces and link runs', () => {
    const text = 'Срочно: #мобилизация и @wayhome, см. https://example.org';
    const runs = entityRuns(text, [
      { type: 'bold', offset: 0, length: 6 },
      { type: 'hashtag', offset: 8, length: 12 },
      { type: 'mention', offset: 23, length: 8 },
      { type: 'link', offset: 37, length: 19 },
    ]);
    expect(runs.map((r) => [r.target, r.pieces.map((p) => p.text).join('')])).toEqual([
      [null, 'Срочно: '],
      [{ kind: 'hashtag', tag: '#мобилизация' }, '#мобилизация'],
      [null, ' и '],
      [{ kind: 'mention', name: '@wayhome' }, '@wayhome'],
      [null, ', см. '],
      [{ kind: 'url', href: 'https://example.org/' }, 'https://example.org'],
    ]);
    expect(runs[0]!.pieces[0]).toEqual({ start: 0, text: 'Срочно', styles: ['bold'] });
  });

  it('keeps a link whole when formatting crosses it', () => {
    const runs = entityRuns('read the full story here', [
      { type: 'text_link', offset: 5, length: 14, href: 'https://news.example/story' },
      { type: 'italic', offset: 9, length: 15 },
    ]);
    expect(runs).toEqual([
      { target: null, pieces: [{ start: 0, text: 'read ', styles: [] }] },
      {
        target: { kind: 'url', href: 'https://news.example/story' },
        pieces: [
          { start: 5, text: 'the ', styles: [] },
          { start: 9, text: 'full story', styles: ['italic'] },
        ],
      },
      { target: null, pieces: [{ start: 19, text: ' here', styles: ['italic'] }] },
    ]);
  });

  it('never links to javascript:, data: or file: URLs', () => {
    const runs = entityRuns('click', [
      { type: 'text_link', offset: 0, length: 5, href: 'javascript:alert(1)' },
    ]);
    expect(runs).toEqual([{ target: null, pieces: [{ start: 0, text: 'click', styles: [] }] }]);
    expect(safeHref('data:text/html,x')).toBeNull();
    expect(safeHref('file:///etc/passwd')).toBeNull();
    expect(safeHref('t.me/wayhome/12')).toBe('https://t.me/wayhome/12');
    expect(safeHref('mailto:a@b.c')).toBe('mailto:a@b.c');
  });

  it('survives entities past the end of the text and unknown types', () => {
    const runs = entityRuns('abc', [
      { type: 'bold', offset: 1, length: 99 },
      { type: 'unknown_future_type', offset: 0, length: 3 },
      { type: 'italic', offset: 5, length: 2 },
    ]);
    expect(runs).toEqual([
      {
        target: null,
        pieces: [
          { start: 0, text: 'a', styles: [] },
          { start: 1, text: 'bc', styles: ['bold'] },
        ],
      },
    ]);
  });
});
