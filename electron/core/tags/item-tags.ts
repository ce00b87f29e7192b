// Tags on items: read, toggle one, and add/remove one tag over many items in ONE transaction.
import type { DatabaseSync } from 'node:sqlite';
import type { BulkTagResult, TagRef } from '../../../shared/domain';
import type { Workspace } from '../workspace/workspace';
import { SifterError } from '../errors';
import { TagTree } from './tree';
import { UndoRecorder } from './undo-log';

/** How often (in items) a bulk action reports progress. */
const PROGRESS_EVERY = 500;

export function requireItem(db: DatabaseSync, itemId: number): void {
  const row = db.prepare('SELECT 1 AS ok FROM items WHERE id = ? AND removed = 0').get(itemId);
  if (!row) throw new SifterError('NOT_FOUND', `There is no item with id ${itemId}.`);
}

/** The tags of each item, sorted by path (items without tags are absent from the map). */
export function tagsOfItems(
  db: DatabaseSync,
  itemIds: readonly number[],
  tree = TagTree.load(db),
): Map<number, TagRef[]> {
  const out = new Map<number, TagRef[]>();
  if (itemIds.length === 0) return out;
  const rows = db
    .prepare('SELECT item_id, tag_id FROM item_tags WHERE item_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(itemIds)) as { item_id: number; tag_id: number }[];
  for (const { item_id, tag_id } of rows) {
    const list = out.get(item_id) ?? [];
    list.push(tree.ref(tag_id));
    out.set(item_id, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.path.localeCompare(b.path));
  return out;
}

export function tagsOfItem(db: DatabaseSync, itemId: number, tree?: TagTree): TagRef[] {
  requireItem(db, itemId);
  return tagsOfItems(db, [itemId], tree).get(itemId) ?? [];
}

/** Adds the tag when the item lacks it, removes it otherwise (keys 1–9 on pinned tags). */
export function toggleTag(
  ws: Workspace,
  itemId: number,
  tagId: number,
): { tag: TagRef; tagged: boolean; tags: TagRef[] } {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const tag = tree.ref(tagId);
    requireItem(ws.db, itemId);
    const undo = new UndoRecorder();
    const existing = ws.db
      .prepare('SELECT created_at FROM item_tags WHERE item_id = ? AND tag_id = ?')
      .get(itemId, tagId) as { created_at: number } | undefined;
    if (existing) {
      ws.db.prepare('DELETE FROM item_tags WHERE item_id = ? AND tag_id = ?').run(itemId, tagId);
      undo.undoWith({ op: 'linkItems', tagId, links: [[itemId, existing.created_at]] });
      undo.commit(ws.db, `Remove ${tag.path} from item ${itemId}`);
    } else {
      ws.db
        .prepare('INSERT INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?)')
        .run(itemId, tagId, Date.now());
      undo.undoWith({ op: 'unlinkItems', tagId, itemIds: [itemId] });
      undo.commit(ws.db, `Tag item ${itemId} with ${tag.path}`);
    }
    return { tag, tagged: !existing, tags: tagsOfItem(ws.db, itemId, tree) };
  });
}

export interface BulkOptions {
  /** Called inside the transaction every few hundred items (and at the end). */
  onProgress?: (done: number, total: number) => void;
}

const plural = (n: number, word: string): string =>
  `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/**
 * Adds or removes one tag over many items in one transaction, with one undo entry for the whole.
 * Ids that are not items of the workspace are counted as missing and otherwise ignored.
 */
export function bulkTag(
  ws: Workspace,
  mode: 'add' | 'remove',
  tagId: number,
  itemIds: readonly number[],
  options: BulkOptions = {},
): BulkTagResult {
  const ids = [...new Set(itemIds)];
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const tag = tree.ref(tagId);
    const exists = ws.db.prepare('SELECT 1 AS ok FROM items WHERE id = ? AND removed = 0');
    const insert = ws.db.prepare(
      'INSERT OR IGNORE INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?)',
    );
    const remove = ws.db.prepare(
      'DELETE FROM item_tags WHERE item_id = ? AND tag_id = ? RETURNING created_at',
    );
    const now = Date.now();
    const added: number[] = [];
    const removed: [number, number][] = [];
    let missing = 0;
    let unchanged = 0;
    ids.forEach((itemId, i) => {
      if (!exists.get(itemId)) missing++;
      else if (mode === 'add') {
        if (insert.run(itemId, tagId, now).changes > 0) added.push(itemId);
        else unchanged++;
      } else {
        const gone = remove.get(itemId, tagId) as { created_at: number } | undefined;
        if (gone) removed.push([itemId, gone.created_at]);
        else unchanged++;
      }
      if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, ids.length);
    });
    options.onProgress?.(ids.length, ids.length);
    const undo = new UndoRecorder();
    if (added.length > 0) undo.undoWith({ op: 'unlinkItems', tagId, itemIds: added });
    if (removed.length > 0) undo.undoWith({ op: 'linkItems', tagId, links: removed });
    const changed = added.length + removed.length;
    undo.commit(
      ws.db,
      mode === 'add'
        ? `Tag ${plural(changed, 'item')} with ${tag.path}`
        : `Remove ${tag.path} from ${plural(changed, 'item')}`,
    );
    return { tag, changed, unchanged, missing };
  });
}
