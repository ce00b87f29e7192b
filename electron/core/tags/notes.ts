// A free-text note per item. Setting an empty (or blank) note deletes it.
import type { DatabaseSync } from 'node:sqlite';
import type { Workspace } from '../workspace/workspace';
import { requireItem } from './item-tags';
import { UndoRecorder } from './undo-log';

export interface NoteInfo {
  itemId: number;
  body: string | null;
  updatedAt: number | null;
}

export function noteOf(db: DatabaseSync, itemId: number): NoteInfo {
  const row = db.prepare('SELECT body, updated_at FROM notes WHERE item_id = ?').get(itemId) as
    { body: string; updated_at: number } | undefined;
  return { itemId, body: row?.body ?? null, updatedAt: row?.updated_at ?? null };
}

export function setNote(ws: Workspace, itemId: number, body: string): NoteInfo {
  return ws.transaction(() => {
    requireItem(ws.db, itemId);
    const before = noteOf(ws.db, itemId);
    const next = body.trim() === '' ? null : body;
    if (next === before.body) return before;
    const undo = new UndoRecorder();
    undo.undoWith({ op: 'setNote', itemId, body: before.body, updatedAt: before.updatedAt });
    if (next === null) {
      ws.db.prepare('DELETE FROM notes WHERE item_id = ?').run(itemId);
    } else {
      ws.db
        .prepare(
          `INSERT INTO notes(item_id, body, updated_at) VALUES (?, ?, ?)
           ON CONFLICT(item_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
        )
        .run(itemId, next, Date.now());
    }
    undo.commit(
      ws.db,
      next === null ? `Delete the note of item ${itemId}` : `Edit the note of item ${itemId}`,
    );
    return noteOf(ws.db, itemId);
  });
}
