// The index folder: one segment or ten give the same hits, and a deleted, corrupted or outdated
// index is rebuilt from the store with the same results.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../core';
import { searchService, setSearchIndexOptions } from './service';
import { newImport, testWorkspace, type TestItem, type TestWorkspace } from './test-fixtures';
import { poolStats } from './worker-pool';

const WORDS = {
  ru: [
    'мобилизация',
    'мобилизованных',
    'жены',
    'кремль',
    'министерство',
    'обороны',
    'санкции',
    'нефть',
    'обстрел',
    'украина',
    'фронт',
    'дом',
    'ждём',
    'путин',
  ],
  uk: ['мобілізація', 'обстріл', 'зеленського', 'київ', 'фронт', 'об’єкт', 'новини', 'війна', 'родини'],
  en: [
    'front',
    'line',
    'families',
    'mobilization',
    'sanctions',
    'oil',
    'kremlin',
    "trump's",
    'wives',
    'home',
  ],
};

/** Deterministic word salad in three languages (a linear congruential generator, high bits). */
function corpus(n: number): TestItem[] {
  let seed = 42;
  const rnd = (k: number): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return Math.floor((seed / 2 ** 32) * k);
  };
  const items: TestItem[] = [];
  for (let i = 0; i < n; i++) {
    const lang = (['ru', 'ru', 'uk', 'en'] as const)[rnd(4)]!;
    const words = WORDS[lang];
    const text = Array.from({ length: 8 + rnd(12) }, () => words[rnd(words.length)]).join(' ');
    items.push({
      text: `${text}.`,
      lang,
      source: `Channel ${rnd(3)}`,
      publishedAt: Date.UTC(2023, 11, 1 + (i % 28), 12),
    });
  }
  return items;
}

const QUERIES = [
  'мобилизация',
  'мобилизованных жены',
  '"жены кремль"',
  'жены NEAR/2 кремль',
  'санкц*',
  'обстріл OR обстрел',
  'фронт -line',
  'mobilization',
  '"front line"',
  'wives~1',
  'lang:uk київ',
  'date:2023-12-10..2023-12-12',
  'channel:"Channel 1" нефть',
  'зеленський',
  'ждем',
];

async function resultsOf(core: Core): Promise<Record<string, number[]>> {
  const s = searchService(core);
  const out: Record<string, number[]> = {};
  for (const q of QUERIES) {
    const r = await s.ids(q);
    out[q] = [...r.ids].sort((a, b) => a - b);
  }
  return out;
}

const ITEMS = corpus(300);
let one: TestWorkspace;
let expected: Record<string, number[]>;

beforeAll(async () => {
  one = testWorkspace();
  const importId = newImport(one.core);
  one.insert(ITEMS, importId);
  const before = poolStats.threadBuilds;
  await searchService(one.core).indexImport(importId);
  // The real worker-thread path built this segment.
  expect(poolStats.threadBuilds).toBeGreaterThan(before);
  expect(searchService(one.core).engine.store.segments).toHaveLength(1);
  expected = await resultsOf(one.core);
});

afterAll(async () => {
  await one.close();
});

test('the query set has hits (the comparison means something)', () => {
  const nonEmpty = Object.values(expected).filter((ids) => ids.length > 0).length;
  expect(nonEmpty).toBeGreaterThanOrEqual(QUERIES.length - 2);
});

test('ten imports (ten segments, built in-process) give the same hits as one', async () => {
  setSearchIndexOptions({ inProcess: true });
  const ten = testWorkspace();
  try {
    for (let i = 0; i < 10; i++) {
      const importId = newImport(ten.core);
      ten.insert(ITEMS.slice(i * 30, i * 30 + 30), importId);
      await searchService(ten.core).indexImport(importId);
    }
    expect(searchService(ten.core).engine.store.segments).toHaveLength(10);
    expect(await resultsOf(ten.core)).toEqual(expected);
  } finally {
    setSearchIndexOptions({});
    await ten.close();
  }
});

async function reopen(ws: TestWorkspace): Promise<Core> {
  await ws.core.close();
  ws.core = new Core({ mode: 'cli', workspaceDir: ws.dir, version: 'test', recentFile: null });
  await searchService(ws.core).ready();
  return ws.core;
}

test('a reopened workspace loads its segments without rebuilding', async () => {
  const core = await reopen(one);
  expect(searchService(core).engine.store.repairs).toEqual([]);
  expect(await resultsOf(core)).toEqual(expected);
});

test('a corrupted segment is rebuilt from the store with the same results', async () => {
  const indexDir = join(one.dir, 'index');
  const seg = readdirSync(indexDir).find((f) => f.endsWith('.seg'))!;
  const bytes = readFileSync(join(indexDir, seg));
  bytes.fill(7, 100, 200);
  writeFileSync(join(indexDir, seg), bytes);
  const core = await reopen(one);
  expect(searchService(core).engine.store.repairs.join(' ')).toMatch(/checksum mismatch/);
  expect(await resultsOf(core)).toEqual(expected);
});

test('a deleted index folder is rebuilt with the same results', async () => {
  await one.core.close();
  rmSync(join(one.dir, 'index'), { recursive: true, force: true });
  const core = await reopen(one);
  expect(searchService(core).engine.store.segments.length).toBeGreaterThan(0);
  expect(await resultsOf(core)).toEqual(expected);
});

test('a garbled manifest or an index from an older version is rebuilt', async () => {
  const manifest = join(one.dir, 'index', 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ version: 'old', segments: [] }));
  let core = await reopen(one);
  expect(searchService(core).engine.store.repairs.join(' ')).toMatch(/outdated/);
  expect(await resultsOf(core)).toEqual(expected);
  writeFileSync(manifest, '{ not json');
  core = await reopen(one);
  expect(searchService(core).engine.store.repairs.join(' ')).toMatch(/manifest unreadable/);
  expect(await resultsOf(core)).toEqual(expected);
});
