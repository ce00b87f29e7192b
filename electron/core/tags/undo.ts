// `tags.undo`: reverses the newest tagging action in the log, in one transaction.
import type { UndoEntry } from '../../../shared/domain';
import type { Workspace } from '../workspace/workspace';
import { SifterError } from '../errors';
import { applyUndoOps, dropUndo, latestUndo } from './undo-log';

/** Undoes the newest action and returns it; null when there is nothing left to undo. */
export function undoLast(ws: Workspace): UndoEntry | null {
  let failed: { id: number; label: string; error: unknown } | undefined;
  const undone = ws.transaction(() => {
    const entry = latestUndo(ws.db);
    if (!entry) return null;
    // A savepoint lets a failed replay roll back alone while the bad entry is still dropped below,
    // so one entry that cannot be undone does not block every older one.
    ws.db.exec('SAVEPOINT undo_entry');
    try {
      applyUndoOps(ws.db, entry.ops);
      ws.db.exec('RELEASE undo_entry');
    } catch (error) {
      ws.db.exec('ROLLBACK TO undo_entry');
      ws.db.exec('RELEASE undo_entry');
      failed = { id: entry.id, label: entry.label, error };
    }
    dropUndo(ws.db, entry.id);
    return { id: entry.id, label: entry.label, at: entry.at };
  });
  if (failed) {
    const reason = failed.error instanceof Error ? failed.error.message : String(failed.error);
    throw new SifterError(
      'CONFLICT',
      `Could not undo "${failed.label}" (${reason}); it was taken off the undo list and nothing was changed.`,
    );
  }
  return undone;
}
