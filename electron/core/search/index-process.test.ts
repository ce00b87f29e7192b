// Segment builds in separate processes (real child_process.fork children): the same hits as an
// in-process build, a child killed mid-build is retried in a fresh one, and a build whose children
// keep dying fails clearly while the index on disk stays loadable and is completed on the next open.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../core';
import { forkNodeIndexProcess, useIndexProcessFactory, type IndexProcess } from './index-process';
import { searchService, setSearchIndexOptions } from './service';
import { corpus, resultsOf } from './test-corpus';
import { newImport, testWorkspace, type TestWorkspace } from './test-fixtures';
import { poolStats } from './worker-pool';

const ITEMS = corpus(300);
let expected: Record<string, number[]>;
let reference: TestWorkspace;

/** The real fork, watched: counts children and kills the first `kills` of them once they start a build. */
function watchedFork(kills: number): { spawned: () => number; killed: () => number } {
  let spawned = 0;
  let killed = 0;
  useIndexProcessFactory((script, options) => {
    const child: IndexProcess = forkNodeIndexProcess(script, options);
    spawned++;
    child.onMessage((message) => {
      if (typeof message === 'object' && message !== null && 'started' in message && killed < kills) {
        killed++;
        child.kill(); // mid-build: the child has the task and is working on it
      }
    });
    return child;
  });
  return { spawned: () => spawned, killed: () => killed };
}

async function indexInTwoImports(ws: TestWorkspace): Promise<void> {
  for (const part of [ITEMS.slice(0, 150), ITEMS.slice(150)]) {
    const importId = newImport(ws.core);
    ws.insert(part, importId);
    await searchService(ws.core).indexImport(importId);
  }
}

beforeAll(async () => {
  setSearchIndexOptions({ inProcess: true });
  reference = testWorkspace();
  await indexInTwoImports(reference);
  expected = await resultsOf(reference.core);
});

afterEach(() => {
  useIndexProcessFactory(null);
  setSearchIndexOptions({});
});

afterAll(async () => {
  await reference.close();
});

test('a build through child processes gives the same hit sets as one in-process', async () => {
  // Every build goes to a process (the default sends only big ones), two segments per import.
  setSearchIndexOptions({ processThresholdDocs: 0, segmentDocs: 80 });
  const forks = watchedFork(0);
  const before = poolStats.processBuilds;
  const ws = testWorkspace();
  try {
    await indexInTwoImports(ws);
    expect(poolStats.processBuilds - before).toBe(4);
    expect(forks.spawned()).toBeGreaterThanOrEqual(2);
    expect(searchService(ws.core).engine.store.segments).toHaveLength(4);
    expect(await resultsOf(ws.core)).toEqual(expected);
  } finally {
    await ws.close();
  }
});

test('a child killed mid-build is retried in a fresh process, with the same hits', async () => {
  setSearchIndexOptions({ processThresholdDocs: 0, concurrency: 1 });
  const forks = watchedFork(1);
  const crashes = poolStats.processCrashes;
  const ws = testWorkspace();
  try {
    await indexInTwoImports(ws);
    expect(forks.killed()).toBe(1);
    expect(poolStats.processCrashes - crashes).toBe(1);
    expect(await resultsOf(ws.core)).toEqual(expected);
    expect(readdirSync(join(ws.dir, 'index')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  } finally {
    await ws.close();
  }
});

test('children that keep dying fail the build clearly; the index stays loadable and is completed on the next open', async () => {
  setSearchIndexOptions({ processThresholdDocs: 0, concurrency: 1 });
  const ws = testWorkspace();
  try {
    const first = newImport(ws.core);
    ws.insert(ITEMS.slice(0, 150), first);
    await searchService(ws.core).indexImport(first);
    const indexDir = join(ws.dir, 'index');
    const filesBefore = readdirSync(indexDir).sort();

    watchedFork(Infinity);
    const second = newImport(ws.core);
    ws.insert(ITEMS.slice(150), second);
    await expect(searchService(ws.core).indexImport(second)).rejects.toThrow(
      /The index process building seg-\S+\.seg was killed \(SIGKILL\)\. It crashed on a retry too; the index was left unchanged\./,
    );
    // Nothing adopted, nothing half-written left behind: the folder is as it was.
    expect(searchService(ws.core).engine.store.segments).toHaveLength(1);
    expect(readdirSync(indexDir).sort()).toEqual(filesBefore);

    // The next start loads the saved segment and indexes the items the failed build missed.
    useIndexProcessFactory(null);
    await ws.core.close();
    ws.core = new Core({ mode: 'cli', workspaceDir: ws.dir, version: 'test', recentFile: null });
    await searchService(ws.core).ready();
    expect(searchService(ws.core).engine.store.repairs).toEqual(['150 items were not indexed']);
    expect(await resultsOf(ws.core)).toEqual(expected);
  } finally {
    await ws.close();
  }
});
