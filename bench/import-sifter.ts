// The child processes of bench/import.mjs (bundled by it with esbuild), one per measurement so
// that each peak RSS is its own:
//   import   — Sifter's import pipeline on the corpus into a fresh workspace (parse, normalise,
//              detect language, hash, group copies, store); search indexing is left out (the search
//              benchmark measures it), so the search service is replaced by a no-op.
//   baseline — the ceiling: read the whole file, JSON.parse it, flatten each message's text and
//              insert it into a plain SQLite table in one transaction.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Core } from '../electron/core/core';
import { importPaths } from '../electron/core/importers/pipeline';

interface Args {
  mode: 'import' | 'baseline';
  file: string;
  workspace: string;
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args;

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage.rss());
}, 250);

function peakRssMB(): number {
  peak = Math.max(peak, process.memoryUsage.rss());
  // maxRSS (KiB) also catches spikes between samples.
  return Math.round(Math.max(peak, process.resourceUsage().maxRSS * 1024) / (1024 * 1024));
}

function treeBytes(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    n += entry.isDirectory() ? treeBytes(path) : statSync(path).size;
  }
  return n;
}

/** How many of the generator's planted copies (truth.json) ended in their original's copy group. */
function copyRecall(core: Core): Record<string, unknown> {
  const truthFile = join(dirname(args.file), 'truth.json');
  if (!existsSync(truthFile)) return {};
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as {
    exactDuplicates: number[][];
    nearDuplicates: number[][];
  };
  const group = core.workspace.db.prepare(
    'SELECT copy_group AS g FROM items JOIN sources s ON s.id = items.source_id WHERE s.key = ? AND items.external_id = ?',
  );
  const found = (pairs: number[][]): string => {
    let hit = 0;
    for (const [oc, om, cc, cm] of pairs) {
      const a = group.get(`telegram:${oc}`, String(om)) as { g: number | null } | undefined;
      const b = group.get(`telegram:${cc}`, String(cm)) as { g: number | null } | undefined;
      if (a?.g != null && a.g === b?.g) hit++;
    }
    return `${hit}/${pairs.length}`;
  };
  return { exactCopiesFound: found(truth.exactDuplicates), nearCopiesFound: found(truth.nearDuplicates) };
}

async function runImport(): Promise<Record<string, unknown>> {
  const core = new Core({ mode: 'cli', workspaceDir: args.workspace, version: 'bench', recentFile: null });
  core.scoped('search', () => ({
    indexImport: async () => {},
    removeImport: async () => {},
    indexExtraText: async () => {},
    dispose: async () => {},
  }));
  const started = performance.now();
  const cpu = process.cpuUsage();
  const report = await core.jobs.run('import', 'bench', (job) => importPaths(core, [args.file], {}, job));
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const r = report.imports[0];
  if (!r || r.error) throw new Error(r?.error ?? 'no report');
  const recall = copyRecall(core);
  const groups = core.workspace.db
    .prepare(
      'SELECT COUNT(*) AS items, COUNT(DISTINCT copy_group) AS groups FROM items WHERE copy_group IS NOT NULL',
    )
    .get() as { items: number; groups: number };
  await core.close();
  const messages = r.added + r.duplicates + r.skipped;
  return {
    mode: 'import',
    messages,
    added: r.added,
    skipped: r.skipped,
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Math.round(messages / seconds),
    cpuSeconds: Number(cpuSeconds.toFixed(2)),
    messagesPerCpuSecond: Math.round(messages / cpuSeconds),
    peakRssMB: peakRssMB(),
    workspaceMB: Number((treeBytes(args.workspace) / 1024 ** 2).toFixed(1)),
    itemsInCopyGroups: groups.items,
    copyGroups: groups.groups,
    ...recall,
  };
}

type Part = string | { text?: string };

function runBaseline(): Record<string, unknown> {
  const started = performance.now();
  const data = JSON.parse(readFileSync(args.file, 'utf8')) as {
    messages: { id: number; date_unixtime?: string; text: string | Part[] }[];
  };
  const parsed = performance.now();
  const db = new DatabaseSync(join(args.workspace, 'baseline.db'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('CREATE TABLE m (id INTEGER PRIMARY KEY, at INTEGER, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO m (id, at, text) VALUES (?, ?, ?)');
  db.exec('BEGIN');
  for (const m of data.messages) {
    const text =
      typeof m.text === 'string'
        ? m.text
        : m.text.map((p) => (typeof p === 'string' ? p : (p.text ?? ''))).join('');
    insert.run(m.id, Number(m.date_unixtime ?? 0) * 1000, text);
  }
  db.exec('COMMIT');
  db.close();
  const done = performance.now();
  const n = data.messages.length;
  return {
    mode: 'baseline',
    messages: n,
    parseSeconds: Number(((parsed - started) / 1000).toFixed(2)),
    seconds: Number(((done - started) / 1000).toFixed(2)),
    parseMessagesPerSecond: Math.round(n / ((parsed - started) / 1000)),
    messagesPerSecond: Math.round(n / ((done - started) / 1000)),
    peakRssMB: peakRssMB(),
  };
}

try {
  const result = args.mode === 'import' ? await runImport() : runBaseline();
  process.stdout.write(JSON.stringify(result) + '\n');
} finally {
  clearInterval(sampler);
}
