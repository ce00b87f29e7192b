// "Translate all results" / "all items tagged X": background translation jobs started from the UI,
// followed through their job.progress events until they end, with the result kept (per-item
// failures to retry) until the analyst dismisses it. Kept outside components so that leaving the
// area and coming back still shows how the job went.
import { create } from 'zustand';
import type { TranslateJobResult } from '../../../../shared/api/translate';
import type { JobInfo } from '../../../../shared/domain';
import { call, subscribe } from '../../app/api';

export type TranslateSelection = { query: string } | { tag: string } | { ids: number[] };

export interface TranslateRun {
  jobId: string;
  /** What was asked (for Retry after the job failed or was cancelled). */
  selection: TranslateSelection;
  to: string;
  items: number;
  job: JobInfo | null;
  /** Why the job could not start, when it did not. */
  error: string | null;
}

interface Store {
  /** By the key of the place that started it (e.g. "search", "tag:Sanctions"). */
  runs: Record<string, TranslateRun>;
}

const useStore = create<Store>(() => ({ runs: {} }));
let following: (() => void) | null = null;

function setRun(key: string, run: TranslateRun | null): void {
  useStore.setState((s) => {
    const { [key]: _old, ...rest } = s.runs;
    return { runs: run ? { ...rest, [key]: run } : rest };
  });
}

/** One listener for every run: job events update the run they belong to. */
function follow(): void {
  if (following) return;
  following = subscribe('job.progress', (job) => {
    const runs = useStore.getState().runs;
    for (const [key, run] of Object.entries(runs)) if (run.jobId === job.id) setRun(key, { ...run, job });
  });
}

export async function startTranslateRun(
  key: string,
  selection: TranslateSelection,
  to: string,
): Promise<void> {
  follow();
  const result = await call('translate.start', { ...selection, to });
  if (!result.ok) {
    setRun(key, { jobId: '', selection, to, items: 0, job: null, error: result.error.message });
    return;
  }
  setRun(key, {
    jobId: result.value.jobId,
    selection,
    to,
    items: result.value.items,
    job: null,
    error: null,
  });
  // The job may have ended before the subscription saw it start (a handful of items from memory).
  const jobs = await call('jobs.list', {});
  if (jobs.ok) {
    const job = jobs.value.find((j) => j.id === result.value.jobId);
    const run = useStore.getState().runs[key];
    if (job && run?.jobId === job.id && (run.job === null || job.state !== 'running'))
      setRun(key, { ...run, job });
  }
}

export function dismissTranslateRun(key: string): void {
  setRun(key, null);
}

export function useTranslateRun(key: string): TranslateRun | null {
  return useStore((s) => s.runs[key] ?? null);
}

export function runResult(run: TranslateRun): TranslateJobResult | null {
  const result = run.job?.state === 'done' ? run.job.result : null;
  return result && typeof result === 'object' && 'failed' in result ? (result as TranslateJobResult) : null;
}

export function isRunning(run: TranslateRun | null): boolean {
  return run !== null && run.error === null && (run.job === null || run.job.state === 'running');
}
