import { EventBus } from '../events';
import { JobRegistry } from './jobs';
import type { JobInfo } from '../../../shared/domain';

function registry() {
  const events = new EventBus();
  const seen: JobInfo[] = [];
  events.subscribe((event, payload) => {
    if (event === 'job.progress') seen.push(payload as JobInfo);
  });
  return { jobs: new JobRegistry(events), seen };
}

describe('jobs', () => {
  it('reports start, progress and the result', async () => {
    const { jobs, seen } = registry();
    const result = await jobs.run('import', 'Import a.json', async (job) => {
      job.progress({ phase: 'parsing', done: 5, total: 10 });
      return { added: 10 };
    });
    expect(result).toEqual({ added: 10 });
    expect(seen[0]?.state).toBe('running');
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({
      state: 'done',
      kind: 'import',
      title: 'Import a.json',
      result: { added: 10 },
    });
  });

  it('cancels a running job at its next check and marks it cancelled', async () => {
    const { jobs, seen } = registry();
    let started!: () => void;
    const isRunning = new Promise<void>((r) => (started = r));
    const running = jobs.run('translate', 'Translate', async (job) => {
      started();
      for (;;) {
        await new Promise((r) => setTimeout(r, 5));
        job.throwIfCancelled();
      }
    });
    await isRunning;
    const id = jobs.list()[0]!.id;
    expect(jobs.cancel(id)).toBe(true);
    await expect(running).rejects.toThrow(/cancelled/);
    expect(seen[seen.length - 1]?.state).toBe('cancelled');
    expect(jobs.cancel(id)).toBe(false);
  });

  it('marks a job failed with its error message', async () => {
    const { jobs, seen } = registry();
    await expect(
      jobs.run('export', 'Export', async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(seen[seen.length - 1]).toMatchObject({ state: 'failed', error: 'disk full' });
  });
});
