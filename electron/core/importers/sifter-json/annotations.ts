// Applies the annotations a Sifter export carries (tags, note, clips, translations) to the items
// an import stored, on the import's connection and inside its transaction: the whole import lands
// with its annotations, or nothing does. Called by the pipeline once a unit's items are in; items
// that were already in the workspace (duplicates) keep what they have.
import type { DatabaseSync } from 'node:sqlite';
import { ANNOTATIONS_KEY, type ItemAnnotations } from './format';
import { checkTagName, defaultTagColor, nameKey, splitTagPath } from '../../tags/names';
import { assemble, type StoredSegment } from '../../translate/store';

/** Finds or creates tags by path on one connection, remembering what it saw. */
class TagPaths {
  private readonly ids = new Map<string, number>();
  constructor(private readonly db: DatabaseSync) {}

  id(path: string, color: string | null | undefined): number {
    const names = splitTagPath(path);
    let parent: number | null = null;
    let key = '';
    names.forEach((raw, depth) => {
      const name = checkTagName(raw);
      key += `/${nameKey(name)}`;
      let id = this.ids.get(key);
      if (id === undefined) {
        const found = this.db
          .prepare('SELECT id, name FROM tags WHERE COALESCE(parent_id, 0) = ?')
          .all(parent ?? 0)
          .find((r) => nameKey((r as { name: string }).name) === nameKey(name)) as { id: number } | undefined;
        const last = depth === names.length - 1;
        id =
          found?.id ??
          Number(
            this.db
              .prepare('INSERT INTO tags(name, color, parent_id, created_at) VALUES (?, ?, ?, ?)')
              .run(
                name,
                (last && color && /^#[0-9a-fA-F]{6}$/.test(color)
                  ? color
                  : defaultTagColor(name)
                ).toLowerCase(),
                parent,
                Date.now(),
              ).lastInsertRowid,
          );
        this.ids.set(key, id);
      }
      parent = id;
    });
    return parent!;
  }
}

const ms = (iso: string | null | undefined, fallback: number): number => {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? t : fallback;
};

/** Applies and then strips the annotations of every item `importId` stored. Returns how many items had some. */
export function applyImportedAnnotations(db: DatabaseSync, importId: number): number {
  const rows = db
    .prepare(
      `SELECT id, json_extract(extra, '$."${ANNOTATIONS_KEY}"') AS a FROM items WHERE import_id = ? AND json_extract(extra, '$."${ANNOTATIONS_KEY}"') IS NOT NULL`,
    )
    .all(importId) as { id: number; a: string }[];
  if (rows.length === 0) return 0;
  const tags = new TagPaths(db);
  const now = Date.now();
  const linkTag = db.prepare('INSERT OR IGNORE INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?)');
  const setNote = db.prepare('INSERT OR IGNORE INTO notes(item_id, body, updated_at) VALUES (?, ?, ?)');
  const addClip = db.prepare(
    'INSERT INTO clips(item_id, field, start, end, quote, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const clipTag = db.prepare('INSERT OR IGNORE INTO clip_tags(clip_id, tag_id) VALUES (?, ?)');
  const addTranslation = db.prepare(
    `INSERT OR IGNORE INTO translations(item_id, target_lang, source_lang, engine, segments, edited, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const searchText = db.prepare(
    `INSERT INTO search_extra(item_id, field, text, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(item_id, field) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
  );
  const strip = db.prepare(
    `UPDATE items SET extra = json_remove(extra, '$."${ANNOTATIONS_KEY}"') WHERE id = ?`,
  );
  for (const row of rows) {
    const a = JSON.parse(row.a) as ItemAnnotations;
    for (const tag of a.tags) linkTag.run(row.id, tags.id(tag.path, tag.color), now);
    if (a.note && a.note.body.trim() !== '') setNote.run(row.id, a.note.body, ms(a.note.updatedAt, now));
    for (const clip of a.clips) {
      const field = clip.field === 'translation' ? `translation:${clip.lang ?? ''}` : 'text';
      const id = Number(
        addClip.run(
          row.id,
          field,
          clip.start,
          Math.max(clip.start, clip.end),
          clip.quote,
          clip.note,
          ms(clip.createdAt, now),
        ).lastInsertRowid,
      );
      for (const tag of clip.tags) clipTag.run(id, tags.id(tag.path, tag.color));
    }
    for (const t of a.translations) {
      const updated = ms(t.updatedAt, now);
      const segments = t.segments as StoredSegment[];
      addTranslation.run(
        row.id,
        t.to,
        t.from ?? null,
        t.engine,
        JSON.stringify(segments),
        segments.some((s) => s.edited) ? 1 : 0,
        updated,
        updated,
      );
      // The translation's text is searchable like one made here (search reads search_extra).
      const assembled = assemble({
        itemId: row.id,
        to: t.to,
        from: t.from ?? null,
        segments,
        engine: t.engine,
        stored: true,
        updatedAt: updated,
      });
      const text = [assembled.title?.target ?? '', assembled.text].filter((x) => x !== '').join('\n');
      if (text.trim() !== '') searchText.run(row.id, `translation:${t.to}`, text, now);
    }
    strip.run(row.id);
  }
  return rows.length;
}
