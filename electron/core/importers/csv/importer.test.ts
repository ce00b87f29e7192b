import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { ImportError } from '../errors';
import { claims, collect, inputFile } from '../format-testing';
import { csvImporter } from './importer';
import { inspectCsv } from './inspect';

function tempCsv(
  name: string,
  content: string | Buffer,
): { path: string; displayName: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'sifter-csv-')), name);
  writeFileSync(path, content);
  return { path, displayName: name, size: Buffer.byteLength(content) };
}

describe('CSV importer', () => {
  it('maps the monitoring export automatically and imports its 3 rows', async () => {
    const { sources, items } = await collect(csvImporter, inputFile('csv/media-monitoring-export.csv'));
    expect(sources.map((s) => s.key)).toEqual(['csv:Example Daily', 'csv:Example Blog', 'csv:Пример']);
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({
      sourceKey: 'csv:Example Daily',
      kind: 'article',
      externalId: 'https://news.example.com/world/furious-families-russian-troops-putin',
      url: 'https://news.example.com/world/furious-families-russian-troops-putin',
      title: "Furious families of Russian troops tell Vladimir Putin: 'Go to the front line and die'",
      author: null,
      channel: 'Example Daily',
      publishedAt: Date.UTC(2023, 11, 26, 14, 5),
      timeZoneUnknown: true,
      lang: 'en',
      text: 'Relatives of Russian troops released a heartfelt message…',
      extra: {
        'Hit Sentence': '…challenging him to personally take part in the war he started.',
        Reach: '1200000',
        Sentiment: 'Negative',
        Keywords: 'Putin, Way Home',
        country: 'United Kingdom',
      },
    });
    // Formula-looking cells are stored as written: neutralising them is the exporter's job.
    expect(items[1]).toMatchObject({
      title: '=HYPERLINK("http://evil.example","Click")',
      url: 'https://blog.example.net/post/1',
      publishedAt: Date.UTC(2023, 11, 27, 9, 40),
      text: 'A headline that starts with an equals sign must never run as a formula.',
    });
    expect(items[2]).toMatchObject({
      sourceKey: 'csv:Пример',
      title: 'Жёны мобилизованных вышли к Кремлю',
      externalId: 'https://ru.example.org/2024/01/06/wives-kremlin',
      lang: 'ru',
      publishedAt: Date.UTC(2024, 0, 6, 15),
      text: 'Около двадцати женщин возложили цветы к Вечному огню.',
      extra: { country: 'Russia', Reach: '5000', Sentiment: 'Neutral', Keywords: 'мобилизация' },
    });
  });

  it('refuses unknown headers, saying which and how to map them', async () => {
    const file = tempCsv('tool.csv', 'Kolumna A,Kolumna B\nx,y\n');
    const run = collect(csvImporter, file);
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(
      /^tool\.csv: could not find a text or headline column among "Kolumna A", "Kolumna B"; pass a column mapping \(options\.csvMap/,
    );
  });

  it('imports with a user mapping, windows-1251 and semicolons', async () => {
    const content = iconv.encode(
      'Когда;Что;Кто\r\n06.01.2024 15:00;Текст поста;Иван\r\n07.01.2024 10:30;Второй пост;Пётр\r\n',
      'windows-1251',
    );
    const file = tempCsv('export.csv', content);
    const { items } = await collect(csvImporter, file, {
      csvMap: { date: 'Когда', text: 'что', author: 'Кто' },
    });
    expect(items.map((i) => [i.kind, i.text, i.author, i.publishedAt, i.sourceKey])).toEqual([
      ['row', 'Текст поста', 'Иван', Date.UTC(2024, 0, 6, 15), 'csv:export.csv'],
      ['row', 'Второй пост', 'Пётр', Date.UTC(2024, 0, 7, 10, 30), 'csv:export.csv'],
    ]);
    // No URL or id: rows are identified by a hash of their cells, stable across re-imports.
    expect(items[0]?.externalId).toMatch(/^row:[0-9a-f]{40}$/);
    const again = await collect(csvImporter, file, { csvMap: { date: 'Когда', text: 'что', author: 'Кто' } });
    expect(again.items.map((i) => i.externalId)).toEqual(items.map((i) => i.externalId));
  });

  it('refuses a mapping that names a missing column or an unknown field', async () => {
    const file = tempCsv('a.csv', 'x,y\n1,2\n');
    await expect(collect(csvImporter, file, { csvMap: { text: 'z' } })).rejects.toThrow(
      /^a\.csv: the column mapping maps text to "z", which is not a column of this file \(columns: "x", "y"\)/,
    );
    await expect(collect(csvImporter, file, { csvMap: { body: 'x' } })).rejects.toThrow(
      /^a\.csv: the column mapping names "body", which is not a Sifter field/,
    );
  });

  it('handles a UTF-8 BOM and quoted multi-line cells', async () => {
    const file = tempCsv(
      'bom.csv',
      '\uFEFFtitle,text,link\n"Line ""one""","First paragraph\n\nSecond",https://a.example/1\n',
    );
    const { items } = await collect(csvImporter, file);
    expect(items[0]).toMatchObject({
      kind: 'article',
      title: 'Line "one"',
      text: 'First paragraph\n\nSecond',
      externalId: 'https://a.example/1',
    });
  });

  it('detects CSV by content and leaves other text alone', async () => {
    expect(await claims(csvImporter, 'csv/media-monitoring-export.csv')).toBe(true);
    for (const other of [
      'ndjson/telegram-collector.ndjson',
      'hostile/not-an-archive.json',
      'feeds/world.rss',
      'articles/furious-families-front-line.html',
      'x-archive/data/tweets.js',
      'warc/sample.warc.gz',
    ]) {
      expect(await claims(csvImporter, other), other).toBe(false);
    }
    expect(
      csvImporter.detect({
        head: Buffer.from('Just a sentence, with a comma.\nAnother line here.\n'),
        name: 'notes.csv',
      }),
    ).toBe(false);
  });
});

describe('inspectCsv', () => {
  it('reports headers, the recognised mapping, what is missing and sample rows', async () => {
    const inspection = await inspectCsv(inputFile('csv/media-monitoring-export.csv').path);
    expect(inspection.file).toBe('media-monitoring-export.csv');
    expect(inspection.headers).toEqual([
      'Date',
      'Headline',
      'URL',
      'Opening Text',
      'Hit Sentence',
      'Source',
      'Language',
      'Country',
      'Reach',
      'Sentiment',
      'Keywords',
    ]);
    expect(inspection.mapping).toEqual({
      date: 'Date',
      title: 'Headline',
      url: 'URL',
      text: 'Opening Text',
      source: 'Source',
      lang: 'Language',
      country: 'Country',
    });
    expect(inspection.missing).toEqual([]);
    expect(inspection.sample).toHaveLength(3);
    expect(inspection.sample[2]).toMatchObject({
      Headline: 'Жёны мобилизованных вышли к Кремлю',
      Source: 'Пример',
    });

    const unknown = await inspectCsv(tempCsv('u.csv', 'A,B\n1,2\n').path);
    expect(unknown).toMatchObject({
      headers: ['A', 'B'],
      mapping: {},
      missing: ['text'],
      sample: [{ A: '1', B: '2' }],
    });
  });
});
