import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError } from '../errors';
import { claims, collect, inputFile } from '../format-testing';
import { ndjsonImporter } from './importer';

function tempNdjson(
  name: string,
  content: string | Buffer,
): { path: string; displayName: string; size: number } {
  const path = join(mkdtempSync(join(tmpdir(), 'sifter-ndjson-')), name);
  writeFileSync(path, content);
  return { path, displayName: name, size: Buffer.byteLength(content) };
}

describe('NDJSON importer', () => {
  it('imports the 2 collected channel posts with their fields', async () => {
    const { sources, items } = await collect(ndjsonImporter, inputFile('ndjson/telegram-collector.ndjson'));
    expect(sources).toEqual([
      { key: 'ndjson:sample_news_ru', kind: 'ndjson', name: 'sample_news_ru', username: 'sample_news_ru' },
    ]);
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      sourceKey: 'ndjson:sample_news_ru',
      kind: 'post',
      externalId: '5501',
      url: 'https://t.me/sample_news_ru/5501',
      title: null,
      author: 'sample_news_ru',
      channel: 'sample_news_ru',
      // unix_timestamp wins over the zone-less local "2024-01-06 12:30:00" (Moscow time).
      publishedAt: Date.UTC(2024, 0, 6, 9, 30),
      lang: null,
      text: 'Родственники мобилизованных провели пикет в Москве.',
      forwardedFrom: null,
      replyToExternalId: null,
      reactions: [
        { emoji: '👍', count: 120 },
        { emoji: '😢', count: 8 },
      ],
      editedAt: null,
      // The local time as the collector wrote it stays beside the UTC instant.
      extra: { thread_id: 5501, views: 15230, timestamp: '2024-01-06 12:30:00' },
    });
    expect(items[1]).toMatchObject({
      externalId: '5502',
      publishedAt: Date.UTC(2024, 0, 9, 5, 0),
      text: 'Минобороны: ротация мобилизованных не планируется.',
      forwardedFrom: 'Пример Минобороны',
      reactions: [{ emoji: '🤬', count: 900 }],
      extra: { thread_id: 5502, views: 40211, link_attached: 'https://ru.example.org/2024/01/09/mod-reply' },
    });
  });

  it('reports invalid UTF-8 with the file and line, never replacing it', async () => {
    const run = collect(ndjsonImporter, inputFile('hostile/invalid-utf8.ndjson'));
    await expect(run).rejects.toBeInstanceOf(ImportError);
    await expect(run).rejects.toThrow(
      /^hostile\/invalid-utf8\.ndjson: line 1 is not valid UTF-8 \(bad byte 0xff at byte 58 of the line\); NDJSON must be UTF-8$/,
    );
  });

  it('reports a malformed line with its number', async () => {
    const file = tempNdjson(
      'dump.ndjson',
      '{"id":1,"text":"a"}\n\n{"id":2,"text":"b"\n{"id":3,"text":"c"}\n',
    );
    await expect(collect(ndjsonImporter, file)).rejects.toThrow(/^dump\.ndjson: line 3 is not valid JSON/);
    const notObject = tempNdjson('arr.ndjson', '{"id":1,"text":"a"}\r\n[1,2]\r\n');
    await expect(collect(ndjsonImporter, notObject)).rejects.toThrow(
      /^arr\.ndjson: line 2 is not a JSON object/,
    );
  });

  it('maps other collectors’ field names and keeps a line without id stable', async () => {
    const file = tempNdjson(
      'other.jsonl',
      '{"message_id":"77","chat":{"username":"some_chan","title":"Some"},"from":{"name":"Ann"},"date":"2024-02-01T10:00:00+02:00","message":[{"type":"bold","text":"Hi"}," all"],"reply_to_msg_id":76,"lang":"uk","reactions":[{"emoji":"🔥","count":3}]}\n' +
        '{"channel":"x","text":"no id here","date":1706781600}',
    );
    const { sources, items } = await collect(ndjsonImporter, file);
    expect(sources.map((s) => s.key)).toEqual(['ndjson:some_chan', 'ndjson:x']);
    expect(items[0]).toMatchObject({
      externalId: '77',
      author: 'Ann',
      text: 'Hi all',
      replyToExternalId: '76',
      lang: 'uk',
      publishedAt: Date.UTC(2024, 1, 1, 8),
      url: 'https://t.me/some_chan/77',
      reactions: [{ emoji: '🔥', count: 3 }],
    });
    expect(items[1]).toMatchObject({ text: 'no id here', url: null, publishedAt: 1706781600000 });
    expect(items[1]?.externalId).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('claims post dumps, not other JSON', async () => {
    expect(await claims(ndjsonImporter, 'ndjson/telegram-collector.ndjson')).toBe(true);
    expect(await claims(ndjsonImporter, 'hostile/invalid-utf8.ndjson')).toBe(true);
    expect(await claims(ndjsonImporter, 'hostile/not-an-archive.json')).toBe(false);
    expect(await claims(ndjsonImporter, 'telegram/channel-export/result.json')).toBe(false);
    expect(await claims(ndjsonImporter, 'csv/media-monitoring-export.csv')).toBe(false);
  });
});

describe('NDJSON import cancellation', () => {
  it('stops with the abort reason when the import is cancelled', async () => {
    const { fakeContext } = await import('../format-testing');
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the analyst'));
    const lines = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ id: i, text: `post ${i}` })).join(
      '\n',
    );
    const file = tempNdjson('many.ndjson', lines);
    const run = async (): Promise<number> => {
      let n = 0;
      for await (const _record of ndjsonImporter.parse(file, fakeContext({}, controller.signal))) n++;
      return n;
    };
    await expect(run()).rejects.toThrow(/cancelled by the analyst|aborted/i);
  });
});
