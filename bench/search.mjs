#!/usr/bin/env node
// Search benchmark: Sifter's search beside three peers — MiniSearch, FlexSearch and a plain SQLite
// FTS5 table (node:sqlite) — on the same synthetic corpus and query set from ../shared/bench.
// Each engine runs in its own processes (one to build, a fresh one to load and query), so one's
// memory never burdens another. Prints, per engine: build docs/s, index size on disk, cold load
// time, time to first result, peak RSS, and p50/p95 latency (with median hit count) per query kind.
//
//   npm run bench:search [-- --messages 100000] [--engines sifter,minisearch,flexsearch,fts5] [--keep]
//
// The corpus generator is copied to a temp folder first (the shared folder is read-only), and the
// corpus is cached there by size, so a second run skips generation.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

// ——— child processes ————————————————————————————————————————————————————————————

async function* corpusDocs(file, names) {
  for await (const line of createInterface({ input: createReadStream(file) })) {
    if (!line) continue;
    const m = JSON.parse(line);
    yield {
      id: m.id * 1 + m.chat * 0,
      key: `${m.chat}:${m.id}`,
      text: m.text,
      from: names[String(m.chat)] ?? String(m.chat),
    };
  }
}

/** The bench's Lunr-style query → clauses: {op: 'must'|'not'|'should', kind: 'term'|'prefix'|'fuzzy'|'phrase', field, words}. */
function parseBenchQuery(q) {
  const clauses = [];
  const re = /([+-]?)(?:(\w+):)?("([^"]*)"|\S+)/gu;
  let m;
  while ((m = re.exec(q)) !== null) {
    const op = m[1] === '+' ? 'must' : m[1] === '-' ? 'not' : 'should';
    const field = m[2] ?? null;
    if (m[4] !== undefined) {
      clauses.push({ op, field, kind: 'phrase', words: m[4].toLowerCase().split(/\s+/).filter(Boolean) });
      continue;
    }
    let w = m[3].toLowerCase();
    let kind = 'term';
    if (w.endsWith('*')) {
      kind = 'prefix';
      w = w.slice(0, -1);
    } else if (/~\d$/.test(w)) {
      kind = 'fuzzy';
      w = w.slice(0, -2);
    }
    clauses.push({ op, field, kind, words: [w] });
  }
  return clauses;
}

async function runPeer(args) {
  const names = JSON.parse(readFileSync(args.names, 'utf8'));
  const queries =
    args.phase === 'query'
      ? readFileSync(args.queries, 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l))
      : [];
  const peer = await PEERS[args.engine]();
  if (args.phase === 'build') {
    let n = 0;
    const docs = [];
    for await (const d of corpusDocs(args.corpus, names)) docs.push(d);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    for (const d of docs) {
      peer.add(n, d);
      n++;
    }
    await peer.finish?.();
    const buildSeconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const buildCpuSeconds = (cpu.user + cpu.system) / 1e6;
    docs.length = 0;
    const indexBytes = await peer.save(args.workspace);
    return { docs: n, buildSeconds, docsPerSecond: n / buildSeconds, buildCpuSeconds, indexBytes };
  }
  const t0 = performance.now();
  await peer.load(args.workspace);
  const loadMs = performance.now() - t0;
  peer.count(parseBenchQuery(queries[0].q));
  const firstResultMs = performance.now() - t0;
  for (const q of queries) peer.count(parseBenchQuery(q.q));
  const perKind = {};
  for (const q of queries) {
    const s = performance.now();
    const hits = peer.count(parseBenchQuery(q.q));
    const ms = performance.now() - s;
    const k = (perKind[q.kind] ??= { ms: [], hits: [] });
    k.ms.push(ms);
    k.hits.push(hits);
  }
  return { loadMs, firstResultMs, perKind };
}

/** Combines per-clause id sets: every must, at least one should when there is no must, no not. */
function combine(clauses, setOf) {
  const must = clauses.filter((c) => c.op === 'must');
  const should = clauses.filter((c) => c.op === 'should');
  const not = clauses.filter((c) => c.op === 'not');
  let acc = null;
  for (const c of must) {
    const s = setOf(c);
    acc = acc ? new Set([...acc].filter((x) => s.has(x))) : s;
  }
  if (!acc) {
    acc = new Set();
    for (const c of should) for (const x of setOf(c)) acc.add(x);
  }
  for (const c of not) for (const x of setOf(c)) acc.delete(x);
  return acc.size;
}

const PEERS = {
  async minisearch() {
    const { default: MiniSearch } = await import('minisearch');
    const options = { fields: ['text', 'from'], idField: 'n', storeFields: [] };
    let ms = new MiniSearch(options);
    const buffer = [];
    const flush = () => {
      ms.addAll(buffer.splice(0));
    };
    const setOf = (c) => {
      const opts = {
        fields: c.field === 'from' ? ['from'] : c.field === 'text' ? ['text'] : ['text', 'from'],
        combineWith: 'AND',
      };
      if (c.kind === 'prefix') opts.prefix = true;
      if (c.kind === 'fuzzy') opts.fuzzy = 1;
      // MiniSearch has no phrase operator: all words (not verified as adjacent).
      return new Set(ms.search(c.words.join(' '), opts).map((r) => r.id));
    };
    return {
      add(n, d) {
        buffer.push({ n, text: d.text, from: d.from });
        if (buffer.length >= 5000) flush();
      },
      finish: flush,
      async save(dir) {
        const file = join(dir, 'minisearch.json');
        writeFileSync(file, JSON.stringify(ms));
        return statSync(file).size;
      },
      async load(dir) {
        ms = MiniSearch.loadJSON(readFileSync(join(dir, 'minisearch.json'), 'utf8'), options);
      },
      count: (clauses) => combine(clauses, setOf),
    };
  },

  async flexsearch() {
    const { default: FlexSearch } = await import('flexsearch');
    const make = () =>
      new FlexSearch.Document({
        document: { id: 'n', index: ['text', 'from'] },
        tokenize: 'forward',
        encoder: FlexSearch.Charset.Default,
      });
    let index = make();
    const setOf = (c) => {
      // FlexSearch has no fuzzy edit distance nor phrase operator: exact words, all of them.
      const fields = c.field === 'from' ? ['from'] : c.field === 'text' ? ['text'] : ['text', 'from'];
      const out = new Set();
      for (const r of index.search({ query: c.words.join(' '), index: fields, limit: 10_000_000 }))
        for (const id of r.result) out.add(id);
      return out;
    };
    return {
      add(n, d) {
        index.add({ n, text: d.text, from: d.from });
      },
      async save(dir) {
        const out = join(dir, 'flexsearch');
        mkdirSync(out, { recursive: true });
        let i = 0;
        const keys = [];
        await index.export((key, data) => {
          if (data === undefined || data === null) return;
          writeFileSync(join(out, `${i}.part`), data);
          keys.push(key);
          i++;
        });
        writeFileSync(join(out, 'keys.json'), JSON.stringify(keys));
        return dirSize(out);
      },
      async load(dir) {
        index = make();
        const out = join(dir, 'flexsearch');
        const keys = JSON.parse(readFileSync(join(out, 'keys.json'), 'utf8'));
        for (let i = 0; i < keys.length; i++)
          await index.import(keys[i], readFileSync(join(out, `${i}.part`), 'utf8'));
      },
      count: (clauses) => combine(clauses, setOf),
    };
  },

  async fts5() {
    const { DatabaseSync } = await import('node:sqlite');
    let db = null;
    let insert = null;
    const quote = (w) => `"${w.replace(/"/g, '""')}"`;
    const toMatch = (c) => {
      const col = c.field === 'from' ? 'from_name : ' : c.field === 'text' ? 'text : ' : '';
      if (c.kind === 'phrase') return col + quote(c.words.join(' '));
      if (c.kind === 'prefix') return `${col}${quote(c.words[0])}*`;
      return col + quote(c.words[0]); // FTS5 has no fuzzy matching: the word as typed
    };
    return {
      add(n, d) {
        if (!db) throw new Error('not open');
        insert.run(n, d.text, d.from);
      },
      async save(dir) {
        db.exec('COMMIT');
        db.exec("INSERT INTO docs(docs) VALUES ('optimize')");
        db.close();
        return statSync(join(dir, 'fts5.db')).size;
      },
      async load(dir) {
        db = new DatabaseSync(join(dir, 'fts5.db'), { readOnly: true });
      },
      count(clauses) {
        const must = clauses.filter((c) => c.op === 'must').map(toMatch);
        const should = clauses.filter((c) => c.op === 'should').map(toMatch);
        const not = clauses.filter((c) => c.op === 'not').map(toMatch);
        let expr = must.length ? must.join(' AND ') : should.join(' OR ');
        if (not.length) expr = `(${expr}) NOT (${not.join(' OR ')})`;
        const n = db.prepare('SELECT count(*) AS n FROM docs WHERE docs MATCH ?').get(expr).n;
        db.prepare('SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20').all(expr);
        return n;
      },
      init(dir) {
        db = new DatabaseSync(join(dir, 'fts5.db'));
        db.exec('PRAGMA journal_mode = WAL');
        db.exec(
          "CREATE VIRTUAL TABLE docs USING fts5(text, from_name, tokenize = 'unicode61 remove_diacritics 2')",
        );
        db.exec('BEGIN');
        insert = db.prepare('INSERT INTO docs (rowid, text, from_name) VALUES (?, ?, ?)');
      },
    };
  },
};

// FTS5 opens its database before the first add.
const originalFts = PEERS.fts5;
PEERS.fts5 = async () => {
  const peer = await originalFts();
  let ready = false;
  const add = peer.add;
  return {
    ...peer,
    add(n, d) {
      if (!ready) {
        peer.init(currentWorkspace);
        ready = true;
      }
      add(n, d);
    },
  };
};
let currentWorkspace = '';

function dirSize(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true }))
    n += e.isDirectory() ? dirSize(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  return n;
}

// ——— orchestration ——————————————————————————————————————————————————————————————

function sh(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0)
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status}): ${r.stderr?.slice(-2000)}`);
  return r.stdout;
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

async function prepareCorpus(messages, work) {
  const gen = join(work, 'gen');
  if (!existsSync(join(gen, 'node_modules'))) {
    cpSync(resolve(repo, '../shared/bench'), gen, {
      recursive: true,
      filter: (src) => !src.includes('node_modules') && !src.includes('.cache'),
    });
    sh('npm', ['install', '--prefix', gen, '--no-audit', '--no-fund']);
  }
  const dir = join(work, `corpus-${messages}`);
  const corpus = join(dir, 'messages.ndjson');
  if (!existsSync(corpus)) {
    console.error(`generating ${messages} messages…`);
    sh(process.execPath, [
      join(gen, 'make-corpus.mjs'),
      '--messages',
      String(messages),
      '--out',
      dir,
      '--format',
      'ndjson',
      '--seed',
      '1',
    ]);
  }
  // Channel names are not in the NDJSON form: a tiny Telegram export with the same seed has them.
  const names = join(dir, 'names.json');
  if (!existsSync(names)) {
    const small = join(dir, 'names-export');
    sh(process.execPath, [join(gen, 'make-corpus.mjs'), '--messages', '10', '--out', small, '--seed', '1']);
    const exp = JSON.parse(readFileSync(join(small, 'result.json'), 'utf8'));
    const chats = exp.chats ? exp.chats.list : [exp];
    writeFileSync(names, JSON.stringify(Object.fromEntries(chats.map((c) => [String(c.id), c.name]))));
  }
  const queries = join(dir, 'queries.jsonl');
  if (!existsSync(queries))
    sh(process.execPath, [
      join(gen, 'make-queries.mjs'),
      '--out',
      queries,
      '--seed',
      '1',
      '--messages',
      String(Math.min(messages, 2000)),
    ]);
  return { corpus, names, queries };
}

async function bundleSifter(work) {
  const { build } = await import('esbuild');
  const outdir = join(repo, 'node_modules/.cache/sifter-bench');
  await build({
    entryPoints: {
      'search-sifter': join(here, 'search-sifter.ts'),
      'segment-build.worker': join(repo, 'electron/core/search/segment-build.worker.ts'),
    },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    define: { __SIFTER_VERSION__: '"bench"' },
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  void work;
  return { entry: join(outdir, 'search-sifter.mjs'), worker: join(outdir, 'segment-build.worker.mjs') };
}

function runChild(engine, phase, files, workspace, sifter) {
  const args = { engine, phase, corpus: files.corpus, names: files.names, queries: files.queries, workspace };
  const argv =
    engine === 'sifter'
      ? [sifter.entry, JSON.stringify(args)]
      : [fileURLToPath(import.meta.url), '--child', JSON.stringify(args)];
  const out = sh(process.execPath, ['--max-old-space-size=8192', ...argv], {
    env: { ...process.env, SIFTER_SEGMENT_WORKER: sifter?.worker ?? '' },
  });
  return JSON.parse(out.trim().split('\n').pop());
}

const fmt = (n, d = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })
    : '—';

async function main() {
  const { values } = parseArgs({
    options: {
      messages: { type: 'string', default: '100000' },
      engines: { type: 'string', default: 'sifter,minisearch,flexsearch,fts5' },
      work: { type: 'string' },
      keep: { type: 'boolean' },
      json: { type: 'boolean' },
    },
  });
  const messages = Number(values.messages);
  if (!Number.isInteger(messages) || messages < 2000)
    throw new Error('--messages takes a whole number ≥ 2000');
  const work = values.work ?? join(tmpdir(), 'sifter-bench-search');
  mkdirSync(work, { recursive: true });
  const files = await prepareCorpus(messages, work);
  const engines = values.engines.split(',').map((e) => e.trim());
  const sifter = engines.includes('sifter') ? await bundleSifter(work) : null;
  const results = [];
  for (const engine of engines) {
    if (engine !== 'sifter' && !PEERS[engine]) throw new Error(`unknown engine ${engine}`);
    const ws = join(work, `ws-${engine}-${messages}`);
    rmSync(ws, { recursive: true, force: true });
    mkdirSync(ws, { recursive: true });
    console.error(`${engine}: building…`);
    const built = runChild(engine, 'build', files, ws, sifter);
    console.error(`${engine}: ${fmt(built.docsPerSecond)} docs/s; querying…`);
    const queried = runChild(engine, 'query', files, ws, sifter);
    results.push({ engine, built, queried });
    if (!values.keep) rmSync(ws, { recursive: true, force: true });
  }
  if (values.json) {
    console.log(JSON.stringify({ messages, results }));
    return;
  }
  const kinds = Object.keys(results[0]?.queried.perKind ?? {});
  const lines = [
    `Search benchmark: ${fmt(messages)} messages (../shared/bench, seed 1, ndjson), ${kinds.length} query kinds × 25, node ${process.version}`,
    '',
    '| engine | build docs/s (wall) | docs per CPU-second | index on disk | peak RSS build | cold load | first result | peak RSS query |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.engine} | ${fmt(r.built.docsPerSecond)} | ${fmt(r.built.docs / r.built.buildCpuSeconds)} | ${fmt(r.built.indexBytes / 2 ** 20, 1)} MB | ${fmt(r.built.peakRssMB)} MB | ${fmt(r.queried.loadMs)} ms | ${fmt(r.queried.firstResultMs)} ms | ${fmt(r.queried.peakRssMB)} MB |`,
    );
  }
  lines.push(
    '',
    `| engine | ${kinds.map((k) => `${k} p50/p95 ms (median hits)`).join(' | ')} |`,
    `|---|${kinds.map(() => '---:').join('|')}|`,
  );
  for (const r of results) {
    const cells = kinds.map((k) => {
      const s = r.queried.perKind[k];
      return `${fmt(percentile(s.ms, 50), 1)} / ${fmt(percentile(s.ms, 95), 1)} (${fmt(percentile(s.hits, 50))})`;
    });
    lines.push(`| ${r.engine} | ${cells.join(' | ')} |`);
  }
  lines.push(
    '',
    'Docs per CPU-second (user + system time of the process, all threads) is the load-independent figure on a shared machine;',
    'on 2 idle cores a parallel build can reach up to twice it.',
    'Notes: MiniSearch and FlexSearch have no phrase operator (phrases run as AND of the words, unverified); FlexSearch and FTS5 have no fuzzy',
    'matching (the word as typed); FTS5 and the peers do no stemming. Sifter verifies phrases against the stored text and computes facets,',
    'timeline, snippets and copy groups for every query (the UI path).',
  );
  console.log(lines.join('\n'));
}

if (process.argv[2] === '--child') {
  const args = JSON.parse(process.argv[3]);
  currentWorkspace = args.workspace;
  const started = performance.now();
  const result = await runPeer(args);
  process.stdout.write(
    JSON.stringify({
      ...result,
      wallMs: performance.now() - started,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
    }) + '\n',
  );
  process.exit(0);
}

await main();
