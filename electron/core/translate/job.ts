// "Translate all results of this search" / "all items tagged X": a background job with progress and
// cancellation. Items are planned a few at a time and their unknown sentences pooled per source
// language, so the engine sees full requests (within its limits) instead of one per item. A failing
// item is reported and the job goes on; a failure every further request would share (bad key,
// quota, engine unreachable) ends the job with that message.
import type { TranslateJobResult } from '../../../shared/api/translate';
import type { Core } from '../core';
import { SifterError } from '../errors';
import type { JobControl } from '../jobs/jobs';
import { searchHandlers } from '../search/handlers';
import { EngineError } from './engine-error';
import type { EngineChoice } from './engines';
import type { TranslationEngine } from './engines/types';
import { askEngine, completeItem, engineFor, planItem, skipReason, type ItemPlan } from './service';

export interface TranslateSelection {
  ids?: number[] | undefined;
  query?: string | undefined;
  tag?: string | undefined;
}

/** Item ids of a tag given by name ("Sanctions") or path ("Actors/Way Home"), its sub-tags included. */
export function itemsOfTag(core: Core, tag: string): number[] {
  const db = core.workspace.db;
  const rows = db
    .prepare(
      `WITH RECURSIVE paths(id, path) AS (
         SELECT id, name FROM tags WHERE parent_id IS NULL
         UNION ALL SELECT t.id, p.path || '/' || t.name FROM tags t JOIN paths p ON t.parent_id = p.id)
       SELECT id, path FROM paths`,
    )
    .all() as { id: number; path: string }[];
  const wanted = tag.trim().toLowerCase();
  let roots = rows.filter((r) => r.path.toLowerCase() === wanted);
  if (roots.length === 0) roots = rows.filter((r) => r.path.split('/').pop()?.toLowerCase() === wanted);
  if (roots.length === 0) throw new SifterError('NOT_FOUND', `There is no tag "${tag}" in this workspace.`);
  if (roots.length > 1) {
    throw new SifterError(
      'INVALID',
      `More than one tag is named "${tag}" (${roots.map((r) => r.path).join(', ')}); give its full path.`,
    );
  }
  const ids = db
    .prepare(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT t.id FROM tags t JOIN sub s ON t.parent_id = s.id)
       SELECT DISTINCT it.item_id AS id FROM item_tags it JOIN items i ON i.id = it.item_id
       WHERE it.tag_id IN (SELECT id FROM sub) AND i.removed = 0 ORDER BY it.item_id`,
    )
    .all(roots[0]?.id ?? 0) as { id: number }[];
  return ids.map((r) => r.id);
}

export async function resolveSelection(core: Core, selection: TranslateSelection): Promise<number[]> {
  if (selection.ids) return [...new Set(selection.ids)];
  if (selection.tag !== undefined) return itemsOfTag(core, selection.tag);
  if (selection.query !== undefined)
    return (await searchHandlers['search.ids']({ query: selection.query }, core)).ids;
  throw new SifterError('INVALID', 'Say which items to translate: ids, a search query or a tag.');
}

/** Pool this many unknown sentences before asking the engine. */
function poolSize(engine: TranslationEngine): number {
  return Math.max(8, engine.limits.maxTexts * engine.limits.concurrency * 2);
}

const MAX_POOLED_ITEMS = 200;

export async function runTranslateJob(
  core: Core,
  ids: readonly number[],
  to: string,
  choice: EngineChoice,
  job: JobControl,
): Promise<TranslateJobResult> {
  const engine = await engineFor(core, choice);
  const result: TranslateJobResult = {
    to,
    items: ids.length,
    translated: 0,
    skipped: 0,
    failed: [],
    fromMemory: 0,
    fromEngine: 0,
    billedChars: 0,
    engineRequests: 0,
  };
  const report = () =>
    job.progress({
      phase: 'translating',
      done: result.translated + result.skipped + result.failed.length,
      total: ids.length,
      counters: {
        translated: result.translated,
        skipped: result.skipped,
        failed: result.failed.length,
        fromMemory: result.fromMemory,
        fromEngine: result.fromEngine,
        billedChars: result.billedChars,
      },
    });
  const failItem = (itemId: number, err: unknown) => {
    result.failed.push({ itemId, error: err instanceof Error ? err.message : String(err) });
  };

  let pool: ItemPlan[] = [];
  let pooled = 0;
  const flush = async () => {
    const groups = new Map<string, ItemPlan[]>();
    for (const plan of pool) {
      const key = plan.draft.from ?? '';
      groups.set(key, [...(groups.get(key) ?? []), plan]);
    }
    pool = [];
    pooled = 0;
    for (const [from, plans] of groups) {
      job.throwIfCancelled();
      try {
        const { answers, requests } = await askEngine(engine, plans, from || null, to, job.signal);
        result.engineRequests += requests;
        for (const plan of plans) await finish(plan, answers);
      } catch (err) {
        if (isFatal(err)) throw err;
        // Find out which items fail: ask for each item's sentences on its own.
        for (const plan of plans) {
          job.throwIfCancelled();
          try {
            const { answers, requests } = await askEngine(engine, [plan], from || null, to, job.signal);
            result.engineRequests += requests;
            await finish(plan, answers);
          } catch (itemErr) {
            if (isFatal(itemErr)) throw itemErr;
            failItem(plan.draft.itemId, itemErr);
            report();
          }
        }
      }
    }
  };
  const finish = async (plan: ItemPlan, answers: Parameters<typeof completeItem>[2]) => {
    const done = await completeItem(core, plan, answers, engine);
    result.translated++;
    result.fromMemory += done.stats?.fromMemory ?? 0;
    result.fromEngine += done.stats?.fromEngine ?? 0;
    result.billedChars += done.stats?.billedChars ?? 0;
    report();
  };

  report();
  for (const id of ids) {
    job.throwIfCancelled();
    let plan: ItemPlan;
    try {
      plan = planItem(core, id, to, engine);
    } catch (err) {
      failItem(id, err);
      report();
      continue;
    }
    if (skipReason(plan.draft)) {
      result.skipped++;
      report();
      continue;
    }
    pool.push(plan);
    pooled += plan.misses.length;
    if (pooled >= poolSize(engine) || pool.length >= MAX_POOLED_ITEMS) await flush();
  }
  await flush();
  if (result.translated > 0)
    core.events.emit('workspace.changed', { dir: core.workspace.paths.dir, reason: 'translated' });
  job.progress({ phase: 'done' });
  return result;
}

function isFatal(err: unknown): boolean {
  if (err instanceof EngineError) return err.fatal;
  return err instanceof SifterError && err.code === 'CANCELLED';
}

/**
 * Starts the job in the background and returns its id at once (translate.start). The registry adds
 * the job synchronously when `run` is called, so the newest entry of `jobs.list()` is this one.
 */
export function startTranslateJob(
  core: Core,
  ids: readonly number[],
  to: string,
  choice: EngineChoice = {},
): { jobId: string; done: Promise<TranslateJobResult> } {
  const title = `Translate ${ids.length} item${ids.length === 1 ? '' : 's'} to ${to}`;
  const done = core.jobs.run('translate', title, (job) => runTranslateJob(core, ids, to, choice, job));
  const jobId = core.jobs.list().at(-1)?.id ?? '';
  // The registry records the failure in the job's state; nobody else awaits this promise.
  done.catch(() => undefined);
  return { jobId, done };
}
