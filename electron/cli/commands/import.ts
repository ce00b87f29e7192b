// `sifter import <paths…>`: imports files, folders and zips into a workspace and prints the report
// (with --json, `{"imports":[{"file","format","added","duplicates","skipped","warnings",…}]}`).
// Progress goes to stderr. The exit code is 1 when any input was refused, 0 otherwise.
import { UsageError, type Command } from '../command';
import { importPaths } from '../../core/importers/pipeline';
import { importOptionsSchema } from '../../../shared/api/imports';
import type { ImportReport, JobInfo } from '../../../shared/domain';
import { openCliCore } from '../args';

/** `--map text=Body,title=Headline` → { text: 'Body', title: 'Headline' }. */
export function parseMap(raw: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of raw.split(',')) {
    if (pair.trim() === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0 || eq === pair.length - 1)
      throw new UsageError(`--map takes field=Header pairs separated by commas (got "${pair}")`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

function progressLine(job: JobInfo): string {
  const c = job.counters;
  const pct = job.total ? ` ${Math.min(100, Math.round((job.done / job.total) * 100))}%` : '';
  const eta =
    job.etaMs && job.state === 'running' && job.etaMs > 1000
      ? `, about ${Math.ceil(job.etaMs / 1000)} s left`
      : '';
  return `${job.phase}${pct}: ${c.parsed ?? 0} parsed, ${c.stored ?? 0} stored${eta}\n`;
}

function textReport(report: ImportReport): string {
  const lines: string[] = [];
  for (const r of report.imports) {
    if (r.error) {
      lines.push(`REFUSED ${r.error}`);
      continue;
    }
    lines.push(
      `${r.file} (${r.format}): ${r.added} added, ${r.duplicates} duplicate${r.duplicates === 1 ? '' : 's'}, ${r.skipped} skipped, ${(r.durationMs / 1000).toFixed(1)} s`,
    );
    for (const w of r.warnings) lines.push(`  warning: ${w}`);
  }
  return lines.join('\n') + '\n';
}

export const importCommand: Command = {
  name: 'import',
  summary: 'Import files, folders or zips (Telegram exports, articles, feeds, archives, CSV, NDJSON)',
  usage: 'sifter import <paths…> --workspace DIR [--json] [--username NAME] [--map field=Header,…]',
  options: { json: { type: 'boolean' }, username: { type: 'string' }, map: { type: 'string' } },
  async run(ctx) {
    if (ctx.positionals.length === 0) throw new UsageError('give at least one file, folder or zip to import');
    const options = importOptionsSchema.safeParse({
      username: typeof ctx.flags.username === 'string' ? ctx.flags.username : undefined,
      csvMap: typeof ctx.flags.map === 'string' ? parseMap(ctx.flags.map) : undefined,
    });
    if (!options.success) throw new UsageError(options.error.issues[0]?.message ?? 'invalid options');
    const core = openCliCore(ctx);
    let lastLine = 0;
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event !== 'job.progress') return;
      const job = payload as JobInfo;
      if (job.kind !== 'import' || job.phase === 'starting' || Date.now() - lastLine < 1000) return;
      lastLine = Date.now();
      ctx.io.stderr(progressLine(job));
    });
    // Ctrl+C cancels: the import is rolled back and the workspace stays as it was.
    const abort = new AbortController();
    const onSigint = (): void => abort.abort();
    process.once('SIGINT', onSigint);
    try {
      const report = await core.jobs.run(
        'import',
        'Import',
        (job) => importPaths(core, ctx.positionals, options.data, job),
        abort.signal,
      );
      if (ctx.flags.json) {
        const imports = report.imports.map((r) => ({
          file: r.file,
          format: r.format,
          added: r.added,
          duplicates: r.duplicates,
          skipped: r.skipped,
          warnings: r.warnings,
          ...(r.error ? { error: r.error } : {}),
          id: r.id,
          durationMs: r.durationMs,
        }));
        ctx.io.stdout(JSON.stringify({ imports }) + '\n');
      } else {
        ctx.io.stdout(textReport(report));
      }
      return report.imports.some((r) => r.error) ? 1 : 0;
    } finally {
      process.off('SIGINT', onSigint);
      unsubscribe();
      await core.close();
    }
  },
};
