// Progressive loading: the saved segments load newest first, a search issued while they load is
// answered from the loaded ones and says so, and `search.ready` tells the UI to re-run it. Loading
// is paced by the test through the store's beforeSegmentLoad hook (a gate, not a timer).
import { Core } from '../core';
import type { SearchRequest } from './engine';
import { searchService, setSearchIndexOptions } from './service';
import { newImport, testWorkspace, type TestWorkspace } from './test-fixtures';

const REQUEST: SearchRequest = {
  query: 'мобилизация',
  sort: 'relevance',
  offset: 0,
  limit: 100,
  collapseCopies: false,
  timelineBucket: 'auto',
};

let ws: TestWorkspace;
const idsByImport: number[][] = [];

beforeAll(async () => {
  setSearchIndexOptions({ inProcess: true });
  ws = testWorkspace();
  // Three imports, three segments; every item mentions the word searched for.
  for (let i = 0; i < 3; i++) {
    const importId = newImport(ws.core);
    const ids = ws.insert(
      Array.from({ length: 5 }, (_, k) => ({ text: `мобилизация, партия ${i}, сообщение ${k}`, lang: 'ru' })),
      importId,
    );
    await searchService(ws.core).indexImport(importId);
    idsByImport.push(ids);
  }
  expect(searchService(ws.core).engine.store.segments).toHaveLength(3);
  await ws.core.close();
});

afterAll(async () => {
  setSearchIndexOptions({});
  await ws.close();
});

test('a search during loading answers from the newest segments, then in full after search.ready', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const loadOrder: number[] = [];
  setSearchIndexOptions({
    inProcess: true,
    // The newest segment loads at once; the older two wait for the test.
    beforeSegmentLoad: async (meta, position) => {
      loadOrder.push(meta.maxId);
      if (position > 0) await gate;
    },
  });
  // A window's Core (the app or browser mode): it searches progressively.
  ws.core = new Core({ mode: 'browser', workspaceDir: ws.dir, version: 'test', recentFile: null });
  const events: string[] = [];
  ws.core.events.subscribe((event) => events.push(event));
  const search = searchService(ws.core);

  const early = await search.search(REQUEST);
  expect(early.partial).toBe(true);
  expect(early.loadedSegments).toBe(1);
  expect(early.totalSegments).toBe(3);
  expect(early.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(idsByImport[2]);
  expect(early.total).toBe(5);
  expect(events).not.toContain('search.ready');

  release();
  await search.ready();
  expect(loadOrder).toEqual([idsByImport[2]!.at(-1), idsByImport[1]!.at(-1), idsByImport[0]!.at(-1)]);
  expect(events).toContain('search.ready');
  const full = await search.search(REQUEST);
  expect(full.partial).toBeUndefined();
  expect(full.loadedSegments).toBeUndefined();
  expect(full.total).toBe(15);
  expect(full.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(idsByImport.flat());
});

test('a command-line search waits for the whole index', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  setSearchIndexOptions({
    inProcess: true,
    beforeSegmentLoad: async (_meta, position) => {
      if (position > 0) await gate;
    },
  });
  await ws.core.close();
  ws.core = new Core({ mode: 'cli', workspaceDir: ws.dir, version: 'test', recentFile: null });
  let answered = false;
  const pending = searchService(ws.core)
    .search(REQUEST)
    .then((r) => ((answered = true), r));
  // Several turns of the event loop with the first segment loaded and the rest held back: a
  // window's search would have answered by now (the test above), the command line's has not.
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  expect(searchService(ws.core).engine.store.segments).toHaveLength(1);
  expect(answered).toBe(false);
  release();
  const result = await pending;
  expect(result.partial).toBeUndefined();
  expect(result.total).toBe(15);
});
