// Writes import records into the workspace on the import's own connection, inside the
// transaction the pipeline holds: sources, items (identity = source + external id), content
// hashes, languages, copy groups and near-copy sketches. Nothing here commits.
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SourceRecord } from './types';
import type { PreparedItem } from './prepare';
import {
  fingerprint,
  isNearCopy,
  normalisedWords,
  shingles,
  SKETCH_SIZE,
  type TextFingerprint,
} from './copies';

export type StoreOutcome = { stored: true; id: number } | { stored: false };

/** At most this many candidates are verified per item: enough for real copies, bounded work. */
const MAX_CANDIDATES = 24;
/** How many of the latest items holding one sketch hash are looked at. */
const POSTINGS_PER_HASH = 64;

export class ImportStore {
  private readonly sourceIds = new Map<string, number>();
  private readonly s: Record<
    'upsertSource' | 'insertItem' | 'byHash' | 'byUrl' | 'bySketch' | 'candidate' | 'setGroup' | 'mergeGroup',
    StatementSync
  >;

  constructor(private readonly db: DatabaseSync) {
    this.s = {
      upsertSource: db.prepare(
        `INSERT INTO sources (key, kind, name, username, url, meta, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET username = COALESCE(excluded.username, sources.username), url = COALESCE(sources.url, excluded.url)
         RETURNING id`,
      ),
      insertItem: db.prepare(
        `INSERT INTO items (source_id, import_id, kind, external_id, url, title, author, channel, published_at, time_zone_unknown,
           lang, text, html, entities, media, reply_to_external, forwarded_from, edited_at, reactions, extra, content_hash, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(source_id, external_id) DO NOTHING RETURNING id`,
      ),
      byHash: db.prepare(
        `SELECT id, copy_group AS g FROM items WHERE content_hash = ? AND id <> ? LIMIT ${MAX_CANDIDATES}`,
      ),
      byUrl: db.prepare(
        `SELECT id, copy_group AS g FROM items WHERE url = ? AND id <> ? LIMIT ${MAX_CANDIDATES}`,
      ),
      // Each sketch hash looks at its most recent holders only (a shingle common to thousands of
      // items must not make every insert scan them all); candidates share at least two hashes.
      bySketch: db.prepare(
        `SELECT item_id AS id, COUNT(*) AS shared FROM (${Array.from(
          { length: SKETCH_SIZE },
          () =>
            `SELECT item_id FROM (SELECT item_id FROM item_sketches WHERE hash = ? ORDER BY item_id DESC LIMIT ${POSTINGS_PER_HASH})`,
        ).join(' UNION ALL ')})
         GROUP BY item_id HAVING shared >= 2 ORDER BY shared DESC, item_id DESC LIMIT ${MAX_CANDIDATES}`,
      ),
      candidate: db.prepare('SELECT text, copy_group AS g FROM items WHERE id = ?'),
      setGroup: db.prepare('UPDATE items SET copy_group = ? WHERE id = ?'),
      mergeGroup: db.prepare('UPDATE items SET copy_group = ? WHERE copy_group = ?'),
    };
  }

  source(record: SourceRecord): number {
    const row = this.s.upsertSource.get(
      record.key,
      record.kind,
      record.name,
      record.username ?? null,
      record.url ?? null,
      JSON.stringify(record.meta ?? {}),
      Date.now(),
    ) as { id: number };
    this.sourceIds.set(record.key, row.id);
    return row.id;
  }

  sourceId(key: string): number | undefined {
    return this.sourceIds.get(key);
  }

  /** Stores one item unless (source, external id) is already there. */
  item(sourceId: number, importId: number, p: PreparedItem): StoreOutcome {
    const item = p.item;
    const print = fingerprint(item.text, item.title);
    const row = this.s.insertItem.get(
      sourceId,
      importId,
      item.kind,
      item.externalId,
      item.url,
      item.title ?? null,
      item.author ?? null,
      item.channel ?? null,
      item.publishedAt,
      item.timeZoneUnknown ? 1 : 0,
      p.lang,
      item.text,
      item.html ?? null,
      p.entitiesJson,
      p.mediaJson,
      item.replyToExternalId ?? null,
      item.forwardedFrom ?? null,
      item.editedAt ?? null,
      p.reactionsJson,
      p.extraJson,
      print.hash,
      Date.now(),
    ) as { id: number } | undefined;
    if (!row) return { stored: false };
    this.groupCopies(row.id, p, print);
    return { stored: true, id: row.id };
  }

  /** Joins the new item to the copy group of every exact or near copy (merging groups it bridges). */
  private groupCopies(id: number, p: PreparedItem, print: TextFingerprint): void {
    const item = p.item;
    const matches = new Map<number, number | null>(); // item id → its copy group
    if (print.exactEligible) {
      for (const r of this.s.byHash.all(print.hash, id) as { id: number; g: number | null }[])
        matches.set(r.id, r.g);
    }
    if (item.url && item.kind !== 'post') {
      for (const r of this.s.byUrl.all(item.url, id) as { id: number; g: number | null }[])
        matches.set(r.id, r.g);
    }
    if (print.sketch.length > 0) {
      // One lookup for the whole sketch (padded with its last hash when the text is short).
      const keys = Array.from(
        { length: SKETCH_SIZE },
        (_, i) => print.sketch[Math.min(i, print.sketch.length - 1)]!,
      );
      for (const r of this.s.bySketch.all(...keys) as { id: number }[]) {
        if (r.id === id || matches.has(r.id)) continue;
        const cand = this.s.candidate.get(r.id) as { text: string; g: number | null } | undefined;
        if (cand && isNearCopy(print.shingles, shingles(normalisedWords(cand.text))))
          matches.set(r.id, cand.g);
      }
      this.sketchInsert(print.sketch.length).run(...print.sketch.flatMap((hash) => [hash, id]));
    }
    if (matches.size === 0) return;
    // The group id is the smallest item id involved; other groups the item bridges are merged in.
    let group = id;
    for (const [other, g] of matches) group = Math.min(group, g ?? other);
    const merged = new Set<number>();
    for (const [other, g] of matches) {
      if (g === null) this.s.setGroup.run(group, other);
      else if (g !== group && !merged.has(g)) {
        this.s.mergeGroup.run(group, g);
        merged.add(g);
      }
    }
    this.s.setGroup.run(group, id);
  }

  private readonly sketchInserts = new Map<number, StatementSync>();

  /** One statement inserting a whole sketch (fewer round trips than a row at a time). */
  private sketchInsert(rows: number): StatementSync {
    let statement = this.sketchInserts.get(rows);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT OR IGNORE INTO item_sketches (hash, item_id) VALUES ${Array(rows).fill('(?, ?)').join(', ')}`,
      );
      this.sketchInserts.set(rows, statement);
    }
    return statement;
  }

  /** Links replies to the items they answer, within each source, once an import's items are in. */
  resolveReplies(importId: number): void {
    this.db
      .prepare(
        `UPDATE items SET reply_to_item_id = (SELECT r.id FROM items r WHERE r.source_id = items.source_id AND r.external_id = items.reply_to_external)
         WHERE import_id = ? AND reply_to_external IS NOT NULL`,
      )
      .run(importId);
    // Replies stored earlier whose target arrived only now.
    this.db
      .prepare(
        `UPDATE items SET reply_to_item_id = (SELECT r.id FROM items r WHERE r.source_id = items.source_id AND r.external_id = items.reply_to_external)
         WHERE reply_to_item_id IS NULL AND reply_to_external IS NOT NULL AND import_id IS NOT ?
           AND source_id IN (SELECT DISTINCT source_id FROM items WHERE import_id = ?)`,
      )
      .run(importId, importId);
  }
}
