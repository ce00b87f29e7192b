// Everything a search filters, sorts and counts by — except the text — held as dense columns indexed
// by item id, loaded from SQLite and reloaded when the store changes. Lunr holds only text (DESIGN
// §3): tags, notes, clips and removals are read here, so tagging never touches an index segment.
import type { DatabaseSync } from 'node:sqlite';

export interface SourceInfo {
  id: number;
  kind: string;
  name: string;
  username: string | null;
  key: string;
}

export interface TagInfo {
  id: number;
  name: string;
  parentId: number | null;
  color: string;
  path: string;
}

/** Interns strings into small integer codes (0 means "none"). */
class Dictionary {
  readonly values: string[] = [''];
  private readonly codes = new Map<string, number>();
  code(value: string | null): number {
    if (value === null || value === '') return 0;
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }
}

export class ItemColumns {
  /** One past the largest item id. */
  size = 0;
  count = 0;
  present = new Uint8Array(0);
  publishedAt = new Float64Array(0);
  sourceId = new Int32Array(0);
  kind = new Uint8Array(0);
  lang = new Uint16Array(0);
  channel = new Int32Array(0);
  author = new Int32Array(0);
  copyGroup = new Int32Array(0);
  readonly kinds = new Dictionary();
  readonly langs = new Dictionary();
  readonly channels = new Dictionary();
  readonly authors = new Dictionary();
  sources = new Map<number, SourceInfo>();
}

export class TagColumns {
  tags = new Map<number, TagInfo>();
  /** item id → tag ids. */
  itemTags = new Map<number, number[]>();
  withNote = new Set<number>();
  withClip = new Set<number>();
}

interface ItemRow {
  id: number;
  source_id: number;
  kind: string;
  lang: string | null;
  channel: string | null;
  author: string | null;
  published_at: number | null;
  copy_group: number | null;
  removed: number;
}

export function loadItemColumns(db: DatabaseSync): ItemColumns {
  const cols = new ItemColumns();
  const max = (db.prepare('SELECT coalesce(max(id), 0) AS m FROM items').get() as { m: number }).m;
  const size = max + 1;
  cols.size = size;
  cols.present = new Uint8Array(size);
  cols.publishedAt = new Float64Array(size).fill(NaN);
  cols.sourceId = new Int32Array(size);
  cols.kind = new Uint8Array(size);
  cols.lang = new Uint16Array(size);
  cols.channel = new Int32Array(size);
  cols.author = new Int32Array(size);
  cols.copyGroup = new Int32Array(size);
  const stmt = db.prepare(
    'SELECT id, source_id, kind, lang, channel, author, published_at, copy_group, removed FROM items',
  );
  for (const r of stmt.iterate() as Iterable<ItemRow>) {
    if (r.removed) continue;
    const id = r.id;
    cols.present[id] = 1;
    cols.count++;
    if (r.published_at !== null) cols.publishedAt[id] = r.published_at;
    cols.sourceId[id] = r.source_id;
    cols.kind[id] = cols.kinds.code(r.kind);
    cols.lang[id] = cols.langs.code(r.lang);
    cols.channel[id] = cols.channels.code(r.channel);
    cols.author[id] = cols.authors.code(r.author);
    cols.copyGroup[id] = r.copy_group ?? 0;
  }
  for (const s of db
    .prepare('SELECT id, kind, name, username, key FROM sources')
    .all() as unknown as SourceInfo[]) {
    cols.sources.set(s.id, { id: s.id, kind: s.kind, name: s.name, username: s.username, key: s.key });
  }
  return cols;
}

export function loadTagColumns(db: DatabaseSync): TagColumns {
  const t = new TagColumns();
  const rows = db.prepare('SELECT id, name, parent_id AS parentId, color FROM tags').all() as unknown as Omit<
    TagInfo,
    'path'
  >[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pathOf = (id: number, seen = new Set<number>()): string => {
    const tag = byId.get(id);
    if (!tag) return '';
    if (tag.parentId === null || seen.has(id)) return tag.name;
    seen.add(id);
    return `${pathOf(tag.parentId, seen)}/${tag.name}`;
  };
  for (const r of rows) t.tags.set(r.id, { ...r, path: pathOf(r.id) });
  for (const r of db.prepare('SELECT item_id AS i, tag_id AS t FROM item_tags').iterate() as Iterable<{
    i: number;
    t: number;
  }>) {
    const list = t.itemTags.get(r.i);
    if (list) list.push(r.t);
    else t.itemTags.set(r.i, [r.t]);
  }
  for (const r of db.prepare('SELECT item_id AS i FROM notes').iterate() as Iterable<{ i: number }>)
    t.withNote.add(r.i);
  for (const r of db.prepare('SELECT DISTINCT item_id AS i FROM clips').iterate() as Iterable<{ i: number }>)
    t.withClip.add(r.i);
  return t;
}

/**
 * Keeps the columns in step with the store. A cheap probe (SQLite's data_version for other
 * connections, total_changes() for this one) tells whether anything was written since the last look;
 * only then are the item signature and the tag tables read again.
 */
export class ItemTable {
  private items: ItemColumns | null = null;
  private tagCols: TagColumns | null = null;
  private probe = '';
  private itemSignature = '';

  constructor(private readonly db: DatabaseSync) {}

  private refresh(): void {
    const dv = (this.db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
    const tc = (this.db.prepare('SELECT total_changes() AS c').get() as { c: number }).c;
    const probe = `${dv}:${tc}`;
    if (probe === this.probe && this.items && this.tagCols) return;
    this.probe = probe;
    const sig = this.db
      .prepare(
        'SELECT count(*) AS n, coalesce(max(id), 0) AS m, total(removed) AS r, (SELECT count(*) FROM sources) AS s FROM items',
      )
      .get() as Record<string, number>;
    const signature = `${sig.n}:${sig.m}:${sig.r}:${sig.s}`;
    if (signature !== this.itemSignature || !this.items) {
      this.items = loadItemColumns(this.db);
      this.itemSignature = signature;
    }
    this.tagCols = loadTagColumns(this.db);
  }

  /** Forces a reload on next use (after an import changed items in place). */
  invalidate(): void {
    this.probe = '';
    this.itemSignature = '';
  }

  get columns(): ItemColumns {
    this.refresh();
    return this.items!;
  }

  get tags(): TagColumns {
    this.refresh();
    return this.tagCols!;
  }
}
