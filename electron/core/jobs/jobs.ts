import { randomUUID } from 'node:crypto';
import type { JobInfo, JobKind } from '../../../shared/domain';
import type { EventBus } from '../events';
import { SifterError } from '../errors';

export interface JobControl {
  signal: AbortSignal;
  /** Reports progress; throttled so a hot loop can call it freely. */
  progress(update: Partial<Pick<JobInfo, 'phase' | 'done' | 'total' | 'counters'>>): void;
  /** Throws an AbortError when the job was cancelled; call between units of work. */
  throwIfCancelled(): void;
}

const PROGRESS_INTERVAL_MS = 150;

/** Runs long work (import, indexing, translation, export) with progress events and cancellation. */
export class JobRegistry {
  private readonly jobs = new Map<string, { info: JobInfo; abort: AbortController; lastEmit: number }>();

  constructor(private readonly events: EventBus) {}

  list(): JobInfo[] {
    return [...this.jobs.values()].map((j) => ({ ...j.info }));
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || job.info.state !== 'running') return false;
    job.abort.abort();
    return true;
  }

  /** Starts `work` and resolves with its result; the job's progress is pushed as `job.progress`. */
  async run<T>(
    kind: JobKind,
    title: string,
    work: (job: JobControl) => Promise<T>,
    external?: AbortSignal,
  ): Promise<T> {
    const abort = new AbortController();
    if (external) {
      if (external.aborted) abort.abort();
      else external.addEventListener('abort', () => abort.abort(), { once: true });
    }
    const info: JobInfo = {
      id: randomUUID(),
      kind,
      title,
      state: 'running',
      phase: 'starting',
      done: 0,
      total: null,
      startedAt: Date.now(),
      etaMs: null,
      counters: {},
      error: null,
      result: null,
    };
    const entry = { info, abort, lastEmit: 0 };
    this.jobs.set(info.id, entry);
    this.emit(entry, true);
    const control: JobControl = {
      signal: abort.signal,
      progress: (update) => {
        Object.assign(info, update);
        if (info.total && info.done > 0) {
          const elapsed = Date.now() - info.startedAt;
          info.etaMs = Math.max(0, Math.round((elapsed / info.done) * (info.total - info.done)));
        }
        this.emit(entry, false);
      },
      throwIfCancelled: () => {
        if (abort.signal.aborted) throw new SifterError('CANCELLED', `${title}: cancelled.`);
      },
    };
    try {
      const result = await work(control);
      info.state = abort.signal.aborted ? 'cancelled' : 'done';
      info.result = (result ?? null) as unknown;
      return result;
    } catch (err) {
      const cancelled = abort.signal.aborted || (err instanceof SifterError && err.code === 'CANCELLED');
      info.state = cancelled ? 'cancelled' : 'failed';
      info.error = err instanceof Error ? err.message : String(err);
      throw err;
    } finally {
      info.etaMs = 0;
      this.emit(entry, true);
      // Finished jobs stay listed for a while so a page that reconnects sees how they ended.
      setTimeout(() => this.jobs.delete(info.id), 10 * 60_000).unref();
    }
  }

  private emit(entry: { info: JobInfo; lastEmit: number }, force: boolean): void {
    const now = Date.now();
    if (!force && now - entry.lastEmit < PROGRESS_INTERVAL_MS) return;
    entry.lastEmit = now;
    this.events.emit('job.progress', { ...entry.info, counters: { ...entry.info.counters } });
  }
}
