// Edits of the tag tree: create (with missing parents), rename, recolour, move, merge, delete.
// Each runs in one transaction together with its undo entry: it happens whole, or not at all.
import type { DatabaseSync } from 'node:sqlite';
import type { TagRef } from '../../../shared/domain';
import type { Workspace } from '../workspace/workspace';
import { SifterError } from '../errors';
import { checkTagName, defaultTagColor, nameKey, splitTagPath } from './names';
import { TagTree, type TagRow } from './tree';
import { UndoRecorder } from './undo-log';

export type ChildrenChoice = 'delete' | 'lift';

function insertTag(
  db: DatabaseSync,
  name: string,
  color: string,
  parentId: number | null,
  now: number,
): TagRow {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO tags(name, color, parent_id, created_at) VALUES (?, ?, ?, ?)')
    .run(name, color, parentId, now);
  return { id: Number(lastInsertRowid), name, color, parent_id: parentId, created_at: now };
}

/**
 * Ensures every level of `path` exists inside the caller's transaction; returns the last level and
 * the tags it had to create. Records their removal in `undo`.
 */
export function ensurePath(
  db: DatabaseSync,
  tree: TagTree,
  path: string,
  color: string | undefined,
  undo: UndoRecorder,
  now = Date.now(),
): { tag: TagRow; created: TagRow[] } {
  const names = splitTagPath(path);
  let parent: number | null = null;
  let tag: TagRow | undefined;
  const created: TagRow[] = [];
  names.forEach((name, level) => {
    tag = tree.child(parent, name);
    if (!tag) {
      // The colour asked for belongs to the tag named by the path; parents made on the way get their own.
      const isLeaf = level === names.length - 1;
      tag = insertTag(db, name, (isLeaf ? color : undefined) ?? defaultTagColor(name), parent, now);
      created.push(tag);
    }
    parent = tag.id;
  });
  if (!tag) throw new SifterError('INVALID', 'A tag path cannot be empty.');
  if (created.length > 0) undo.undoWith({ op: 'deleteTags', ids: created.map((t) => t.id).reverse() });
  return { tag, created };
}

export function createTag(
  ws: Workspace,
  req: { path: string; color?: string; ifMissing: boolean },
): { tag: TagRow; created: TagRow[]; tree: TagTree } {
  return ws.transaction(() => {
    const before = TagTree.load(ws.db);
    const existing = before.findPath(req.path);
    if (existing && !req.ifMissing) {
      throw new SifterError('CONFLICT', `The tag "${before.path(existing.id)}" already exists.`);
    }
    const undo = new UndoRecorder();
    const result = ensurePath(ws.db, before, req.path, req.color, undo);
    const tree = TagTree.load(ws.db);
    undo.commit(ws.db, `Create tag ${tree.path(result.tag.id)}`);
    return { ...result, tree };
  });
}

/** A sibling of the same name (in any case) under `parentId`, other than the tag itself. */
function assertFreeName(tree: TagTree, parentId: number | null, name: string, self: number | null): void {
  const clash = tree.childrenOf(parentId).find((t) => t.id !== self && nameKey(t.name) === nameKey(name));
  if (clash) {
    const where = parentId === null ? 'at the top level' : `under "${tree.path(parentId)}"`;
    throw new SifterError('CONFLICT', `There is already a tag "${clash.name}" ${where}.`);
  }
}

function recordSet(undo: UndoRecorder, row: TagRow): void {
  undo.undoWith({ op: 'setTag', id: row.id, name: row.name, color: row.color, parentId: row.parent_id });
}

export function renameTag(ws: Workspace, id: number, rawName: string): TagTree {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const row = tree.require(id);
    const name = checkTagName(rawName);
    if (name === row.name) return tree;
    assertFreeName(tree, row.parent_id, name, row.id);
    const undo = new UndoRecorder();
    recordSet(undo, row);
    ws.db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(name, id);
    undo.commit(ws.db, `Rename tag ${tree.path(id)} to ${name}`);
    return TagTree.load(ws.db);
  });
}

export function recolorTag(ws: Workspace, id: number, color: string): TagTree {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const row = tree.require(id);
    if (row.color === color) return tree;
    const undo = new UndoRecorder();
    recordSet(undo, row);
    ws.db.prepare('UPDATE tags SET color = ? WHERE id = ?').run(color, id);
    undo.commit(ws.db, `Recolour tag ${tree.path(id)}`);
    return TagTree.load(ws.db);
  });
}

export function moveTag(ws: Workspace, id: number, parentId: number | null): TagTree {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const row = tree.require(id);
    if (parentId !== null) {
      tree.require(parentId);
      if (tree.isInSubtree(parentId, id)) {
        throw new SifterError(
          'CONFLICT',
          `Cannot move "${tree.path(id)}" into "${tree.path(parentId)}": that is inside the tag itself.`,
        );
      }
    }
    if (row.parent_id === parentId) return tree;
    assertFreeName(tree, parentId, row.name, row.id);
    const undo = new UndoRecorder();
    recordSet(undo, row);
    ws.db.prepare('UPDATE tags SET parent_id = ? WHERE id = ?').run(parentId, id);
    undo.commit(
      ws.db,
      `Move tag ${tree.path(id)} to ${parentId === null ? 'the top level' : tree.path(parentId)}`,
    );
    return TagTree.load(ws.db);
  });
}

/** Every item link and clip link of `id`, for restoring them. */
function linksOf(db: DatabaseSync, id: number): { items: [number, number][]; clips: number[] } {
  const items = (
    db.prepare('SELECT item_id, created_at FROM item_tags WHERE tag_id = ?').all(id) as {
      item_id: number;
      created_at: number;
    }[]
  ).map((r): [number, number] => [r.item_id, r.created_at]);
  const clips = (
    db.prepare('SELECT clip_id FROM clip_tags WHERE tag_id = ?').all(id) as { clip_id: number }[]
  ).map((r) => r.clip_id);
  return { items, clips };
}

/** Deletes one childless tag with its links, recording how to bring all of it back. */
function deleteLeaf(db: DatabaseSync, row: TagRow, undo: UndoRecorder): void {
  const links = linksOf(db, row.id);
  const restore = [
    { op: 'insertTags' as const, rows: [row] },
    ...(links.items.length > 0 ? [{ op: 'linkItems' as const, tagId: row.id, links: links.items }] : []),
    ...(links.clips.length > 0 ? [{ op: 'linkClips' as const, tagId: row.id, clipIds: links.clips }] : []),
  ];
  undo.undoWith(...restore);
  db.prepare('DELETE FROM item_tags WHERE tag_id = ?').run(row.id);
  db.prepare('DELETE FROM clip_tags WHERE tag_id = ?').run(row.id);
  db.prepare('DELETE FROM tags WHERE id = ?').run(row.id);
}

/**
 * Moves every link of `source` onto `target` (a link target already has stays, once), moves
 * source's children under target (merging a child into target's child of the same name), then
 * deletes source. All recorded in `undo`.
 */
function mergeInto(
  db: DatabaseSync,
  tree: TagTree,
  source: TagRow,
  target: TagRow,
  undo: UndoRecorder,
  now: number,
): void {
  const links = linksOf(db, source.id);
  const addItem = db.prepare('INSERT OR IGNORE INTO item_tags(item_id, tag_id, created_at) VALUES (?, ?, ?)');
  const added: number[] = [];
  for (const [itemId, createdAt] of links.items) {
    if (addItem.run(itemId, target.id, createdAt).changes > 0) added.push(itemId);
  }
  if (added.length > 0) undo.undoWith({ op: 'unlinkItems', tagId: target.id, itemIds: added });
  const addClip = db.prepare('INSERT OR IGNORE INTO clip_tags(clip_id, tag_id) VALUES (?, ?)');
  const addedClips = links.clips.filter((clipId) => addClip.run(clipId, target.id).changes > 0);
  if (addedClips.length > 0) undo.undoWith({ op: 'unlinkClips', tagId: target.id, clipIds: addedClips });

  for (const child of tree.childrenOf(source.id)) {
    const twin = tree.child(target.id, child.name);
    if (twin) {
      mergeInto(db, tree, child, twin, undo, now);
    } else {
      recordSet(undo, child);
      db.prepare('UPDATE tags SET parent_id = ? WHERE id = ?').run(target.id, child.id);
    }
  }
  deleteLeaf(db, source, undo);
}

export function mergeTags(ws: Workspace, sourceId: number, targetId: number): TagTree {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const source = tree.require(sourceId);
    const target = tree.require(targetId);
    if (sourceId === targetId)
      throw new SifterError('INVALID', `Cannot merge "${tree.path(sourceId)}" into itself.`);
    if (tree.isInSubtree(targetId, sourceId)) {
      throw new SifterError(
        'CONFLICT',
        `Cannot merge "${tree.path(sourceId)}" into "${tree.path(targetId)}": the target is inside the tag being merged.`,
      );
    }
    const undo = new UndoRecorder();
    mergeInto(ws.db, tree, source, target, undo, Date.now());
    undo.commit(ws.db, `Merge tag ${tree.path(sourceId)} into ${tree.path(targetId)}`);
    return TagTree.load(ws.db);
  });
}

export function deleteTag(ws: Workspace, id: number, children: ChildrenChoice | undefined): TagRef[] {
  return ws.transaction(() => {
    const tree = TagTree.load(ws.db);
    const row = tree.require(id);
    const kids = tree.childrenOf(id);
    const path = tree.path(id);
    if (kids.length > 0 && !children) {
      const names = kids
        .slice(0, 5)
        .map((k) => `"${k.name}"`)
        .join(', ');
      throw new SifterError(
        'CONFLICT',
        `"${path}" has ${kids.length} child tag${kids.length === 1 ? '' : 's'} (${names}${kids.length > 5 ? ', …' : ''}): say whether to delete them too or lift them up to ${row.parent_id === null ? 'the top level' : `"${tree.path(row.parent_id)}"`}.`,
      );
    }
    const undo = new UndoRecorder();
    const deleted: TagRef[] = [];
    if (children === 'lift') {
      // The tag being deleted leaves its place free, so "A/A" lifts fine…
      for (const kid of kids) assertFreeName(tree, row.parent_id, kid.name, row.id);
      // …but only once it is gone, and it can only go after its children have left (ON DELETE
      // RESTRICT). So it first steps aside under a name no tag can have; undo replays the steps
      // backwards: the tag comes back under that name, takes its children back, then its name.
      const aside: TagRow = { ...row, name: `${row.name}\u0000${row.id}` };
      recordSet(undo, row);
      ws.db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(aside.name, row.id);
      for (const kid of kids) {
        recordSet(undo, kid);
        ws.db.prepare('UPDATE tags SET parent_id = ? WHERE id = ?').run(row.parent_id, kid.id);
      }
      deleted.push(tree.ref(id));
      deleteLeaf(ws.db, aside, undo);
    } else {
      // Children before parents: the parent link is ON DELETE RESTRICT.
      for (const victim of tree.subtree(id).reverse()) {
        deleted.unshift(tree.ref(victim.id));
        deleteLeaf(ws.db, victim, undo);
      }
    }
    const extra =
      deleted.length > 1 ? ` and ${deleted.length - 1} tag${deleted.length > 2 ? 's' : ''} under it` : '';
    undo.commit(ws.db, `Delete tag ${path}${extra}`);
    return deleted;
  });
}
