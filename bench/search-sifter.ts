// The Sifter side of bench/search.mjs, run in its own process (bundled by the harness with esbuild):
//   build: a workspace from the corpus (items inserted directly; not timed), then the index (timed);
//   query: cold start → load the index → first result → the query set (p50/p95 per kind).
import { createReadStream } from 'node:fs';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Core } from '../electron/core/core';
import { searchService, setSearchIndexOptions } from '../electron/core/search/service';

interface Args {
  phase: 'build' | 'query';
  corpus: string;
  names: string;
  queries: string;
  workspace: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;

function langOf(text: string): string {
  if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
  if (/[а-яё]/i.test(text)) return 'ru';
  return 'en';
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) n += statSync(join(dir, f)).size;
  return n;
}

async function build(): Promise<Record<string, unknown>> {
  // The app hands builds of 40,000+ documents to child processes; the benchmark keeps them on
  // worker threads of this one process so that its CPU time and peak RSS cover the whole build.
  setSearchIndexOptions({ processThresholdDocs: Number.POSITIVE_INFINITY });
  const core = new Core({ mode: 'cli', workspaceDir: args.workspace, version: 'bench', recentFile: null });
  const search = searchService(core);
  await search.ready();
  const db = core.workspace.db;
  const names = JSON.parse((await import('node:fs')).readFileSync(args.names, 'utf8')) as Record<
    string,
    string
  >;
  const importId = Number(
    db
      .prepare("INSERT INTO imports (file, format, status, started_at) VALUES ('bench', 'ndjson', 'done', ?)")
      .run(Date.now()).lastInsertRowid,
  );
  const sources = new Map<string, number>();
  const insertSource = db.prepare('INSERT INTO sources (key, kind, name, created_at) VALUES (?, ?, ?, ?)');
  const insert = db.prepare(
    'INSERT INTO items (source_id, import_id, kind, external_id, channel, published_at, lang, text, content_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  db.exec('BEGIN');
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(args.corpus) })) {
    if (!line) continue;
    const m = JSON.parse(line) as { id: number; chat: number; date: string; text: string };
    const chat = String(m.chat);
    let src = sources.get(chat);
    if (src === undefined) {
      src = Number(
        insertSource.run(`telegram:${chat}`, 'telegram', names[chat] ?? chat, Date.now()).lastInsertRowid,
      );
      sources.set(chat, src);
    }
    insert.run(
      src,
      importId,
      'post',
      String(m.id),
      names[chat] ?? chat,
      Date.parse(m.date),
      langOf(m.text),
      m.text,
      String(n),
      Date.now(),
    );
    n++;
  }
  db.exec('COMMIT');
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await search.indexImport(importId);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const bytes = dirBytes(core.workspace.paths.index);
  await core.close();
  return {
    docs: n,
    buildSeconds: seconds,
    docsPerSecond: n / seconds,
    buildCpuSeconds: (cpu.user + cpu.system) / 1e6,
    indexBytes: bytes,
  };
}

async function query(): Promise<Record<string, unknown>> {
  const queries = (await import('node:fs'))
    .readFileSync(args.queries, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { kind: string; q: string });
  const t0 = performance.now();
  const core = new Core({ mode: 'cli', workspaceDir: args.workspace, version: 'bench', recentFile: null });
  const search = searchService(core);
  await search.ready();
  const loadMs = performance.now() - t0;
  const run = (q: string) =>
    search.search({
      query: q,
      sort: 'relevance',
      offset: 0,
      limit: 20,
      collapseCopies: true,
      timelineBucket: 'auto',
    });
  await run(queries[0]!.q);
  const firstResultMs = performance.now() - t0;
  for (const q of queries) await run(q.q); // warm-up
  const perKind: Record<string, { ms: number[]; hits: number[] }> = {};
  for (const q of queries) {
    const s = performance.now();
    const r = await run(q.q);
    const ms = performance.now() - s;
    const k = (perKind[q.kind] ??= { ms: [], hits: [] });
    k.ms.push(ms);
    k.hits.push(r.total);
  }
  await core.close();
  return { loadMs, firstResultMs, perKind };
}

const started = performance.now();
const result = args.phase === 'build' ? await build() : await query();
process.stdout.write(
  JSON.stringify({
    ...result,
    wallMs: performance.now() - started,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  }) + '\n',
);
