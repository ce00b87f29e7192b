// Test support for the report tests: a temp workspace filled from the shared fixtures by the real
// import pipeline, then tagged, clipped, annotated and translated through the real handlers, so a
// report holds exactly the material an analyst would have made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../core';
import { dispatch } from '../api';
import { importPaths } from '../importers/pipeline';
import { loadDraft, loadItem, saveDraft } from '../translate/store';
import type { Method, Req, Res, Result } from '../../../shared/api';

export const FIXTURES = join(process.cwd(), 'tests/fixtures');
export const CHANNEL_USERNAME = 'waithome_test';

export async function call<M extends Method>(core: Core, method: M, req: Req<M>): Promise<Res<M>> {
  const res = (await dispatch(core, method, req)) as Result<Res<M>>;
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value;
}

const made: string[] = [];

/** A fresh temp folder, removed by removeTempDirs() (each test file calls it in afterAll). */
export function tempDir(prefix = 'sifter-reports-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function openCore(dir: string): Core {
  return new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
}

export interface ReportFixture {
  dir: string;
  core: Core;
  /** Item ids by name: "tg:2" (channel message 2), "csv:hyperlink", "ndjson:5501"… */
  ids: Record<string, number>;
  close(): Promise<void>;
}

/** The names of the items the fixture tags, in the chronological order a report lists them. */
export const TAGGED_IN_ORDER = ['tg:2', 'tg:3', 'tg:7', 'csv:hyperlink', 'ndjson:5501'] as const;

/**
 * Imports the channel export (with a username, so posts have t.me permalinks), the monitoring CSV
 * and the collector NDJSON, then:
 * - Actors/Way Home on tg:2, tg:3 and tg:7 (a photo); Actors on ndjson:5501;
 * - Topics/Rotation on tg:2 and csv:hyperlink (the headline starting with =HYPERLINK();
 * - Topics/Other on tg:10 (never chosen in the tests' reports);
 * - a clip of tg:3 ("мы не экстремисты") with a note and the tag Quotes;
 * - a note on tg:2; an English machine translation (engine "apertium") of tg:2 with its second
 *   sentence edited by the analyst; the time zone Europe/Kyiv.
 */
export async function reportFixture(): Promise<ReportFixture> {
  const dir = tempDir();
  const core = openCore(dir);
  const report = await core.jobs.run('import', 'fixtures', (job) =>
    importPaths(core, [join(FIXTURES, 'telegram/channel-export')], { username: CHANNEL_USERNAME }, job),
  );
  const more = await core.jobs.run('import', 'fixtures', (job) =>
    importPaths(
      core,
      [join(FIXTURES, 'csv/media-monitoring-export.csv'), join(FIXTURES, 'ndjson/telegram-collector.ndjson')],
      {},
      job,
    ),
  );
  const failed = [...report.imports, ...more.imports].filter((r) => r.error);
  if (failed.length > 0) throw new Error(`fixture import failed: ${JSON.stringify(failed)}`);
  const db = core.workspace.db;
  const byExternal = (kind: string, ext: string): number => {
    const row = db
      .prepare(
        'SELECT i.id FROM items i JOIN sources s ON s.id = i.source_id WHERE s.kind = ? AND i.external_id = ?',
      )
      .get(kind, ext) as { id: number } | undefined;
    if (!row) throw new Error(`no ${kind} item ${ext}`);
    return row.id;
  };
  const hyperlink = db.prepare("SELECT id FROM items WHERE title LIKE '=HYPERLINK(%'").get() as
    { id: number } | undefined;
  if (!hyperlink) throw new Error('the =HYPERLINK( headline was not imported');
  const ids: Record<string, number> = {
    'tg:2': byExternal('telegram', '2'),
    'tg:3': byExternal('telegram', '3'),
    'tg:7': byExternal('telegram', '7'),
    'tg:10': byExternal('telegram', '10'),
    'csv:hyperlink': hyperlink.id,
    'ndjson:5501': byExternal('ndjson', '5501'),
  };
  const tag = async (path: string, names: string[]): Promise<void> => {
    const { tag } = await call(core, 'tags.create', { path, ifMissing: true });
    await call(core, 'tags.add', { tagId: tag.id, itemIds: names.map((n) => ids[n]!) });
  };
  await tag('Actors/Way Home', ['tg:2', 'tg:3', 'tg:7']);
  await tag('Actors', ['ndjson:5501']);
  await tag('Topics/Rotation', ['tg:2', 'csv:hyperlink']);
  await tag('Topics/Other', ['tg:10']);
  const quotes = await call(core, 'tags.create', { path: 'Quotes', ifMissing: true });

  const text3 = (db.prepare('SELECT text FROM items WHERE id = ?').get(ids['tg:3']!) as { text: string })
    .text;
  const quote = 'мы не экстремисты';
  const start = text3.indexOf(quote);
  await call(core, 'clips.create', {
    itemId: ids['tg:3']!,
    start,
    end: start + quote.length,
    quote,
    note: 'The channel denies extremism',
    tagIds: [quotes.tag.id],
  });
  await call(core, 'notes.set', { itemId: ids['tg:2']!, body: 'First post of the channel.' });

  // A machine translation as an engine would have stored it, then one sentence edited by hand.
  const ws = core.workspace;
  const draft = loadDraft(ws, loadItem(ws, ids['tg:2']!), 'en');
  const english = [
    'Hello.',
    'This channel was created by the wives and mothers of the mobilised.',
    'We demand our men be brought home.',
    'More than a year without rotation is inhumane.',
  ];
  let n = 0;
  for (const s of draft.segments) {
    if (s.field !== 'text') continue;
    s.target = english[n++] ?? `Sentence ${n}.`;
    s.engine = 'apertium';
  }
  draft.engine = 'apertium';
  ws.transaction(() => saveDraft(ws, draft));
  const second = draft.segments.filter((s) => s.field === 'text')[1]!;
  await call(core, 'translate.editSegment', {
    itemId: ids['tg:2']!,
    to: 'en',
    index: second.index,
    text: 'This channel was made by wives and mothers of mobilised men.',
  });
  core.settings.update({ timeZone: 'Europe/Kyiv' });

  return {
    dir,
    core,
    ids,
    async close() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
