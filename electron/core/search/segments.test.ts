// The index folder: one segment or ten give the same hits, and a deleted, corrupted or outdated
// index is rebuilt from the store with the same results.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../core';
import { searchService, setSearchIndexOptions } from './service';
import { newImport, testWorkspace, type TestWorkspace } from './test-fixtures';
import { corpus, QUERIES, resultsOf } from './test-corpus';
import { poolStats } from './worker-pool';

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
