// Background jobs (imports, indexing, translation, export) as the status bar shows them: running
// jobs with their progress, and finished ones for a short while so the analyst sees how they ended.
import { create } from 'zustand';
import type { JobInfo } from '../../../shared/domain';
import { call, callOrNotify, subscribe } from './api';

/** How long a job that ended well stays visible; failed jobs stay until dismissed. */
const LINGER_MS = 6000;

interface JobStore {
  jobs: Record<string, JobInfo>;
}

const useJobStore = create<JobStore>(() => ({ jobs: {} }));
const lingerTimers = new Map<string, ReturnType<typeof setTimeout>>();

export function dismissJob(id: string): void {
  clearTimeout(lingerTimers.get(id));
  lingerTimers.delete(id);
  useJobStore.setState((s) => {
    const { [id]: _gone, ...rest } = s.jobs;
    return { jobs: rest };
  });
}

function upsert(job: JobInfo): void {
  const known = useJobStore.getState().jobs[job.id];
  // Events can overtake each other across transports; an ended job never goes back to running.
  if (known && known.state !== 'running' && job.state === 'running') return;
  useJobStore.setState((s) => ({ jobs: { ...s.jobs, [job.id]: job } }));
  if ((job.state === 'done' || job.state === 'cancelled') && !lingerTimers.has(job.id)) {
    lingerTimers.set(
      job.id,
      setTimeout(() => dismissJob(job.id), LINGER_MS),
    );
  }
}

/** Keeps the store current; returns the unsubscribe function. */
export function trackJobs(): () => void {
  const off = subscribe('job.progress', upsert);
  void call('jobs.list', {}).then((result) => {
    if (result.ok) for (const job of result.value) if (job.state === 'running') upsert(job);
  });
  return off;
}

export async function cancelJob(id: string): Promise<void> {
  await callOrNotify('jobs.cancel', { id }, 'cancel the job');
}

export function useJobs(): JobInfo[] {
  const jobs = useJobStore((s) => s.jobs);
  return Object.values(jobs).sort((a, b) => a.startedAt - b.startedAt);
}

/** "~3 min left", "12 s left", or null when it cannot be told. */
export function formatEta(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs < 0) return null;
  const s = Math.round(etaMs / 1000);
  if (s < 60) return `${Math.max(s, 1)} s left`;
  const m = Math.round(s / 60);
  if (m < 60) return `~${m} min left`;
  const h = Math.floor(m / 60);
  return `~${h} h ${m % 60} min left`;
}

const count = new Intl.NumberFormat();

/** "1,204 / 5,000" or "1,204" while the total is unknown. */
export function formatProgress(job: Pick<JobInfo, 'done' | 'total'>): string {
  return job.total === null
    ? count.format(job.done)
    : `${count.format(job.done)} / ${count.format(job.total)}`;
}
