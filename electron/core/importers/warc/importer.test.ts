import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ImportError } from '../errors';
import { claims, collect, inputFile } from '../format-testing';
import { warcImporter } from './importer';

/** A WARC response record around an HTTP response with the given headers and body. */
function response(uri: string, date: string, headers: string[], body: Buffer): Buffer {
  const http = Buffer.concat([
    Buffer.from(['HTTP/1.1 ' + (headers[0] ?? '200 OK'), ...headers.slice(1), '', ''].join('\r\n')),
    body,
  ]);
  const warc = [
    'WARC/1.0',
    'WARC-Type: response',
    `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`,
    `WARC-Date: ${date}`,
    `WARC-Target-URI: ${uri}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${http.length}`,
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(warc), http, Buffer.from('\r\n\r\n')]);
}

function tempWarc(name: string, content: Buffer): { path: string; displayName: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'sifter-warc-')), name);
  writeFileSync(path, content);
  return { path, displayName: name, size: content.length };
}

const EXPECTED = [
  {
    kind: 'article',
    sourceKey: 'warc:news.example.com',
    externalId: 'https://news.example.com/world/furious-families-russian-troops-putin',
    url: 'https://news.example.com/world/furious-families-russian-troops-putin',
    title: "Furious families of Russian troops tell Vladimir Putin: 'Go to the front line and die'",
    author: 'Staff Reporter',
    publishedAt: Date.UTC(2023, 11, 26, 14, 5),
    lang: 'en',
    extra: { capturedAt: Date.UTC(2023, 11, 26, 15) },
  },
  {
    kind: 'article',
    sourceKey: 'warc:news.example.com',
    externalId: 'https://news.example.com/world/kremlin-payoffs-soldiers-wives',
    title: "UK intelligence: Kremlin offered payoffs to soldiers' wives",
    publishedAt: Date.UTC(2023, 11, 9, 9, 30),
    lang: 'en',
    text:
      'British defence intelligence says the Kremlin may have tried to silence relatives of mobilised men by offering them money.\n\n' +
      'The relatives, organised through a Telegram channel, have demanded fixed terms of service and the return of their husbands.\n\n' +
      'Analysts say the authorities fear the movement could spread before the presidential election.',
    extra: { capturedAt: Date.UTC(2023, 11, 9, 10) },
  },
];

describe.each(['warc/sample.warc', 'warc/sample.warc.gz'])('WARC importer on %s', (path) => {
  it('gives 2 articles and skips the warcinfo, the request and the PNG', async () => {
    const { sources, items, skipped } = await collect(warcImporter, inputFile(path));
    expect(sources).toEqual([
      {
        key: 'warc:news.example.com',
        kind: 'warc',
        name: 'Example Daily (web archive)',
        url: 'https://news.example.com',
      },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject(EXPECTED[0]!);
    expect(items[1]).toMatchObject(EXPECTED[1]!);
    expect(items[0]?.text).toMatch(/^Relatives of Russian troops released a heartfelt message/);
    expect(items[0]?.text).not.toMatch(/READ MORE|Leave a Reply|Previous Story/);
    expect(items[0]?.html).not.toMatch(/tracker\.example\.net|<script/);
    expect(skipped).toEqual([
      'WARC warcinfo record',
      'WARC request record for https://news.example.com/world/furious-families-russian-troops-putin',
      'WARC response for https://news.example.com/img/logo.png: not HTML (image/png)',
    ]);
  });

  it('is detected by content', async () => {
    expect(await claims(warcImporter, path)).toBe(true);
  });
});

describe('WARC importer', () => {
  it('uses the HTTP charset and content encoding, the capture date when the page has none, and skips errors', async () => {
    const page = iconv.encode(
      '<html><head><title>Новость</title></head><body><article><p>Текст новости о мобилизованных.</p></article></body></html>',
      'windows-1251',
    );
    const warc = Buffer.concat([
      response(
        'https://www.example.ru/news/1',
        '2024-01-06T12:00:00Z',
        ['200 OK', 'Content-Type: text/html; charset=windows-1251', 'Content-Encoding: gzip'],
        gzipSync(page),
      ),
      response(
        'https://www.example.ru/missing',
        '2024-01-06T12:00:01Z',
        ['404 Not Found', 'Content-Type: text/html'],
        Buffer.from('<html><body>Not found</body></html>'),
      ),
    ]);
    const { sources, items, skipped } = await collect(warcImporter, tempWarc('crawl.warc', warc));
    expect(sources[0]?.key).toBe('warc:example.ru');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: 'Новость',
      text: 'Текст новости о мобилизованных.',
      publishedAt: Date.UTC(2024, 0, 6, 12),
      extra: { capturedAt: Date.UTC(2024, 0, 6, 12), encoding: 'windows-1251' },
    });
    expect(skipped).toEqual(['WARC response for https://www.example.ru/missing: HTTP status 404']);
  });

  it('refuses a file that is not a WARC, naming it', async () => {
    const run = collect(warcImporter, inputFile('csv/media-monitoring-export.csv'));
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(/^csv\/media-monitoring-export\.csv: not a WARC file/);
  });

  it('does not claim other gzip or text files', async () => {
    expect(warcImporter.detect({ head: gzipSync(Buffer.from('{"a":1}')), name: 'x.warc.gz' })).toBe(false);
    expect(warcImporter.detect({ head: Buffer.from('WARC is a format'), name: 'x.txt' })).toBe(false);
    expect(await claims(warcImporter, 'hostile/zip-bomb.zip')).toBe(false);
  });
});
