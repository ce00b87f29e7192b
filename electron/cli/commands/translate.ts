// `sifter translate`: translates items (by ids, a search query or a tag) into one language with the
// configured engine (or --engine / --engine-url for this run). Keys come from the environment
// (SIFTER_DEEPL_KEY, SIFTER_LIBRETRANSLATE_KEY, SIFTER_OPENAI_KEY) or a key file readable only by
// the user; they are never printed.
import { UsageError, type Command } from '../command';
import { dispatch } from '../../core/api';
import { SifterError } from '../../core/errors';
import {
  engineIds,
  langCodeSchema,
  type EngineId,
  type TranslateJobResult,
} from '../../../shared/api/translate';
import { itemsOfTag, startTranslateJob } from '../../core/translate/job';
import { openCliCore, parseIds } from '../args';

function summary(result: TranslateJobResult): string {
  const lines = [
    `Translated ${result.translated} of ${result.items} item${result.items === 1 ? '' : 's'} to ${result.to}` +
      (result.skipped ? ` (${result.skipped} skipped: already in ${result.to} or empty)` : '') +
      '.',
    `Sentences: ${result.fromMemory} from translation memory, ${result.fromEngine} from the engine in ${result.engineRequests} request${result.engineRequests === 1 ? '' : 's'}; ${result.billedChars} billed characters.`,
  ];
  for (const f of result.failed) lines.push(`  item ${f.itemId} failed: ${f.error}`);
  if (result.failed.length > 0)
    lines.push(
      `Run again with --ids ${result.failed.map((f) => f.itemId).join(',')} to retry the failed items.`,
    );
  return lines.join('\n') + '\n';
}

export const translate: Command = {
  name: 'translate',
  summary: 'Translate items (by ids, search query or tag) with the configured engine',
  usage:
    'sifter translate --workspace DIR (--ids 1,2 | --query Q | --tag T) --to LANG [--engine deepl|libretranslate|openai|apertium] [--engine-url URL] [--json]',
  options: {
    ids: { type: 'string' },
    query: { type: 'string' },
    tag: { type: 'string' },
    to: { type: 'string' },
    engine: { type: 'string' },
    'engine-url': { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const { flags, io } = ctx;
    const chosen = (['ids', 'query', 'tag'] as const).filter((f) => typeof flags[f] === 'string');
    if (chosen.length !== 1) throw new UsageError('give exactly one of --ids, --query or --tag');
    if (typeof flags.to !== 'string')
      throw new UsageError('--to LANG is required (an ISO 639-1 code such as en)');
    const to = langCodeSchema.safeParse(flags.to);
    if (!to.success) throw new UsageError(`--to: ${to.error.issues[0]?.message ?? 'invalid language'}`);
    const engine = flags.engine;
    if (engine !== undefined && !engineIds.includes(engine as EngineId)) {
      throw new UsageError(`--engine must be one of ${engineIds.join(', ')}`);
    }
    const engineUrl = typeof flags['engine-url'] === 'string' ? flags['engine-url'] : undefined;
    const ids = typeof flags.ids === 'string' ? parseIds(flags.ids) : null;

    const core = openCliCore(ctx);
    try {
      let targets: number[];
      if (ids) {
        targets = ids;
      } else if (typeof flags.tag === 'string') {
        targets = itemsOfTag(core, flags.tag);
      } else {
        const found = await dispatch(core, 'search.ids', { query: flags.query });
        if (!found.ok) throw new SifterError(found.error.code, `--query: ${found.error.message}`);
        targets = (found.value as { ids: number[] }).ids;
      }
      if (targets.length === 0) throw new SifterError('NOT_FOUND', 'No items match: nothing to translate.');

      // Progress on stderr once a second, starting after the first second (short runs stay quiet).
      let lastLine = Date.now();
      const unsubscribe = core.events.subscribe((event, payload) => {
        if (flags.json || event !== 'job.progress') return;
        const job = payload as { kind: string; done: number; total: number | null; state: string };
        if (
          job.kind !== 'translate' ||
          job.state !== 'running' ||
          job.total === null ||
          Date.now() - lastLine < 1000
        )
          return;
        lastLine = Date.now();
        io.stderr(`translating… ${job.done}/${job.total ?? '?'}\n`);
      });
      let onSigint: (() => void) | null = null;
      try {
        const { jobId, done } = startTranslateJob(core, targets, to.data, {
          engine: engine as EngineId | undefined,
          url: engineUrl,
        });
        // Ctrl+C cancels: the items translated so far stay stored (and in the memory).
        onSigint = () => void core.jobs.cancel(jobId);
        process.once('SIGINT', onSigint);
        const result = await done;
        io.stdout(flags.json ? JSON.stringify(result) + '\n' : summary(result));
        return result.failed.length > 0 ? 1 : 0;
      } finally {
        if (onSigint) process.off('SIGINT', onSigint);
        unsubscribe();
      }
    } finally {
      await core.close();
    }
  },
};
