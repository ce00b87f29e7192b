// The undo log of tagging actions, kept in SQLite (table tag_undo) so it survives a restart.
// Each action stores the inverse operations that put things back, written in the same
// transaction as the action itself; undo replays them in one transaction and drops the entry.
// Undo goes strictly newest-first, so every inverse runs against the state its action left.
import type { DatabaseSync } from 'node:sqlite';
import type { UndoEntry } from '../../../shared/domain';
import { SifterError } from '../errors';
import type { TagRow } from './tree';

/** How many actions can be undone; older entries are dropped. */
export const UNDO_LIMIT = 50;

export interface ClipRow {
  id: number;
  item_id: number;
  field: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  created_at: number;
}

/** One step of an undo. Item/clip ids that no longer exist (an import was removed) are skipped. */
export type UndoOp =
  | { op: 'unlinkItems'; tagId: number; itemIds: number[] }
  /** [itemId, createdAt] pairs, so a restored link keeps its original time. */
  | { op: 'linkItems'; tagId: number; links: [number, number][] }
  | { op: 'unlinkClips'; tagId: number; clipIds: number[] }
  | { op: 'linkClips'; tagId: number; clipIds: number[] }
  /** Parents before children. */
  | { op: 'insertTags'; rows: TagRow[] }
  /** Children before parents; their links go with them. */
  | { op: 'deleteTags'; ids: number[] }
  | { op: 'setTag'; id: number; name: string; color: string; parentId: number | null }
  | { op: 'insertClip'; clip: ClipRow; tagIds: number[] }
  | { op: 'deleteClip'; id: number }
  | { op: 'setClip'; id: number; note: string; tagIds: number[] }
  | { op: 'setNote'; itemId: number; body: string | null; updatedAt: number | null };

/**
 * Collects the inverse of an action while it runs. Each step of the action adds its inverse with
 * `undoWith` *in front* of those already there, so replaying the list reverses the steps in order.
 */
export class UndoRecorder {
  private readonly ops: UndoOp[] = [];

  undoWith(...ops: UndoOp[]): void {
    this.ops.unshift(...ops);
  }

  get empty(): boolean {
    return this.ops.length === 0;
  }

  /** Writes the entry (call inside the action's transaction); an action that changed nothing adds none. */
  commit(db: DatabaseSync, label: string, now = Date.now()): void {
    if (this.ops.length === 0) return;
    db.prepare('INSERT INTO tag_undo(label, ops, created_at) VALUES (?, ?, ?)').run(
      label,
      JSON.stringify(this.ops),
      now,
    );
    db.prepare('DELETE FROM tag_undo WHERE id <= (SELECT MAX(id) FROM tag_undo) - ?').run(UNDO_LIMIT);
  }
}

export function undoHistory(db: DatabaseSync): UndoEntry[] {
  return (
    db
      .prepare('SELECT id, label, created_at AS at FROM tag_undo ORDER BY id DESC')
      .all() as unknown as UndoEntry[]
  ).map((e) => ({ id: e.id, label: e.label, at: e.at }));
}

/** The newest entry with its ops, or undefined when the log is empty. */
export function latestUndo(db: DatabaseSync): (UndoEntry & { ops: UndoOp[] }) | undefined {
  const row = db.prepare('SELECT id, label, ops, created_at FROM tag_undo ORDER BY id DESC LIMIT 1').get() as
    { id: number; label: string; ops: string; created_at: number } | undefined;
  if (!row) return undefined;
  return { id: row.id, label: row.label, at: row.created_at, ops: JSON.parse(row.ops) as UndoOp[] };
}

export function dropUndo(db: DatabaseSync, id: number): void {
  db.prepare('DELETE FROM tag_undo WHERE id = ?').run(id);
}

/** Replays inverse operations (inside the caller's transaction). */
export function applyUndoOps(db: DatabaseSync, ops: UndoOp[]): void {
  for (const op of ops) applyOne(db, op);
}

function applyOne(db: DatabaseSync, op: UndoOp): void {
  switch (op.op) {
    case 'unlinkItems': {
      const del = db.prepare('DELETE FROM item_tags WHERE item_id = ? AND tag_id = ?');
      for (const itemId of op.itemIds) del.run(itemId, op.tagId);
      return;
    }
    case 'linkItems': {
      const ins = db.prepare(
        'INSERT OR IGNORE INTO item_tags(item_id, tag_id, created_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)',
      );
      for (const [itemId, createdAt] of op.links) ins.run(itemId, op.tagId, createdAt, itemId);
      return;
    }
    case 'unlinkClips': {
      const del = db.prepare('DELETE FROM clip_tags WHERE clip_id = ? AND tag_id = ?');
      for (const clipId of op.clipIds) del.run(clipId, op.tagId);
      return;
    }
    case 'linkClips': {
      const ins = db.prepare(
        'INSERT OR IGNORE INTO clip_tags(clip_id, tag_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM clips WHERE id = ?)',
      );
      for (const clipId of op.clipIds) ins.run(clipId, op.tagId, clipId);
      return;
    }
    case 'insertTags': {
      const ins = db.prepare(
        'INSERT INTO tags(id, name, color, parent_id, created_at) VALUES (?, ?, ?, ?, ?)',
      );
      for (const r of op.rows) ins.run(r.id, r.name, r.color, r.parent_id, r.created_at);
      return;
    }
    case 'deleteTags': {
      const unlinkItems = db.prepare('DELETE FROM item_tags WHERE tag_id = ?');
      const unlinkClips = db.prepare('DELETE FROM clip_tags WHERE tag_id = ?');
      const del = db.prepare('DELETE FROM tags WHERE id = ?');
      for (const id of op.ids) {
        unlinkItems.run(id);
        unlinkClips.run(id);
        del.run(id);
      }
      return;
    }
    case 'setTag':
      db.prepare('UPDATE tags SET name = ?, color = ?, parent_id = ? WHERE id = ?').run(
        op.name,
        op.color,
        op.parentId,
        op.id,
      );
      return;
    case 'insertClip': {
      const c = op.clip;
      const inserted = db
        .prepare(
          `INSERT INTO clips(id, item_id, field, start, end, quote, note, created_at)
           SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)`,
        )
        .run(c.id, c.item_id, c.field, c.start, c.end, c.quote, c.note, c.created_at, c.item_id);
      if (inserted.changes > 0) setClipTags(db, c.id, op.tagIds);
      return;
    }
    case 'deleteClip':
      db.prepare('DELETE FROM clips WHERE id = ?').run(op.id);
      return;
    case 'setClip':
      db.prepare('UPDATE clips SET note = ? WHERE id = ?').run(op.note, op.id);
      setClipTags(db, op.id, op.tagIds);
      return;
    case 'setNote':
      if (op.body === null) db.prepare('DELETE FROM notes WHERE item_id = ?').run(op.itemId);
      else
        db.prepare(
          `INSERT INTO notes(item_id, body, updated_at) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM items WHERE id = ?)
           ON CONFLICT(item_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        ).run(op.itemId, op.body, op.updatedAt ?? Date.now(), op.itemId);
      return;
    default: {
      const unknown: never = op;
      throw new SifterError('INTERNAL', `Unknown undo operation ${JSON.stringify(unknown)}`);
    }
  }
}

/** Replaces a clip's tags (tags deleted since are skipped). */
export function setClipTags(db: DatabaseSync, clipId: number, tagIds: readonly number[]): void {
  db.prepare('DELETE FROM clip_tags WHERE clip_id = ?').run(clipId);
  const ins = db.prepare(
    'INSERT OR IGNORE INTO clip_tags(clip_id, tag_id) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM tags WHERE id = ?)',
  );
  for (const tagId of tagIds) ins.run(clipId, tagId, tagId);
}
