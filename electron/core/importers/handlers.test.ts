// import.start / import.list / import.remove through the dispatcher, as the UI calls them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../core';
import { dispatch } from '../api';
import type { ImportHistoryEntry, ImportReport, JobInfo } from '../../../shared/domain';
import { fixture, tempDir } from '../../../tests/unit/import/helpers';

let tmp: ReturnType<typeof tempDir>;
let core: Core;
beforeEach(() => {
  tmp = tempDir();
  core = new Core({ mode: 'cli', workspaceDir: join(tmp.dir, 'ws'), version: 'test', recentFile: null });
});
afterEach(async () => {
  await core.close();
  tmp.cleanup();
});

async function call<T>(method: string, req: unknown): Promise<T> {
  const res = await dispatch(core, method, req);
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.value as T;
}

function finished(jobId: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const job = core.jobs.list().find((j) => j.id === jobId);
      if (job && job.state !== 'running') {
        resolve(job);
        return true;
      }
      return false;
    };
    if (check()) return;
    const off = core.events.subscribe((event) => {
      if (event === 'job.progress' && check()) off();
    });
  });
}

describe('import handlers', () => {
  it('starts an import job whose result is the report, lists it, and removes it with its items and media', async () => {
    const events: string[] = [];
    core.events.subscribe((event, payload) => {
      if (event === 'workspace.changed') events.push(`${event}:${(payload as { reason: string }).reason}`);
      if (event === 'saved.changed') events.push(event);
    });
    const { jobId } = await call<{ jobId: string }>('import.start', {
      paths: [fixture('telegram/channel-export')],
    });
    expect(jobId).toMatch(/[0-9a-f-]{36}/);
    const job = await finished(jobId);
    expect(job.state).toBe('done');
    const report = job.result as ImportReport;
    expect(report.imports[0]).toMatchObject({ added: 23, skipped: 2 });
    expect(events).toEqual(['workspace.changed:imported', 'saved.changed']);

    const history = await call<ImportHistoryEntry[]>('import.list', {});
    expect(history).toEqual([
      expect.objectContaining({
        file: 'channel-export',
        format: 'telegram-json',
        status: 'done',
        added: 23,
        duplicates: 0,
        skipped: 2,
        items: 23,
        warnings: [],
      }),
    ]);
    const id = history[0]!.id;
    expect(existsSync(join(core.workspace.paths.media, String(id)))).toBe(true);

    const removed = await call<{ removedItems: number }>('import.remove', { id });
    expect(removed).toEqual({ removedItems: 23 });
    expect(core.workspace.info().counts).toMatchObject({ items: 0, imports: 0 });
    expect(existsSync(join(core.workspace.paths.media, String(id)))).toBe(false);
    expect(await call('import.list', {})).toEqual([]);
    const again = await dispatch(core, 'import.remove', { id });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('ungroups a copy left alone when the import holding its partner is removed', async () => {
    const first = await finished(
      (await call<{ jobId: string }>('import.start', { paths: [fixture('telegram/html-export')] })).jobId,
    );
    await finished(
      (await call<{ jobId: string }>('import.start', { paths: [fixture('telegram/channel-export')] })).jobId,
    );
    const channelImport = (await call<ImportHistoryEntry[]>('import.list', {})).find(
      (h) => h.format === 'telegram-json',
    )!;
    await call('import.remove', { id: channelImport.id });
    const grouped = core.workspace.db
      .prepare('SELECT COUNT(*) AS n FROM items WHERE copy_group IS NOT NULL')
      .get() as { n: number };
    expect(grouped.n).toBe(0);
    expect((first.result as ImportReport).imports[0]!.added).toBe(6);
  });

  it('reads a CSV header row for the mapping dialog', async () => {
    const inspection = await call<{ headers: string[]; mapping: Record<string, string>; missing: string[] }>(
      'import.inspectCsv',
      {
        path: fixture('csv/media-monitoring-export.csv'),
      },
    );
    expect(inspection.headers).toContain('Headline');
    expect(inspection.missing).toEqual([]);
  });

  it('validates the request before touching anything', async () => {
    expect(await dispatch(core, 'import.start', { paths: [] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(
      await dispatch(core, 'import.start', { paths: ['x'], options: { username: 'a b' } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });
});
