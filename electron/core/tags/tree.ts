// The tag tree read whole from SQLite (a workspace has hundreds, maybe thousands of tags — never
// millions), with paths, lookups by path and subtree walks. Counts come from one grouped query each.
import type { DatabaseSync } from 'node:sqlite';
import type { TagNode, TagRef } from '../../../shared/domain';
import { SifterError } from '../errors';
import { PATH_SEPARATOR, nameKey, splitTagPath } from './names';

export interface TagRow {
  id: number;
  name: string;
  color: string;
  parent_id: number | null;
  created_at: number;
}

export class TagTree {
  private readonly byId = new Map<number, TagRow>();
  private readonly children = new Map<number | null, TagRow[]>();
  private readonly paths = new Map<number, string>();

  constructor(rows: TagRow[]) {
    for (const row of rows) this.byId.set(row.id, row);
    for (const row of rows) {
      const siblings = this.children.get(row.parent_id) ?? [];
      siblings.push(row);
      this.children.set(row.parent_id, siblings);
    }
    for (const siblings of this.children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name));
  }

  static load(db: DatabaseSync): TagTree {
    return new TagTree(
      db.prepare('SELECT id, name, color, parent_id, created_at FROM tags').all() as unknown as TagRow[],
    );
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): TagRow | undefined {
    return this.byId.get(id);
  }

  /** The tag, or NOT_FOUND naming the id. */
  require(id: number): TagRow {
    const row = this.byId.get(id);
    if (!row) throw new SifterError('NOT_FOUND', `There is no tag with id ${id}.`);
    return row;
  }

  childrenOf(id: number | null): TagRow[] {
    return this.children.get(id) ?? [];
  }

  /** The child of `parentId` called `name` in any case, if there is one. */
  child(parentId: number | null, name: string): TagRow | undefined {
    const key = nameKey(name);
    return this.childrenOf(parentId).find((t) => nameKey(t.name) === key);
  }

  path(id: number): string {
    const known = this.paths.get(id);
    if (known !== undefined) return known;
    const row = this.require(id);
    const path =
      row.parent_id === null ? row.name : `${this.path(row.parent_id)}${PATH_SEPARATOR}${row.name}`;
    this.paths.set(id, path);
    return path;
  }

  depth(id: number): number {
    let depth = 0;
    for (let row = this.get(id); row?.parent_id != null; row = this.get(row.parent_id)) depth++;
    return depth;
  }

  /** True when `candidate` is `id` itself or lies anywhere under it. */
  isInSubtree(candidate: number, id: number): boolean {
    for (let at: number | null | undefined = candidate; at != null; at = this.get(at)?.parent_id) {
      if (at === id) return true;
    }
    return false;
  }

  /** `id` and every tag under it, parents before children. */
  subtree(id: number): TagRow[] {
    const out: TagRow[] = [];
    const walk = (row: TagRow): void => {
      out.push(row);
      for (const child of this.childrenOf(row.id)) walk(child);
    };
    walk(this.require(id));
    return out;
  }

  /** Every tag in tree order: parents first, siblings by name. */
  ordered(): TagRow[] {
    const out: TagRow[] = [];
    const walk = (parent: number | null): void => {
      for (const row of this.childrenOf(parent)) {
        out.push(row);
        walk(row.id);
      }
    };
    walk(null);
    return out;
  }

  /** The tag at `path` (levels compared in any case), if it exists. */
  findPath(path: string): TagRow | undefined {
    let parent: number | null = null;
    let found: TagRow | undefined;
    for (const name of splitTagPath(path)) {
      found = this.child(parent, name);
      if (!found) return undefined;
      parent = found.id;
    }
    return found;
  }

  /**
   * A tag named by the user: its full path, or — when that finds nothing and the text has no "/" —
   * a name that exactly one tag has anywhere in the tree ("Way Home" for "Actors/Way Home").
   */
  resolve(ref: string): TagRow {
    const exact = this.findPath(ref);
    if (exact) return exact;
    if (!ref.includes(PATH_SEPARATOR)) {
      const key = nameKey(ref.trim());
      const named = [...this.byId.values()].filter((t) => nameKey(t.name) === key);
      if (named.length === 1 && named[0]) return named[0];
      if (named.length > 1) {
        const paths = named.map((t) => `"${this.path(t.id)}"`).sort();
        throw new SifterError(
          'INVALID',
          `"${ref}" names ${named.length} tags (${paths.join(', ')}): give the full path.`,
        );
      }
    }
    throw new SifterError('NOT_FOUND', `There is no tag "${ref}".`);
  }

  ref(id: number): TagRef {
    const row = this.require(id);
    return { id: row.id, name: row.name, path: this.path(id), color: row.color };
  }
}

/** Item and clip counts of every tag: own, and with descendants (each item once). */
export function tagCounts(db: DatabaseSync): {
  own: Map<number, number>;
  total: Map<number, number>;
  clips: Map<number, number>;
} {
  const toMap = (rows: unknown[]): Map<number, number> =>
    new Map((rows as { id: number; n: number }[]).map((r) => [r.id, r.n]));
  const own = toMap(
    db
      .prepare(
        `SELECT it.tag_id AS id, COUNT(*) AS n FROM item_tags it JOIN items i ON i.id = it.item_id AND i.removed = 0
         GROUP BY it.tag_id`,
      )
      .all(),
  );
  // "up" pairs every tag with itself and each of its ancestors, so one grouped DISTINCT count over
  // the links gives every tag's items including its descendants', with no item counted twice.
  const total = toMap(
    db
      .prepare(
        `WITH RECURSIVE up(tag_id, anc) AS (
           SELECT id, id FROM tags
           UNION ALL
           SELECT up.tag_id, t.parent_id FROM up JOIN tags t ON t.id = up.anc WHERE t.parent_id IS NOT NULL
         )
         SELECT up.anc AS id, COUNT(DISTINCT it.item_id) AS n
         FROM item_tags it JOIN up ON up.tag_id = it.tag_id JOIN items i ON i.id = it.item_id AND i.removed = 0
         GROUP BY up.anc`,
      )
      .all(),
  );
  const clips = toMap(db.prepare('SELECT tag_id AS id, COUNT(*) AS n FROM clip_tags GROUP BY tag_id').all());
  return { own, total, clips };
}

/** Tag nodes for `rows` with counts and pinned keys. */
export function tagNodes(
  db: DatabaseSync,
  tree: TagTree,
  rows: TagRow[],
  pinned: readonly number[],
): TagNode[] {
  const counts = tagCounts(db);
  return rows.map((row) => {
    const key = pinned.indexOf(row.id);
    return {
      ...tree.ref(row.id),
      parentId: row.parent_id,
      depth: tree.depth(row.id),
      count: counts.own.get(row.id) ?? 0,
      totalCount: counts.total.get(row.id) ?? 0,
      clipCount: counts.clips.get(row.id) ?? 0,
      childCount: tree.childrenOf(row.id).length,
      pinnedKey: key >= 0 ? key + 1 : null,
      createdAt: row.created_at,
    };
  });
}
