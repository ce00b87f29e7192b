// The report calls through the real dispatcher: what goes in (tags with or without children, clip
// tags, dates in the analyst's zone, clipped only, a query, a saved search), how it is ordered and
// grouped, the preview, the rendered download and the export job.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JobInfo } from '../../../shared/domain';
import type { ReportSpecInput } from '../../../shared/api/reports';
import { dispatch } from '../api';
import { htmlToPdf, NO_CHROMIUM_MESSAGE } from './pdf';
import { call, reportFixture, tempDir, removeTempDirs, type ReportFixture } from './testing';

let f: ReportFixture;

beforeAll(async () => {
  f = await reportFixture();
}, 120_000);

afterAll(async () => {
  await f.close();
  removeTempDirs();
});

/** The item names (as the fixture calls them) of a report's entries, in report order. */
async function entries(spec: ReportSpecInput): Promise<string[]> {
  const { html } = await call(f.core, 'reports.preview', { spec });
  const names = new Map(Object.entries(f.ids).map(([name, id]) => [id, name]));
  return [...html.matchAll(/<article class="entry" id="item-(\d+)"/g)].map(
    (m) => names.get(Number(m[1])) ?? `item ${m[1]}`,
  );
}

test('tags with their children, oldest first; newest first on request', async () => {
  expect(await entries({ tags: [{ path: 'Actors' }] })).toEqual(['tg:2', 'tg:3', 'tg:7', 'ndjson:5501']);
  expect(await entries({ tags: [{ path: 'Actors' }], newestFirst: true })).toEqual([
    'ndjson:5501',
    'tg:7',
    'tg:3',
    'tg:2',
  ]);
});

test('a tag without its children holds only its own items', async () => {
  expect(await entries({ tags: [{ path: 'actors', children: false }] })).toEqual(['ndjson:5501']);
});

test('a tag on a clip brings the clipped item in', async () => {
  expect(await entries({ tags: [{ path: 'Quotes' }] })).toEqual(['tg:3']);
});

test('a date range is read in the analyst’s time zone, both days included', async () => {
  // tg:3 is 2023-11-24 17:30 in Kyiv, tg:7 2023-12-06 07:45 in Kyiv (05:45 UTC).
  expect(await entries({ tags: [{ path: 'Actors' }], from: '2023-11-24', to: '2023-12-06' })).toEqual([
    'tg:3',
    'tg:7',
  ]);
  expect(await entries({ tags: [{ path: 'Actors' }], from: '2023-12-07' })).toEqual(['ndjson:5501']);
  // A date range alone chooses every item of those days.
  expect(await entries({ from: '2023-12-14', to: '2023-12-14' })).toEqual(expect.arrayContaining(['tg:10']));
});

test('clipped only: just the items with clips, and of them only the passages', async () => {
  const { html, items, clips } = await call(f.core, 'reports.preview', {
    spec: { tags: [{ path: 'Actors' }], clippedOnly: true },
  });
  expect([items, clips]).toEqual([1, 1]);
  expect(html).toContain('<blockquote class="clip"><p>мы не экстремисты</p>');
  expect(html).not.toContain('Мы просто хотим'); // the rest of the post
  expect(html).toContain('<li>Only clipped passages</li>');
});

test('a query and a saved search narrow the tagged items', async () => {
  expect(await entries({ tags: [{ path: 'Actors' }], query: 'мобилизованных' })).toEqual([
    'tg:2',
    'ndjson:5501',
  ]);
  const saved = await call(f.core, 'saved.create', { name: 'Pickets', query: 'пикета OR пикет' });
  expect(await entries({ tags: [{ path: 'Actors' }], saved: 'pickets' })).toEqual(['tg:7', 'ndjson:5501']);
  expect(await entries({ tags: [{ path: 'Actors' }], saved: saved.id })).toEqual(['tg:7', 'ndjson:5501']);
});

test('grouped by day and by source', async () => {
  const { html } = await call(f.core, 'reports.preview', {
    spec: { tags: [{ path: 'Actors' }, { path: 'Topics/Rotation' }], groupBy: 'day' },
  });
  const days = [...html.matchAll(/<section class="group" id="group-\d+">\s*<h2>([^<]+)<\/h2>/g)].map(
    (m) => m[1],
  );
  expect(days).toEqual(['2023-11-20', '2023-11-24', '2023-12-06', '2023-12-27', '2024-01-06']);
  const bySource = await call(f.core, 'reports.preview', {
    spec: { tags: [{ path: 'Actors' }], groupBy: 'source' },
  });
  const sources = [
    ...bySource.html.matchAll(/<section class="group" id="group-\d+">\s*<h2>([^<]+)<\/h2>/g),
  ].map((m) => m[1]);
  expect(sources).toEqual(['sample_news_ru', 'Ждём домой (тестовый канал)']);
});

test('bad choices are refused with a message that says what to do', async () => {
  const nothing = await dispatch(f.core, 'reports.preview', { spec: {} });
  expect(nothing).toEqual({
    ok: false,
    error: {
      code: 'INVALID',
      message: 'Choose what goes into the report: one or more tags, a saved search, a query or a date range.',
    },
  });
  const noTag = await dispatch(f.core, 'reports.preview', { spec: { tags: [{ path: 'Nobody' }] } });
  expect(noTag).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'There is no tag "Nobody".' } });
  const backwards = await dispatch(f.core, 'reports.preview', {
    spec: { from: '2024-01-10', to: '2024-01-01' },
  });
  expect(backwards).toEqual({
    ok: false,
    error: { code: 'INVALID', message: 'The date range ends (2024-01-01) before it starts (2024-01-10).' },
  });
  const notADay = await dispatch(f.core, 'reports.preview', { spec: { from: '2024-02-30' } });
  expect(notADay).toEqual({
    ok: false,
    error: { code: 'INVALID', message: 'The start date 2024-02-30 is not a real day.' },
  });
  const noSaved = await dispatch(f.core, 'reports.preview', { spec: { saved: 'Nope' } });
  expect(noSaved).toEqual({
    ok: false,
    error: { code: 'NOT_FOUND', message: 'There is no saved search named "Nope".' },
  });
});

test('reports.render gives the file for a browser download', async () => {
  const file = await call(f.core, 'reports.render', {
    spec: { title: 'Weekly: Kyiv?', tags: [{ path: 'Quotes' }] },
    format: 'md',
  });
  expect(file.fileName).toBe('Weekly Kyiv.md');
  expect(file.mime).toBe('text/markdown;charset=utf-8');
  const text = Buffer.from(file.base64, 'base64').toString('utf8');
  expect(file.bytes).toBe(Buffer.byteLength(text));
  expect(text).toContain('# Weekly: Kyiv?');
  expect(text).toContain('> мы не экстремисты');
});

function waitForJob(id: string): Promise<JobInfo> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const job = f.core.jobs.list().find((j) => j.id === id);
      if (job && job.state !== 'running') {
        resolve(job);
        return true;
      }
      return false;
    };
    if (check()) return;
    const unsubscribe = f.core.events.subscribe((event) => {
      if (event === 'job.progress' && check()) unsubscribe();
    });
  });
}

test('reports.export runs a job whose result is the written file', async () => {
  const dir = tempDir('sifter-export-job-');
  const { jobId } = await call(f.core, 'reports.export', {
    spec: { title: 'Job', tags: [{ path: 'Actors' }] },
    format: 'html',
    path: join(dir, 'Weekly: job'),
  });
  expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
  const job = await waitForJob(jobId);
  expect(job).toMatchObject({ kind: 'export', state: 'done', error: null });
  const path = join(dir, 'Weekly job.html');
  expect(job.result).toEqual({ path, format: 'html', items: 4, bytes: readFileSync(path).length });
  expect(existsSync(path)).toBe(true);
});

test('reports.export refuses a relative path before starting a job', async () => {
  const res = await dispatch(f.core, 'reports.export', {
    spec: { tags: [{ path: 'Actors' }] },
    format: 'csv',
    path: 'out.csv',
  });
  expect(res).toEqual({
    ok: false,
    error: { code: 'INVALID', message: 'Export to an absolute path, not "out.csv".' },
  });
});

test('PDF without Chromium: UNAVAILABLE, naming what to install', async () => {
  const error = await htmlToPdf('<p>x</p>', tempDir(), undefined, {
    SIFTER_CHROMIUM: '/nonexistent/chromium',
  }).catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'UNAVAILABLE', message: NO_CHROMIUM_MESSAGE });
  expect(NO_CHROMIUM_MESSAGE).toContain('apt install chromium');
});
