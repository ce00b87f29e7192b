// Engine behaviour on a small ru/uk/en workspace with exact expected hit sets for every operator
// and field. Items are inserted straight into the store; indexing runs through the real worker path.
import fc from 'fast-check';
import { searchService, type SifterSearch } from './service';
import { testWorkspace, type TestWorkspace } from './test-fixtures';
import { dispatch } from '../api';
import type { ItemDetail, SearchResult } from '../../../shared/domain';

let ws: TestWorkspace;
let search: SifterSearch;
let ids: number[];

const CHANNEL = 'Ждём домой (тестовый канал)';

beforeAll(async () => {
  ws = testWorkspace();
  ids = ws.insert([
    {
      text: 'Министерство обороны сообщило о новой волне. Жены мобилизованных вышли к Кремлю.',
      lang: 'ru',
      source: CHANNEL,
      publishedAt: '2023-12-14T09:00:00Z',
    },
    {
      text: 'Путин, как обычно, промолчал. Жёны ждут мужей домой.',
      lang: 'ru',
      source: CHANNEL,
      publishedAt: '2023-12-14T20:00:00Z',
    },
    {
      text: "Зеленського привітали у Києві. Обстріл об'єкта тривав годину.",
      lang: 'uk',
      source: 'Новини UA',
      username: 'novyny_ua',
      publishedAt: '2023-12-15T10:00:00Z',
    },
    {
      text: "Trump's remarks on mobilization drew criticism near the front line.",
      title: 'Furious families at the front line',
      lang: 'en',
      kind: 'article',
      source: 'World desk',
      sourceKind: 'site',
      author: 'Jane Roe',
      publishedAt: '2023-12-20T10:00:00Z',
    },
    {
      text: 'The front of the line was quiet; mobilized men returned.',
      lang: 'en',
      kind: 'feed-entry',
      source: 'World RSS',
      sourceKind: 'feed',
      publishedAt: '2024-01-05T10:00:00Z',
    },
    {
      text: 'Жены мобилизованных снова вышли к Кремлю.',
      lang: 'ru',
      source: CHANNEL,
      publishedAt: '2023-12-31T10:00:00Z',
      copyGroup: 7,
    },
    {
      text: 'Жены мобилизованных снова вышли к Кремлю!',
      lang: 'ru',
      source: 'Другой канал',
      publishedAt: '2024-01-02T10:00:00Z',
      copyGroup: 7,
    },
    {
      text: 'Мобілізація триває, #мобілізація @novyny_ua https://example.com/news?id=5',
      lang: 'uk',
      source: 'Новини UA',
      publishedAt: '2024-01-03T10:00:00Z',
    },
  ]);
  const db = ws.core.workspace.db;
  const now = Date.now();
  const actors = Number(
    db.prepare("INSERT INTO tags (name, created_at) VALUES ('Actors', ?)").run(now).lastInsertRowid,
  );
  const wayHome = Number(
    db.prepare("INSERT INTO tags (name, parent_id, created_at) VALUES ('Way Home', ?, ?)").run(actors, now)
      .lastInsertRowid,
  );
  db.prepare('INSERT INTO item_tags (item_id, tag_id, created_at) VALUES (?, ?, ?)').run(
    ids[0]!,
    wayHome,
    now,
  );
  db.prepare('INSERT INTO item_tags (item_id, tag_id, created_at) VALUES (?, ?, ?)').run(
    ids[2]!,
    actors,
    now,
  );
  db.prepare("INSERT INTO notes (item_id, body, updated_at) VALUES (?, 'check the date', ?)").run(
    ids[1]!,
    now,
  );
  db.prepare(
    "INSERT INTO clips (item_id, field, start, end, quote, created_at) VALUES (?, 'text', 0, 7, 'Trump''s', ?)",
  ).run(ids[3]!, now);
  search = searchService(ws.core);
  const importId = (db.prepare('SELECT import_id AS i FROM items WHERE id = ?').get(ids[0]!) as { i: number })
    .i;
  await search.indexImport(importId);
});

afterAll(async () => {
  await ws.close();
});

async function run(
  query: string,
  extra: Partial<Parameters<SifterSearch['search']>[0]> = {},
): Promise<SearchResult> {
  return search.search({
    query,
    sort: 'relevance',
    offset: 0,
    limit: 100,
    collapseCopies: false,
    timelineBucket: 'auto',
    ...extra,
  });
}

/** The matching items as 1-based positions in the inserted list (readable expectations). */
async function hits(query: string): Promise<number[]> {
  const r = await run(query);
  expect(r.total).toBe(r.hits.length);
  return r.hits.map((h) => ids.indexOf(h.id) + 1).sort((a, b) => a - b);
}

describe('search engine', () => {
  test.each([
    ['министерство', [1]],
    ['министерства', [1]],
    ['МИНИСТЕРСТВ', [1]],
    ['министр', []],
    ['мобилизованных', [1, 6, 7]],
    ['жены', [1, 2, 6, 7]],
    ['ЖЁНЫ', [1, 2, 6, 7]],
    ['путин,', [2]],
    ['"жены мобилизованных"', [1, 6, 7]],
    ['"мобилизованных жены"', []],
    ['жены -кремлю', [2]],
    ['жены NOT кремлю', [2]],
    ['жены AND промолчал', [2]],
    ['+жены +промолчал', [2]],
    ['путин OR зеленський', [2, 3]],
    ['(путин OR зеленського) -обстріл', [2]],
    ['Зеленський', [3]],
    ['обстрілу', [3]],
    ["об'єкта", [3]],
    ['об’єкта', [3]],
    ['мобилиз*', [1, 6, 7]],
    ['mobiliz*', [4, 5]],
    ['мобілізац*', [8]],
    ['кремлу~1', [1, 6, 7]],
    ['путен~1', [2]],
    ['путен', []],
    ['trump', [4]],
    ['"front line"', [4]],
    ['"front line"~3', [4, 5]],
    ['front NEAR/3 line', [4, 5]],
    ['families', [4]],
    ['#мобілізація', [8]],
    ['@novyny_ua', [8]],
    ['https://example.com/news?id=5', [8]],
    [`channel:"${CHANNEL}"`, [1, 2, 6]],
    ['channel:ждем', [1, 2, 6]],
    ['channel:novyny_ua', [3, 8]],
    ['channel:@novyny_ua', [3, 8]],
    ['author:roe', [4]],
    ['author:"Jane Roe"', [4]],
    ['lang:uk', [3, 8]],
    ['lang:en', [4, 5]],
    ['lang:es', []],
    ['kind:article', [4]],
    ['kind:feed-entry', [5]],
    ['source:feed', [5]],
    ['source:"World RSS"', [5]],
    ['date:2023-12-14..2023-12-14', [1, 2]],
    ['date:2023-12', [1, 2, 3, 4, 6]],
    ['after:2024-01-01', [5, 7, 8]],
    ['before:2023-12-15', [1, 2]],
    ['жены lang:ru date:2023-12-14', [1, 2]],
    ['tag:Actors', [1, 3]],
    ['tag:"Way Home"', [1]],
    ['tag:"actors/way home"', [1]],
    ['tag:Nonexistent', []],
    ['-tag:Actors', [2, 4, 5, 6, 7, 8]],
    ['untagged', [2, 4, 5, 6, 7, 8]],
    ['has:tag', [1, 3]],
    ['has:note', [2]],
    ['has:clip', [4]],
    ['', [1, 2, 3, 4, 5, 6, 7, 8]],
  ] as [string, number[]][])('%s', async (query, expected) => {
    expect(await hits(query)).toEqual(expected);
  });

  test('a malformed query says where, and searches what it can', async () => {
    const r = await run('(жены OR путин');
    expect(r.problem).toMatchObject({ message: expect.stringContaining('Missing ")"'), start: 0, end: 1 });
    expect(r.total).toBe(4);
    const nothing = await run('((');
    expect(nothing.problem).not.toBeNull();
    expect(nothing.total).toBe(0);
  });

  test('the time zone from Settings decides which day a post belongs to', async () => {
    ws.core.settings.update({ timeZone: 'Asia/Vladivostok' });
    try {
      expect(await hits('date:2023-12-14')).toEqual([1]);
      expect(await hits('date:2023-12-15')).toEqual([2, 3]);
    } finally {
      ws.core.settings.update({ timeZone: '' });
    }
  });

  test('snippets highlight the matched words', async () => {
    const r = await run('мобилизованных');
    for (const h of r.hits) {
      expect(h.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.highlights) expect(h.snippet.slice(s, e).toLowerCase()).toBe('мобилизованных');
      expect(h.matchedIn).toBe('original');
    }
    const first = r.hits.find((h) => h.id === ids[0]);
    expect(first?.channel).toBe(CHANNEL);
    expect(first?.tags.map((t) => t.path)).toEqual(['Actors/Way Home']);
  });

  test('copies: total counts items, groups counts groups, collapsed hits carry copies', async () => {
    const all = await run('мобилизованных');
    expect([all.total, all.groups]).toEqual([3, 2]);
    const collapsed = await run('мобилизованных', { collapseCopies: true });
    expect(collapsed.total).toBe(3);
    expect(collapsed.hits).toHaveLength(2);
    const grouped = collapsed.hits.find((h) => h.copyGroup === 7);
    expect(grouped?.copies).toBe(1);
  });

  test('facets count the whole result', async () => {
    const r = await run('жены OR мобілізація', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.facets.channel).toEqual([
      { value: CHANNEL, label: CHANNEL, count: 3 },
      { value: 'Другой канал', label: 'Другой канал', count: 1 },
      { value: 'Новини UA', label: 'Новини UA', count: 1 },
    ]);
    expect(r.facets.lang).toEqual([
      { value: 'ru', label: 'ru', count: 4 },
      { value: 'uk', label: 'uk', count: 1 },
    ]);
    expect(r.facets.tag).toEqual([{ value: 'Actors/Way Home', label: 'Actors/Way Home', count: 1 }]);
    expect(r.facets.kind).toEqual([{ value: 'post', label: 'post', count: 5 }]);
  });

  test('timeline: hits per day, continuous between the first and the last', async () => {
    const r = await run('жены');
    expect(r.timeline.bucket).toBe('day');
    expect(r.timeline.points[0]).toEqual({ t: Date.parse('2023-12-14T00:00:00Z'), count: 2 });
    expect(r.timeline.points).toHaveLength(20); // 14 Dec … 2 Jan
    expect(r.timeline.points.reduce((n, p) => n + p.count, 0)).toBe(4);
    const weeks = await run('жены', { timelineBucket: 'week' });
    expect(weeks.timeline.points[0]).toEqual({ t: Date.parse('2023-12-11T00:00:00Z'), count: 2 }); // a Monday
  });

  test('sort by date puts the newest first', async () => {
    const r = await run('жены', { sort: 'date' });
    expect(r.hits.map((h) => ids.indexOf(h.id) + 1)).toEqual([7, 6, 2, 1]);
  });

  test('paging', async () => {
    const r = await run('', { sort: 'date', offset: 2, limit: 3 });
    expect(r.total).toBe(8);
    expect(r.hits.map((h) => ids.indexOf(h.id) + 1)).toEqual([7, 6, 4]);
  });

  test('extra text (a translation) is searchable and marked as such', async () => {
    await search.indexExtraText(
      ids[2]!,
      'translation:en',
      'Zelensky was greeted in Kyiv. The shelling of the facility lasted an hour.',
    );
    const r = await run('greeted');
    expect(r.hits.map((h) => h.id)).toEqual([ids[2]]);
    expect(r.hits[0]?.matchedIn).toBe('translation');
    const [s, e] = r.hits[0]!.highlights[0]!;
    expect(r.hits[0]!.snippet.slice(s, e)).toBe('greeted');
    expect(await hits('"shelling of the facility"')).toEqual([3]);
    await search.indexExtraText(ids[2]!, 'translation:en', 'Replaced text.');
    expect(await hits('greeted')).toEqual([]);
  });

  test('search.ids returns every match', async () => {
    const r = await search.ids('жены');
    expect(r.total).toBe(4);
    expect([...r.ids].sort((a, b) => a - b)).toEqual([ids[0], ids[1], ids[5], ids[6]]);
  });

  test('property: random queries never throw and give well-formed results', async () => {
    const alphabet = fc.constantFrom(
      ...'жены мобил"()*~:-+ ab.,«»\'@#'.split(''),
      ' AND ',
      ' OR ',
      'NOT ',
      ' NEAR/2 ',
      'lang:',
      'date:',
      'channel:"',
      'tag:',
      '..',
      '2023-12-01',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 40 }),
          fc.array(alphabet, { maxLength: 12 }).map((a) => a.join('')),
        ),
        async (q) => {
          const res = await dispatch(ws.core, 'search.query', { query: q, limit: 5 });
          expect(res.ok).toBe(true);
          if (!res.ok) return;
          const r = res.value as SearchResult;
          expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
          expect(r.groups).toBeLessThanOrEqual(r.total);
          for (const h of r.hits)
            for (const [s, e] of h.highlights) expect(0 <= s && s < e && e <= h.snippet.length).toBe(true);
          if (r.problem) expect(r.problem.end).toBeLessThanOrEqual(q.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('items and saved searches', () => {
  test('items.get gives the detail with copies, tags, note and clips', async () => {
    const res = await dispatch(ws.core, 'items.get', { id: ids[6]! });
    expect(res.ok).toBe(true);
    const item = (res as { value: ItemDetail }).value;
    expect(item.copies.map((c) => c.id)).toEqual([ids[5]]);
    const withNote = (await dispatch(ws.core, 'items.get', { id: ids[1]! })) as { value: ItemDetail };
    expect(withNote.value.note).toBe('check the date');
    const withClip = (await dispatch(ws.core, 'items.get', { id: ids[3]! })) as { value: ItemDetail };
    expect(withClip.value.clips.map((c) => c.quote)).toEqual(["Trump's"]);
    expect(withClip.value.title).toBe('Furious families at the front line');
    const missing = await dispatch(ws.core, 'items.get', { id: 99_999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  test("items.context gives the post's neighbours in its channel", async () => {
    const res = (await dispatch(ws.core, 'items.context', { id: ids[1]!, radius: 5 })) as {
      ok: true;
      value: { before: { id: number }[]; after: { id: number }[] };
    };
    expect(res.value.before.map((i) => i.id)).toEqual([ids[0]]);
    expect(res.value.after.map((i) => i.id)).toEqual([ids[5]]);
  });

  test('a saved search counts new matches after an import until it is opened', async () => {
    const created = await search.savedCreate('Wives', 'жены');
    expect(created).toMatchObject({ name: 'Wives', total: 4, newCount: 0 });
    const events: string[] = [];
    const stop = ws.core.events.subscribe((event) => events.push(event));
    const [fresh] = ws.insert([
      { text: 'Жены снова у стен Кремля.', lang: 'ru', source: CHANNEL, publishedAt: '2024-01-06T10:00:00Z' },
    ]);
    const importId = (
      ws.core.workspace.db.prepare('SELECT import_id AS i FROM items WHERE id = ?').get(fresh!) as {
        i: number;
      }
    ).i;
    await search.indexImport(importId);
    stop();
    expect(events).toContain('saved.changed');
    const [listed] = await search.savedList();
    expect(listed).toMatchObject({ total: 5, newCount: 1 });
    const opened = await search.savedOpen(created.id);
    expect(opened.newCount).toBe(0);
    await expect(search.savedCreate('Wives', 'x')).rejects.toThrow(/already exists/);
    expect(await search.savedRemove(created.id)).toBe(true);
    expect(await search.savedList()).toEqual([]);
  });

  test('a removed import: its items are gone, and a reused id does not inherit their text', async () => {
    const importId = (await import('./test-fixtures')).newImport(ws.core);
    const [gone] = ws.insert(
      [
        {
          text: 'Уникальноеслово в удаляемом импорте.',
          lang: 'ru',
          source: CHANNEL,
          publishedAt: '2024-02-01T10:00:00Z',
        },
      ],
      importId,
    );
    await search.indexImport(importId);
    expect(await hits('уникальноеслово')).toHaveLength(1);
    ws.core.workspace.db.prepare('DELETE FROM items WHERE import_id = ?').run(importId);
    await search.removeImport(importId);
    expect(await hits('уникальноеслово')).toEqual([]);
    // SQLite hands out the deleted id again (it was the largest).
    const [reused] = ws.insert(
      [{ text: 'Совсем другой текст.', lang: 'ru', source: CHANNEL, publishedAt: '2024-02-02T10:00:00Z' }],
      importId,
    );
    expect(reused).toBe(gone);
    await search.indexImport(importId);
    expect(await hits('уникальноеслово')).toEqual([]);
    expect((await run('совсем другой')).hits.map((h) => h.id)).toEqual([reused]);
    ws.core.workspace.db.prepare('DELETE FROM items WHERE id = ?').run(reused!);
    await search.removeImport(importId);
  });

  test('removed items drop out of results without touching the index', async () => {
    const files = search.engine.store.segments.map((s) => s.meta.file);
    ws.core.workspace.db.prepare('UPDATE items SET removed = 1 WHERE id = ?').run(ids[6]!);
    expect(await hits('мобилизованных')).toEqual([1, 6]);
    expect(search.engine.store.segments.map((s) => s.meta.file)).toEqual(files);
    ws.core.workspace.db.prepare('UPDATE items SET removed = 0 WHERE id = ?').run(ids[6]!);
  });
});
