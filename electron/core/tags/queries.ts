// Read helpers for other domains (search filters and facets, the Reader's item detail, reports),
// so they need not know how tags, clips and notes are stored.
import type { DatabaseSync } from 'node:sqlite';
import type { ClipInfo, TagRef } from '../../../shared/domain';
import { clipsOfItem } from './clips';
import { tagsOfItems } from './item-tags';
import { noteOf } from './notes';
import { TagTree } from './tree';
import type { Workspace } from '../workspace/workspace';

export { TagTree } from './tree';
export { tagsOfItems } from './item-tags';
export { clipsOfItem, clipsOfTag } from './clips';

/**
 * The ids of the tag named by `ref` and of every tag under it — what `tag:Actors` filters on
 * (a parent tag means its children too). `ref` is a path in any case ("actors/way home") or a name
 * only one tag has; null when no tag matches, so a query can report "no such tag".
 */
export function tagSubtreeIds(db: DatabaseSync, ref: string, tree = TagTree.load(db)): number[] | null {
  try {
    return tree.subtree(tree.resolve(ref).id).map((t) => t.id);
  } catch {
    return null;
  }
}

/** The tag, note and clips of one item, for `items.get`. */
export function itemAnnotations(
  ws: Workspace,
  itemId: number,
): { tags: TagRef[]; note: string | null; clips: ClipInfo[] } {
  const tree = TagTree.load(ws.db);
  return {
    tags: tagsOfItems(ws.db, [itemId], tree).get(itemId) ?? [],
    note: noteOf(ws.db, itemId).body,
    clips: clipsOfItem(ws, itemId, tree),
  };
}

/** Items whose note contains `text` (any case for ASCII; SQLite LIKE), for a note search. */
export function itemIdsWithNoteLike(db: DatabaseSync, text: string): number[] {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return (
    db.prepare("SELECT item_id FROM notes WHERE body LIKE ? ESCAPE '\\'").all(pattern) as {
      item_id: number;
    }[]
  ).map((r) => r.item_id);
}
