#!/usr/bin/env node
// Import benchmark: generates a Telegram Desktop export with the corpus generator of ../shared/bench
// (copied to a temp folder, which is also where corpora are cached by size), then measures, each in
// its own process:
//   - Sifter's import of it: messages/s parsed, normalised and stored (search indexing excluded —
//     bench:search measures it), peak RSS, workspace size;
//   - the ceiling: JSON.parse of the whole file plus a plain SQLite insert (only up to 250,000
//     messages: past ~290k a single result.json is longer than Node's longest string).
//
//   npm run bench:import [-- --messages 100000] [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const BASELINE_MAX = 250_000;

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    generator: { type: 'string' },
  },
});
const messages = Number(values.messages);
if (!Number.isInteger(messages) || messages < 1 || messages > 50_000_000) {
  console.error('bench:import: --messages takes a whole number from 1 to 50,000,000');
  process.exit(2);
}

function run(cmd, argv, options = {}) {
  const r = spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${argv.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr || r.stdout}`);
  }
  return r.stdout;
}

/** The generator, copied where it may write (its own folder is read-only in CI), installed once. */
function generator() {
  const source = resolve(
    values.generator ?? process.env.SIFTER_BENCH_GENERATOR ?? join(repo, '..', 'shared', 'bench'),
  );
  if (!existsSync(join(source, 'make-corpus.mjs')))
    throw new Error(`The corpus generator is not at ${source} (pass --generator DIR).`);
  const copy = join(tmpdir(), 'sifter-bench-import', 'generator');
  if (!existsSync(join(copy, 'node_modules'))) {
    mkdirSync(copy, { recursive: true });
    cpSync(source, copy, {
      recursive: true,
      filter: (p) => !p.includes('node_modules') && !p.includes('.cache'),
    });
    console.error('bench:import: installing the corpus generator…');
    run('npm', ['install', '--prefix', copy, '--no-audit', '--no-fund']);
  }
  return copy;
}

function corpus(gen) {
  const dir = join(tmpdir(), 'sifter-bench-import', `corpus-${messages}`);
  const file = join(dir, 'result.json');
  if (!existsSync(file)) {
    console.error(`bench:import: generating ${messages.toLocaleString('en')} messages…`);
    run(process.execPath, [join(gen, 'make-corpus.mjs'), '--messages', String(messages), '--out', dir]);
  }
  return file;
}

async function bundle() {
  const { build } = await import('esbuild');
  const outdir = join(repo, 'bench', '.work', 'import');
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  };
  // The parse thread's entry sits in workers/ beside the bundle, where the pipeline looks for it.
  await build({
    ...common,
    entryPoints: { 'import-parse.worker': join(repo, 'electron/core/importers/import-parse.worker.ts') },
    outdir: join(outdir, 'workers'),
  });
  await build({
    entryPoints: { 'import-sifter': join(here, 'import-sifter.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);",
    },
  });
  return join(outdir, 'import-sifter.mjs');
}

function child(entry, args) {
  const out = run(process.execPath, [entry, JSON.stringify(args)], { cwd: repo });
  const line = out.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line);
}

const gen = generator();
const file = corpus(gen);
const fileMB = statSync(file).size / 1024 ** 2;
const entry = await bundle();
const work = mkdtempSync(join(tmpdir(), 'sifter-bench-import-run-'));
try {
  const imported = child(entry, { mode: 'import', file, workspace: join(work, 'workspace') });
  let baseline = null;
  if (messages <= BASELINE_MAX) {
    mkdirSync(join(work, 'baseline'));
    baseline = child(entry, { mode: 'baseline', file, workspace: join(work, 'baseline') });
  }
  const lines = [
    `Import benchmark — ${messages.toLocaleString('en')} messages, result.json ${fileMB.toFixed(0)} MiB, Node ${process.versions.node}`,
    `  Sifter import:   ${imported.messagesPerSecond.toLocaleString('en')} msg/s (${imported.seconds} s wall, ${imported.messagesPerCpuSecond.toLocaleString('en')} msg per CPU-second; ${imported.added.toLocaleString('en')} items, ${imported.skipped} skipped), peak RSS ${imported.peakRssMB} MB, workspace ${imported.workspaceMB} MB`,
    `                   ${imported.itemsInCopyGroups.toLocaleString('en')} items in ${imported.copyGroups.toLocaleString('en')} copy groups; planted copies found: exact ${imported.exactCopiesFound ?? '?'}, near ${imported.nearCopiesFound ?? '?'}`,
    baseline
      ? `  Ceiling (parse + plain insert): ${baseline.messagesPerSecond.toLocaleString('en')} msg/s (JSON.parse alone ${baseline.parseMessagesPerSecond.toLocaleString('en')} msg/s), peak RSS ${baseline.peakRssMB} MB`
      : `  Ceiling: skipped above ${BASELINE_MAX.toLocaleString('en')} messages (the file is too long for one string)`,
  ];
  console.log(lines.join('\n'));
  console.log(JSON.stringify({ messages, fileMB: Number(fileMB.toFixed(1)), import: imported, baseline }));
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
