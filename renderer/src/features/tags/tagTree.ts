// The tag tree as the Tags area shows it. tags.list returns the tags flat, parents before their
// children; these helpers turn that list into what the tree view needs (visible rows under
// collapsed parents, a tag's subtree, where a tag may move) without asking the back end again.
import type { TagNode } from '../../../../shared/domain';

export interface TagTreeNode {
  tag: TagNode;
  children: TagTreeNode[];
}

/** Nests the flat list. A tag whose parent is missing from the list is shown at the top level. */
export function buildTree(tags: readonly TagNode[]): TagTreeNode[] {
  const byId = new Map<number, TagTreeNode>();
  for (const tag of tags) byId.set(tag.id, { tag, children: [] });
  const roots: TagTreeNode[] = [];
  for (const tag of tags) {
    const node = byId.get(tag.id)!;
    const parent = tag.parentId === null ? undefined : byId.get(tag.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** The rows to draw, in tree order, skipping everything under a collapsed tag. */
export function visibleRows(tags: readonly TagNode[], collapsed: ReadonlySet<number>): TagNode[] {
  const out: TagNode[] = [];
  const walk = (nodes: TagTreeNode[]) => {
    for (const node of nodes) {
      out.push(node.tag);
      if (!collapsed.has(node.tag.id)) walk(node.children);
    }
  };
  walk(buildTree(tags));
  return out;
}

/** The tag and every tag under it. */
export function subtreeIds(tags: readonly TagNode[], id: number): Set<number> {
  const childrenOf = new Map<number, number[]>();
  for (const tag of tags) {
    if (tag.parentId === null) continue;
    const list = childrenOf.get(tag.parentId) ?? [];
    list.push(tag.id);
    childrenOf.set(tag.parentId, list);
  }
  const out = new Set<number>([id]);
  const stack = [id];
  while (stack.length > 0) {
    for (const child of childrenOf.get(stack.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
    }
  }
  return out;
}

/**
 * Where a tag may be moved: any tag outside its own subtree (a tag cannot go under itself or its
 * descendants) except its current parent, where it already is.
 */
export function moveTargets(tags: readonly TagNode[], id: number): TagNode[] {
  const self = tags.find((t) => t.id === id);
  if (!self) return [];
  const blocked = subtreeIds(tags, id);
  return tags.filter((t) => !blocked.has(t.id) && t.id !== self.parentId);
}

/** Whether dropping `dragged` onto `target` (null: the top level) is a real move. */
export function canDrop(tags: readonly TagNode[], dragged: number, target: number | null): boolean {
  const self = tags.find((t) => t.id === dragged);
  if (!self) return false;
  if (target === null) return self.parentId !== null;
  return moveTargets(tags, dragged).some((t) => t.id === target);
}

/** Tags that can absorb `id` in a merge: every other tag outside its subtree. */
export function mergeTargets(tags: readonly TagNode[], id: number): TagNode[] {
  const blocked = subtreeIds(tags, id);
  return tags.filter((t) => !blocked.has(t.id));
}

/** The ids of the ancestors of a tag, nearest first (for expanding the tree down to it). */
export function ancestorIds(tags: readonly TagNode[], id: number): number[] {
  const byId = new Map(tags.map((t) => [t.id, t]));
  const out: number[] = [];
  let parent = byId.get(id)?.parentId ?? null;
  while (parent !== null && !out.includes(parent)) {
    out.push(parent);
    parent = byId.get(parent)?.parentId ?? null;
  }
  return out;
}
