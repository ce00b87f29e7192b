import { hiddenLinks, linkify } from './linkify';

const targets = (text: string) =>
  linkify(text)
    .filter((r) => r.target)
    .map((r) => [r.text, r.target]);

describe('links, hashtags and mentions in translated text', () => {
  it('finds links, hashtags and mentions and keeps every character in order', () => {
    const text = 'Read https://es.example.org/a/b?x=1, follow @way_home_channel and #mobilization. Thanks';
    const runs = linkify(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    for (const r of runs) expect(text.slice(r.start, r.start + r.text.length)).toBe(r.text);
    expect(targets(text)).toEqual([
      ['https://es.example.org/a/b?x=1', { kind: 'url', href: 'https://es.example.org/a/b?x=1' }],
      ['@way_home_channel', { kind: 'mention', name: '@way_home_channel' }],
      ['#mobilization', { kind: 'hashtag', tag: '#mobilization' }],
    ]);
  });

  it('leaves sentence punctuation out of a link but keeps a bracket the link opened', () => {
    expect(targets('See https://x.org/page.')).toEqual([
      ['https://x.org/page', { kind: 'url', href: 'https://x.org/page' }],
    ]);
    expect(targets('(source: https://en.wikipedia.org/wiki/Kursk_(city))')[0]?.[0]).toBe(
      'https://en.wikipedia.org/wiki/Kursk_(city)',
    );
    expect(targets('Channel t.me/wayhome!')).toEqual([
      ['t.me/wayhome', { kind: 'url', href: 'https://t.me/wayhome' }],
    ]);
  });

  it('does not take e-mail addresses, C#, or numbers for mentions and hashtags', () => {
    expect(targets('Write to press@example.org about C# and issue #42.')).toEqual([]);
  });

  it('finds hashtags in Cyrillic and never links javascript: text', () => {
    expect(targets('#мобилизация and javascript:alert(1)')).toEqual([
      ['#мобилизация', { kind: 'hashtag', tag: '#мобилизация' }],
    ]);
  });
});

describe('links hidden behind words of the original', () => {
  it('lists the text links starting in a sentence, http(s) only, each once', () => {
    const entities = [
      { type: 'text_link', offset: 5, length: 7, href: 'https://t.me/wayhome/12' },
      { type: 'text_link', offset: 20, length: 3, href: 'https://t.me/wayhome/12' },
      { type: 'text_link', offset: 22, length: 3, href: 'javascript:alert(1)' },
      { type: 'bold', offset: 6, length: 2 },
      { type: 'text_link', offset: 40, length: 4, href: 'https://example.org/' },
    ];
    expect(hiddenLinks(entities, 0, 30)).toEqual(['https://t.me/wayhome/12']);
    expect(hiddenLinks(entities, 30, 50)).toEqual(['https://example.org/']);
    expect(hiddenLinks([], 0, 10)).toEqual([]);
  });
});
