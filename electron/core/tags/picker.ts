// The tag picker's type-ahead: ranks tag paths against what the analyst typed so far.
import { PATH_SEPARATOR, nameKey } from './names';
import type { TagTree, TagRow } from './tree';

/** Lower is better; undefined means no match. */
function rank(query: string, path: string, name: string): number | undefined {
  const q = nameKey(query);
  const p = nameKey(path);
  const n = nameKey(name);
  if (p === q) return 0;
  if (n === q) return 1;
  // "act/wa" finds "Actors/Way Home": each typed level starts the matching level of the path.
  const typed = q.split(PATH_SEPARATOR).map((s) => s.trim());
  const levels = p.split(PATH_SEPARATOR);
  if (typed.length <= levels.length && typed.every((t, i) => levels[i]?.startsWith(t))) return 2;
  if (n.startsWith(q)) return 3;
  if (n.split(/\s+/).some((word) => word.startsWith(q))) return 4;
  if (p.includes(q)) return 5;
  return undefined;
}

/** Tags matching `query`, best first (then by path); an empty query lists pinned tags, then the tree. */
export function pickTags(
  tree: TagTree,
  query: string,
  limit: number,
  pinned: readonly number[] = [],
): TagRow[] {
  const q = query.trim();
  if (q === '') {
    const pinnedRows = pinned.map((id) => tree.get(id)).filter((r): r is TagRow => r !== undefined);
    const rest = tree.ordered().filter((r) => !pinned.includes(r.id));
    return [...pinnedRows, ...rest].slice(0, limit);
  }
  const scored: { row: TagRow; score: number; path: string }[] = [];
  for (const row of tree.ordered()) {
    const path = tree.path(row.id);
    const score = rank(q, path, row.name);
    if (score !== undefined) scored.push({ row, score, path });
  }
  scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path));
  return scored.slice(0, limit).map((s) => s.row);
}
