// `sifter search`: in-process through runCli, and once through the bundled CLI in a child process
// (the layout scripts/build-node.mjs produces: out/cli/sifter.mjs beside out/workers/), which also
// proves the index worker is found from a built CLI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runCli } from '../main';
import { testWorkspace, type TestWorkspace } from '../../core/search/test-fixtures';

let ws: TestWorkspace;

beforeAll(async () => {
  ws = testWorkspace();
  ws.insert([
    {
      text: 'Жены мобилизованных вышли к Кремлю.',
      lang: 'ru',
      source: 'Ждём домой',
      publishedAt: '2023-12-14T10:00:00Z',
    },
    {
      text: 'Families at the front line.',
      lang: 'en',
      title: 'Front line',
      source: 'World desk',
      author: 'Jane Roe',
      publishedAt: '2023-12-20T10:00:00Z',
    },
  ]);
  // The CLI opens the workspace itself: close ours first (nothing has been indexed yet).
  await ws.core.close();
});

afterAll(() => {
  rmSync(ws.dir, { recursive: true, force: true });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, {});
  return { code, out, err };
}

test('--json prints total, groups, hits and facets', async () => {
  const r = await cli(['search', 'мобилизованных', '--workspace', ws.dir, '--json']);
  expect(r.code).toBe(0);
  const doc = JSON.parse(r.out);
  expect(doc.total).toBe(1);
  expect(doc.groups).toBe(1);
  expect(doc.hits[0]).toMatchObject({
    channel: 'Ждём домой',
    lang: 'ru',
    publishedAt: '2023-12-14T10:00:00.000Z',
    title: null,
  });
  expect(Object.keys(doc.hits[0]).sort()).toEqual(
    ['author', 'channel', 'id', 'lang', 'publishedAt', 'score', 'snippet', 'title'].sort(),
  );
  expect(doc.facets.lang).toEqual([{ value: 'ru', label: 'ru', count: 1 }]);
});

test('text output, sort and limit', async () => {
  const r = await cli([
    'search',
    'lang:ru OR lang:en',
    '--workspace',
    ws.dir,
    '--sort',
    'date',
    '--limit',
    '1',
  ]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(
    /^2 items \(2 groups\)\n#\d+ {2}2023-12-20 10:00 {2}World desk \[en\]\n {2}Front line\n/,
  );
});

test('a malformed query is reported, not fatal; bad flags are usage errors', async () => {
  const r = await cli(['search', '(жены', '--workspace', ws.dir]);
  expect(r.code).toBe(0);
  expect(r.err).toMatch(/Query problem at 0–1: Missing "\)"/);
  expect((await cli(['search', 'x', '--workspace', ws.dir, '--sort', 'size'])).code).toBe(2);
  expect((await cli(['search', 'x', '--workspace', ws.dir, '--limit', 'many'])).code).toBe(2);
  expect((await cli(['search', '--workspace', ws.dir])).code).toBe(2);
});

test('the bundled CLI finds its index worker and rebuilds a missing index', async () => {
  const out = mkdtempSync(join(process.cwd(), 'node_modules/.cache/sifter-cli-'));
  try {
    const common = {
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      packages: 'external',
      logLevel: 'error',
      outExtension: { '.js': '.mjs' },
    } as const;
    const banner = {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    };
    await build({
      ...common,
      banner,
      entryPoints: { sifter: 'electron/cli/index.ts' },
      outdir: join(out, 'cli'),
      define: { __SIFTER_VERSION__: '"test"' },
    });
    await build({
      ...common,
      banner,
      entryPoints: { 'segment-build.worker': 'electron/core/search/segment-build.worker.ts' },
      outdir: join(out, 'workers'),
    });
    rmSync(join(ws.dir, 'index'), { recursive: true, force: true });
    mkdirSync(join(ws.dir, 'index'));
    const stdout = execFileSync(
      process.execPath,
      [join(out, 'cli/sifter.mjs'), 'search', '"front line"', '--workspace', ws.dir, '--json'],
      {
        encoding: 'utf8',
        env: { ...process.env, SIFTER_SEGMENT_WORKER: '', SIFTER_REQUIRE_INDEX_WORKER: '1' },
      },
    );
    const doc = JSON.parse(stdout);
    expect(doc.total).toBe(1);
    expect(doc.hits[0].title).toBe('Front line');
    // Without the worker next to the CLI the same run fails loudly (so the run above used it).
    rmSync(join(out, 'workers'), { recursive: true });
    rmSync(join(ws.dir, 'index'), { recursive: true, force: true });
    mkdirSync(join(ws.dir, 'index'));
    expect(() =>
      execFileSync(process.execPath, [join(out, 'cli/sifter.mjs'), 'search', 'x', '--workspace', ws.dir], {
        encoding: 'utf8',
        stdio: 'pipe',
        env: { ...process.env, SIFTER_REQUIRE_INDEX_WORKER: '1' },
      }),
    ).toThrow(/index worker/);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
