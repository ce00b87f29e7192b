// The import pipeline end to end on real SQLite files in temp folders, with the fixtures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from '../../../electron/core/core';
import { importPaths } from '../../../electron/core/importers/pipeline';
import type { ImportReport } from '../../../shared/domain';
import { fixture, listFiles, tempDir } from './helpers';

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

function run(paths: string[], options = {}): Promise<ImportReport> {
  return core.jobs.run('import', 'test import', (job) => importPaths(core, paths, options, job));
}

type Row = Record<string, unknown>;
const db = () => core.workspace.db;
const item = (externalId: string, sourceKey = 'telegram:1000000001'): Row =>
  db()
    .prepare(
      'SELECT items.* FROM items JOIN sources s ON s.id = items.source_id WHERE s.key = ? AND external_id = ?',
    )
    .get(sourceKey, externalId) as Row;

function snapshot(): { counts: Record<string, number>; files: Record<string, number> } {
  const counts = { ...core.workspace.info().counts };
  counts.item_sketches = (db().prepare('SELECT COUNT(*) AS n FROM item_sketches').get() as { n: number }).n;
  const files = listFiles(core.workspace.paths.dir);
  // SQLite's own files change size with any read; the store's content is compared by counts.
  for (const name of Object.keys(files)) if (/^sifter\.db/.test(name)) delete files[name];
  return { counts, files };
}

describe('import pipeline', () => {
  it('imports the channel export folder: 23 posts, replies linked, media copied or missing', async () => {
    const report = await run([fixture('telegram/channel-export')]);
    expect(report.imports).toEqual([
      expect.objectContaining({
        file: 'channel-export',
        format: 'telegram-json',
        added: 23,
        duplicates: 0,
        skipped: 2,
        error: null,
      }),
    ]);
    expect(core.workspace.info().counts).toMatchObject({ items: 23, sources: 1, imports: 1 });
    expect(item('8').reply_to_item_id).toBe(item('7').id);
    const media7 = JSON.parse(item('7').media as string);
    expect(media7[0]).toMatchObject({ kind: 'photo', missing: false });
    expect(existsSync(join(core.workspace.paths.media, media7[0].path))).toBe(true);
    expect(JSON.parse(item('19').media as string)[0]).toMatchObject({ missing: true, path: null });
    expect(item('15').lang).toBe('uk');
    expect(item('16').lang).toBe('en');
    expect(item('13').lang).toBe('ru');
    expect(item('2').content_hash).toMatch(/^[0-9a-f]{32}$/);
    const history = db().prepare('SELECT status, added, skipped FROM imports').all();
    expect(history).toEqual([{ status: 'done', added: 23, skipped: 2 }]);
  });

  it('adds nothing when the same export comes again: folder after zip, zip after folder', async () => {
    const zip = await run([fixture('telegram/channel-export.zip')]);
    expect(zip.imports[0]).toMatchObject({ file: 'channel-export.zip', added: 23, skipped: 2 });
    const folder = await run([fixture('telegram/channel-export')]);
    expect(folder.imports[0]).toMatchObject({ added: 0, duplicates: 23 });
    const again = await run([fixture('telegram/channel-export.zip')]);
    expect(again.imports[0]).toMatchObject({ added: 0, duplicates: 23 });
    expect(core.workspace.info().counts.items).toBe(23);
    // The extracted zip does not linger in tmp/.
    expect(listFiles(core.workspace.paths.tmp)).toEqual({});
  });

  it('groups channel posts 24 and 25 as exact and near copies of HTML-export posts 101 and 102', async () => {
    const report = await run([fixture('telegram/html-export'), fixture('telegram/channel-export')]);
    expect(report.imports.map((r) => [r.format, r.added])).toEqual([
      ['telegram-html', 6],
      ['telegram-json', 23],
    ]);
    const html = (id: string) => item(id, 'telegram-html:Новости фронта');
    expect(item('24').copy_group).not.toBeNull();
    expect(item('24').copy_group).toBe(html('101').copy_group);
    expect(item('24').content_hash).toBe(html('101').content_hash);
    expect(item('25').copy_group).not.toBeNull();
    expect(item('25').copy_group).toBe(html('102').copy_group);
    expect(item('25').content_hash).not.toBe(html('102').content_hash);
    expect(item('24').copy_group).not.toBe(item('25').copy_group);
    // Unrelated posts stay alone.
    expect(item('2').copy_group).toBeNull();
    expect(html('106').author).toBe('Новости фронта');
    expect(html('103').reply_to_item_id).toBe(html('102').id);
  });

  it('finds copies in either order (the near copy imported first)', async () => {
    await run([fixture('telegram/channel-export')]);
    await run([fixture('telegram/html-export')]);
    expect(item('25').copy_group).toBe(item('102', 'telegram-html:Новости фронта').copy_group);
    expect(item('25').copy_group).not.toBeNull();
  });

  it('imports the full-account export (5 posts in 2 chats) and the 2019 export (zone unknown)', async () => {
    const report = await run([
      fixture('telegram/full-account-export/result.json'),
      fixture('telegram/old-export-2019/result.json'),
    ]);
    expect(report.imports.map((r) => r.added)).toEqual([5, 3]);
    expect(db().prepare("SELECT COUNT(*) AS n FROM sources WHERE kind = 'telegram'").get()).toEqual({ n: 3 });
    expect(item('2', 'telegram:1000000004').reply_to_item_id).toBe(item('1', 'telegram:1000000004').id);
    const old = db()
      .prepare(
        "SELECT time_zone_unknown AS z FROM items JOIN sources s ON s.id = source_id WHERE s.key = 'telegram:1000000005'",
      )
      .all();
    expect(old).toEqual([{ z: 1 }, { z: 1 }, { z: 1 }]);
  });

  it('gives the same items when parsing on a worker thread (as big files are)', async () => {
    const rows = () =>
      db()
        .prepare(
          'SELECT external_id, text, lang, entities, media, content_hash, copy_group, reply_to_item_id FROM items ORDER BY id',
        )
        .all();
    await run([fixture('telegram/html-export'), fixture('telegram/channel-export')]);
    const inline = rows();
    const other = new Core({
      mode: 'cli',
      workspaceDir: join(tmp.dir, 'ws2'),
      version: 'test',
      recentFile: null,
    });
    try {
      const report = await other.jobs.run('import', 't', (job) =>
        importPaths(
          other,
          [fixture('telegram/html-export'), fixture('telegram/channel-export')],
          { parseMode: 'thread' },
          job,
        ),
      );
      expect(report.imports.map((r) => r.added)).toEqual([6, 23]);
      expect(
        other.workspace.db
          .prepare(
            'SELECT external_id, text, lang, entities, media, content_hash, copy_group, reply_to_item_id FROM items ORDER BY id',
          )
          .all(),
      ).toEqual(inline);
      const refused = await other.jobs.run('import', 't', (job) =>
        importPaths(other, [fixture('hostile/truncated-result.json')], { parseMode: 'thread' }, job),
      );
      expect(refused.imports[0]!.error).toMatch(/truncated-result\.json: .*(ends early|truncated)/);
    } finally {
      await other.close();
    }
  });

  it('deletes files staged under tmp/uploads/ (browser-mode uploads) once imported', async () => {
    const batch = join(core.workspace.paths.tmp, 'uploads', 'abc123');
    mkdirSync(batch, { recursive: true });
    const staged = join(batch, 'result.json');
    writeFileSync(staged, readFileSync(fixture('telegram/old-export-2019/result.json')));
    const report = await run([staged]);
    expect(report.imports[0]).toMatchObject({ file: 'result.json', added: 3 });
    expect(existsSync(batch)).toBe(false);
  });

  it('uses --username for permalinks', async () => {
    await run([fixture('telegram/channel-export')], { username: 'waiting_home' });
    expect(item('13').url).toBe('https://t.me/waiting_home/13');
  });

  describe('hostile input', () => {
    it.each([
      ['hostile/truncated-result.json', /truncated-result\.json: .*(ends early|truncated)/],
      ['hostile/not-an-archive.json', /not-an-archive\.json: not a format Sifter can import/],
      ['hostile/zip-slip.zip', /zip-slip\.zip: .*escapes the archive's folder/],
      ['hostile/zip-symlink.zip', /zip-symlink\.zip: .*symbolic link/],
      ['hostile/zip-bomb.zip', /zip-bomb\.zip: .*zip bomb/],
    ])('refuses %s and leaves the workspace as it was', async (path, reason) => {
      await run([fixture('telegram/old-export-2019/result.json')]);
      const before = snapshot();
      const report = await run([fixture(path)]);
      expect(report.imports).toHaveLength(1);
      expect(report.imports[0]!.error).toMatch(reason);
      expect(report.imports[0]!.id).toBeNull();
      expect(snapshot()).toEqual(before);
      expect(existsSync('/tmp/zip-slip-owned.txt')).toBe(false);
    });

    it('imports the script-laden channel with the script neutralised', async () => {
      const report = await run([fixture('hostile/xss-channel')]);
      expect(report.imports[0]).toMatchObject({ added: 1, error: null });
      const row = item('1', 'telegram:1000000002');
      expect(row.html).toBeNull();
      expect(row.entities).toBe('[]');
      expect(report.imports[0]!.warnings.join('\n')).toMatch(/unsafe address/);
    });

    it('refuses one bad input and still imports the good one beside it', async () => {
      const report = await run([
        fixture('hostile/truncated-result.json'),
        fixture('telegram/old-export-2019/result.json'),
      ]);
      expect(report.imports.map((r) => [r.added, r.error === null])).toEqual([
        [0, false],
        [3, true],
      ]);
      expect(core.workspace.info().counts.items).toBe(3);
      expect(core.workspace.info().counts.imports).toBe(1);
    });
  });

  it('leaves the workspace exactly as before when the import is cancelled', async () => {
    await run([fixture('telegram/old-export-2019/result.json')]);
    const before = snapshot();
    // A big enough export that cancellation lands mid-way: 6,000 messages with photos on disk.
    const dir = join(tmp.dir, 'big');
    mkdirSync(join(dir, 'photos'), { recursive: true });
    const messages = [];
    for (let i = 1; i <= 6000; i++) {
      const photo = i % 50 === 0 ? `photos/p${i}.jpg` : undefined;
      if (photo) writeFileSync(join(dir, photo), `jpeg ${i}`);
      messages.push({
        id: i,
        type: 'message',
        date: '2024-01-01T00:00:00',
        date_unixtime: String(1704067200 + i),
        from: 'Big',
        text: `Сообщение номер ${i} о новостях дня и разных событиях`,
        ...(photo ? { photo } : {}),
      });
    }
    writeFileSync(
      join(dir, 'result.json'),
      JSON.stringify({ name: 'Big', type: 'public_channel', id: 77, messages }, null, 1),
    );
    let cancelled = false;
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (event !== 'job.progress' || cancelled) return;
      const info = payload as { id: string; counters: Record<string, number> };
      if ((info.counters.stored ?? 0) > 1000) {
        cancelled = true;
        core.jobs.cancel(info.id);
      }
    });
    await expect(run([dir])).rejects.toThrow(/cancelled/);
    unsubscribe();
    expect(cancelled).toBe(true);
    expect(snapshot()).toEqual(before);
  });
});
