import { describe, expect, it } from 'vitest';
import type { TagNode } from '../../../../shared/domain';
import {
  ancestorIds,
  buildTree,
  canDrop,
  mergeTargets,
  moveTargets,
  subtreeIds,
  visibleRows,
} from './tagTree';

function tag(id: number, path: string, parentId: number | null): TagNode {
  const name = path.split('/').pop()!;
  return {
    id,
    name,
    path,
    color: '#888888',
    parentId,
    depth: path.split('/').length - 1,
    count: 0,
    totalCount: 0,
    clipCount: 0,
    childCount: 0,
    pinnedKey: null,
    createdAt: 0,
  };
}

// Actors (1) ─ Way Home (2) ─ Leaders (3); Actors ─ Ministry (4); Places (5)
const TAGS = [
  tag(1, 'Actors', null),
  tag(4, 'Actors/Ministry', 1),
  tag(2, 'Actors/Way Home', 1),
  tag(3, 'Actors/Way Home/Leaders', 2),
  tag(5, 'Places', null),
];

describe('tag tree', () => {
  it('nests the flat list under parents, in the order given', () => {
    const roots = buildTree(TAGS);
    expect(roots.map((n) => n.tag.id)).toEqual([1, 5]);
    expect(roots[0]!.children.map((n) => n.tag.id)).toEqual([4, 2]);
    expect(roots[0]!.children[1]!.children.map((n) => n.tag.id)).toEqual([3]);
  });

  it('shows a tag whose parent is missing at the top level rather than losing it', () => {
    const roots = buildTree([tag(7, 'Orphan', 99)]);
    expect(roots.map((n) => n.tag.id)).toEqual([7]);
  });

  it('hides everything under a collapsed tag', () => {
    expect(visibleRows(TAGS, new Set()).map((t) => t.id)).toEqual([1, 4, 2, 3, 5]);
    expect(visibleRows(TAGS, new Set([2])).map((t) => t.id)).toEqual([1, 4, 2, 5]);
    expect(visibleRows(TAGS, new Set([1])).map((t) => t.id)).toEqual([1, 5]);
  });

  it('finds a subtree and the ancestors of a tag', () => {
    expect([...subtreeIds(TAGS, 1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...subtreeIds(TAGS, 3)]).toEqual([3]);
    expect(ancestorIds(TAGS, 3)).toEqual([2, 1]);
    expect(ancestorIds(TAGS, 5)).toEqual([]);
  });

  it('never offers to move a tag under itself, its descendants or where it already is', () => {
    expect(moveTargets(TAGS, 2).map((t) => t.id)).toEqual([4, 5]);
    expect(canDrop(TAGS, 2, 3)).toBe(false);
    expect(canDrop(TAGS, 2, 1)).toBe(false);
    expect(canDrop(TAGS, 2, 5)).toBe(true);
    expect(canDrop(TAGS, 2, null)).toBe(true);
    expect(canDrop(TAGS, 5, null)).toBe(false);
  });

  it('merges only into a tag outside the subtree', () => {
    expect(mergeTargets(TAGS, 2).map((t) => t.id)).toEqual([1, 4, 5]);
  });
});
