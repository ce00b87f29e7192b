// JSON and NDJSON exports are importable back: export a tagged report, import the file into an
// empty workspace through the real pipeline, and find the same items with the same tags, clips,
// notes and translations. A damaged export is refused whole, naming the file and the record.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { reportSpecSchema } from '../../../shared/api/reports';
import { exportReport } from './render';
import { importPaths } from '../importers/pipeline';
import { call, openCore, reportFixture, tempDir, removeTempDirs, type ReportFixture } from './testing';

let f: ReportFixture;
let out: string;

beforeAll(async () => {
  f = await reportFixture();
  out = tempDir('sifter-roundtrip-');
}, 120_000);

afterAll(async () => {
  await f.close();
  removeTempDirs();
});

/** Everything the round trip must keep, keyed by identity (source key + external id). */
function snapshot(db: DatabaseSync): Record<string, unknown> {
  const items = db
    .prepare(
      `SELECT i.id, s.key AS source, s.kind AS sourceKind, s.name AS sourceName, i.kind, i.external_id AS ext, i.url, i.title, i.author, i.channel,
              i.published_at AS publishedAt, i.time_zone_unknown AS tzUnknown, i.lang, i.text, i.entities, i.reactions, i.forwarded_from AS fwd
       FROM items i JOIN sources s ON s.id = i.source_id`,
    )
    .all() as Record<string, unknown>[];
  const tagPath = (id: number): string => {
    const row = db.prepare('SELECT name, parent_id FROM tags WHERE id = ?').get(id) as {
      name: string;
      parent_id: number | null;
    };
    return row.parent_id === null ? row.name : `${tagPath(row.parent_id)}/${row.name}`;
  };
  const out: Record<string, unknown> = {};
  for (const item of items) {
    const id = item.id as number;
    const tags = (
      db.prepare('SELECT tag_id FROM item_tags WHERE item_id = ?').all(id) as { tag_id: number }[]
    )
      .map((t) => tagPath(t.tag_id))
      .sort();
    const note =
      (db.prepare('SELECT body FROM notes WHERE item_id = ?').get(id) as { body: string } | undefined)
        ?.body ?? null;
    const clips = (
      db
        .prepare('SELECT id, field, start, end, quote, note FROM clips WHERE item_id = ? ORDER BY start')
        .all(id) as Record<string, unknown>[]
    ).map(({ id: clipId, ...clip }) => ({
      ...clip,
      tags: (
        db.prepare('SELECT tag_id FROM clip_tags WHERE clip_id = ?').all(clipId as number) as {
          tag_id: number;
        }[]
      ).map((t) => tagPath(t.tag_id)),
    }));
    const translations = db
      .prepare(
        'SELECT target_lang, source_lang, engine, segments, edited FROM translations WHERE item_id = ?',
      )
      .all(id);
    const { id: _id, ...rest } = item;
    out[`${String(item.source)}#${String(item.ext)}`] = { ...rest, tags, note, clips, translations };
  }
  return out;
}

/** The snapshot restricted to the items whose keys are in `keys`. */
const only = (snap: Record<string, unknown>, keys: string[]): Record<string, unknown> =>
  Object.fromEntries(keys.map((k) => [k, snap[k]]));

test.each(['json', 'ndjson'] as const)(
  '%s: export, import into an empty workspace, same items, tags, clips, notes and translations',
  async (format) => {
    const spec = reportSpecSchema.parse({
      title: 'Round trip',
      tags: [{ path: 'Actors' }, { path: 'Topics/Rotation' }],
    });
    const { path } = await exportReport(f.core, spec, format, join(out, `export.${format}`));
    const first = readFileSync(path, 'utf8').split('\n')[0]!;
    expect(first.startsWith('{"sifterExport":1,')).toBe(true);

    const dir = tempDir('sifter-roundtrip-target-');
    const target = openCore(dir);
    try {
      const report = await target.jobs.run('import', 'round trip', (job) =>
        importPaths(target, [path], {}, job),
      );
      expect(report.imports).toEqual([
        expect.objectContaining({ format: 'sifter-json', added: 5, error: null }),
      ]);
      const source = snapshot(f.core.workspace.db);
      const imported = snapshot(target.workspace.db);
      expect(Object.keys(imported).sort()).toHaveLength(5);
      expect(imported).toEqual(only(source, Object.keys(imported)));
      // The items are the report's: the five tagged ones, not tg:10 (tagged Topics/Other only).
      expect(Object.values(imported).map((i) => (i as { tags: string[] }).tags.length > 0)).toEqual([
        true,
        true,
        true,
        true,
        true,
      ]);
      // Nothing of the carrier field is left behind in the items' extra data.
      const extras = target.workspace.db.prepare('SELECT extra FROM items').all() as { extra: string }[];
      expect(extras.filter((e) => e.extra.includes('sifter:annotations'))).toEqual([]);
      // And the imported workspace reports the same report again.
      const again = await call(target, 'reports.preview', {
        spec: { tags: [{ path: 'Actors' }, { path: 'Topics/Rotation' }] },
      });
      expect(again.items).toBe(5);
      expect(again.clips).toBe(1);
      expect(again.html).toContain(
        'Machine translation into en (apertium); 1 sentence edited by the analyst',
      );
      // The imported translation is searchable, as one made in this workspace would be.
      const found = await call(target, 'search.query', { query: 'inhumane' });
      expect(found.hits.map((h) => [h.excerpt.slice(0, 12), h.matchedIn])).toEqual([
        ['Здравствуйте', 'translation'],
      ]);
    } finally {
      await target.close();
    }
  },
  120_000,
);

test('a damaged record refuses the whole export, naming the file and the record; nothing is stored', async () => {
  const spec = reportSpecSchema.parse({ tags: [{ path: 'Actors' }] });
  const { path } = await exportReport(f.core, spec, 'ndjson', join(out, 'good.ndjson'));
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  const broken = JSON.parse(lines[2]!) as Record<string, unknown>;
  broken.publishedAt = 'yesterday';
  lines[2] = JSON.stringify(broken);
  const bad = join(out, 'damaged.ndjson');
  writeFileSync(bad, lines.join('\n') + '\n');

  const dir = tempDir('sifter-roundtrip-bad-');
  const target = openCore(dir);
  try {
    const report = await target.jobs.run('import', 'bad', (job) => importPaths(target, [bad], {}, job));
    expect(report.imports[0]!.error).toMatch(
      /^damaged\.ndjson: line 3 is not a valid Sifter record \(publishedAt: /,
    );
    const counts = target.workspace.info().counts;
    expect([counts.items, counts.tags, counts.clips, counts.notes, counts.translations]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  } finally {
    await target.close();
  }
}, 60_000);

test('an export from a newer Sifter is refused with what to do', async () => {
  const bad = join(out, 'future.json');
  writeFileSync(bad, '{"sifterExport":2,"items":[]}');
  const target = openCore(tempDir('sifter-roundtrip-future-'));
  try {
    const report = await target.jobs.run('import', 'future', (job) => importPaths(target, [bad], {}, job));
    expect(report.imports[0]!.error).toBe(
      'future.json: it is a Sifter export of format version 2; this Sifter reads version 1. Update Sifter to import it.',
    );
  } finally {
    await target.close();
  }
});
