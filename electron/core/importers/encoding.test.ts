import iconv from 'iconv-lite';
import {
  charsetFromContentType,
  declaredHtmlCharset,
  declaredXmlEncoding,
  decodeBytes,
  detectEncoding,
  detectHtmlEncoding,
  isValidUtf8,
  normalizeCharset,
} from './encoding';

describe('encoding detection', () => {
  const russian =
    'Жёны мобилизованных вышли к Кремлю. Участницы движения «Путь домой» требуют демобилизации своих мужей.';

  it('reads the charset from meta charset and meta http-equiv', () => {
    expect(declaredHtmlCharset(Buffer.from('<html><head><meta charset="windows-1251">'))).toBe(
      'windows-1251',
    );
    expect(
      declaredHtmlCharset(
        Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
      ),
    ).toBe('koi8-r');
    expect(declaredHtmlCharset(Buffer.from('<meta charset=x-cp1251>'))).toBe('windows-1251');
    expect(declaredHtmlCharset(Buffer.from('<meta charset="no-such-charset">'))).toBeNull();
  });

  it('prefers a BOM, then the transport, then the document, then valid UTF-8, then a guess', () => {
    const cp1251 = iconv.encode(`<meta charset="koi8-r"><p>${russian}</p>`, 'windows-1251');
    expect(
      detectHtmlEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>x</p>')])),
    ).toEqual({ encoding: 'utf-8', from: 'bom' });
    expect(detectHtmlEncoding(cp1251, 'windows-1251')).toEqual({
      encoding: 'windows-1251',
      from: 'transport',
    });
    expect(detectHtmlEncoding(cp1251)).toEqual({ encoding: 'koi8-r', from: 'declared' });
    expect(detectHtmlEncoding(Buffer.from(`<p>${russian}</p>`))).toEqual({ encoding: 'utf-8', from: 'utf8' });
    const guessed = detectEncoding(iconv.encode(`${russian} ${russian}`, 'windows-1251'));
    expect(guessed.from).toBe('guess');
    expect(decodeBytes(iconv.encode(russian, 'windows-1251'), guessed.encoding)).toBe(russian);
  });

  it('distrusts a UTF-8 declaration the bytes contradict', () => {
    const bytes = iconv.encode(`<meta charset="utf-8"><p>${russian} ${russian}</p>`, 'windows-1251');
    expect(detectHtmlEncoding(bytes).from).toBe('guess');
  });

  it('treats a UTF-8 sequence cut at the end of a head as valid when asked', () => {
    const bytes = Buffer.from('абв');
    expect(isValidUtf8(bytes.subarray(0, 5))).toBe(false);
    expect(isValidUtf8(bytes.subarray(0, 5), true)).toBe(true);
    expect(isValidUtf8(Buffer.from([0x61, 0xff, 0x62]), true)).toBe(false);
  });

  it('normalises labels the way browsers do', () => {
    expect(normalizeCharset('ISO-8859-1')).toBe('windows-1252');
    expect(normalizeCharset(' "UTF8" ')).toBe('utf-8');
    expect(charsetFromContentType('text/html; charset="KOI8-R"')).toBe('koi8-r');
    expect(declaredXmlEncoding(Buffer.from('<?xml version="1.0" encoding="windows-1251"?><rss>'))).toBe(
      'windows-1251',
    );
  });
});
