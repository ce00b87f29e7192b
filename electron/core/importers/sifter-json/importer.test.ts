// Sifter's own export format read back: detected by content (before generic NDJSON), a
// hand-formatted JSON document streams in with its annotations, and bad input is refused whole.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from '../registry';
import { importPaths } from '../pipeline';
import { looksLikeSifterExport } from './format';
import { openCore, tempDir, removeTempDirs } from '../../reports/testing';

afterAll(() => removeTempDirs());

const dir = tempDir('sifter-json-');
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

test.each([
  ['{"sifterExport":1,"items":[]}', true],
  ['\uFEFF  {\n  "sifterExport" : 1,\n  "items": []\n}', true],
  ['{"sifterExport":1,"type":"header"}\n{"type":"item"}\n', true],
  ['{"type":"item","sifterExport":1}', false],
  ['{"id": 5501, "chat": "sample_news_ru", "body": "text"}\n', false],
  ['[{"sifterExport":1}]', false],
])('detects %j: %s', (text, expected) => {
  expect(looksLikeSifterExport(Buffer.from(text))).toBe(expected);
});

test('a Sifter NDJSON export is claimed by the sifter-json importer, not the generic NDJSON one', async () => {
  const path = write(
    'export.ndjson',
    '{"sifterExport":1,"type":"header","tags":[]}\n{"type":"item","text":"x"}\n',
  );
  expect((await detectFormat({ path, displayName: 'export.ndjson' }))?.format).toBe('sifter-json');
});

const ITEM = {
  source: {
    key: 'feed:https://example.org/rss',
    kind: 'feed',
    name: 'Example feed',
    url: 'https://example.org/rss',
  },
  kind: 'feed-entry',
  externalId: 'guid-1',
  url: 'https://example.org/a',
  title: 'A title',
  publishedAt: '2024-01-02T03:04:05.000Z',
  lang: 'en',
  text: 'Wives of the mobilised gathered again.',
  tags: [{ path: 'Topics/Protest', color: '#123456' }],
  note: { body: 'Check the date.', updatedAt: '2024-01-03T00:00:00.000Z' },
  clips: [{ field: 'text', start: 0, end: 5, quote: 'Wives', note: 'who', tags: [{ path: 'Quotes' }] }],
};

test('a pretty-printed JSON export imports with its tags, note and clip', async () => {
  const path = write(
    'pretty.json',
    JSON.stringify({ sifterExport: 1, generator: 'hand', tags: [], items: [ITEM] }, null, 2),
  );
  const core = openCore(tempDir('sifter-json-ws-'));
  try {
    const report = await core.jobs.run('import', 't', (job) => importPaths(core, [path], {}, job));
    expect(report.imports).toEqual([
      expect.objectContaining({ format: 'sifter-json', added: 1, error: null }),
    ]);
    const db = core.workspace.db;
    const item = db.prepare('SELECT id, title, published_at, extra FROM items').get() as {
      id: number;
      title: string;
      published_at: number;
      extra: string;
    };
    expect([item.title, item.published_at, item.extra]).toEqual([
      'A title',
      Date.UTC(2024, 0, 2, 3, 4, 5),
      '{}',
    ]);
    const tags = db
      .prepare(
        'SELECT t.name, t.color, p.name AS parent FROM tags t LEFT JOIN tags p ON p.id = t.parent_id ORDER BY t.id',
      )
      .all();
    expect(tags).toEqual([
      { name: 'Topics', color: expect.stringMatching(/^#[0-9a-f]{6}$/), parent: null },
      { name: 'Protest', color: '#123456', parent: 'Topics' },
      { name: 'Quotes', color: expect.stringMatching(/^#[0-9a-f]{6}$/), parent: null },
    ]);
    expect(db.prepare('SELECT body FROM notes').get()).toEqual({ body: 'Check the date.' });
    expect(db.prepare('SELECT field, start, end, quote, note FROM clips').all()).toEqual([
      { field: 'text', start: 0, end: 5, quote: 'Wives', note: 'who' },
    ]);
  } finally {
    await core.close();
  }
});

test('an item with a missing field refuses the file, naming the item and the field', async () => {
  const { text: _text, ...noText } = ITEM;
  const path = write('bad.json', JSON.stringify({ sifterExport: 1, items: [ITEM, noText] }));
  const core = openCore(tempDir('sifter-json-ws-'));
  try {
    const report = await core.jobs.run('import', 't', (job) => importPaths(core, [path], {}, job));
    expect(report.imports[0]!.error).toMatch(/^bad\.json: item 2 is not a valid Sifter record \(text: /);
    expect(core.workspace.info().counts.items).toBe(0);
  } finally {
    await core.close();
  }
});
