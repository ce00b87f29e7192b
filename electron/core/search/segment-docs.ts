// Reads what a segment indexes from the store: an item's title and text, in its language.
import type { DatabaseSync } from 'node:sqlite';
import type { SegmentDoc } from './segment-builder';

export function readSegmentDocs(db: DatabaseSync, ids: ArrayLike<number>): SegmentDoc[] {
  const stmt = db.prepare('SELECT id, title, text, lang FROM items WHERE id = ? AND removed = 0');
  const docs: SegmentDoc[] = [];
  for (let i = 0; i < ids.length; i++) {
    const row = stmt.get(ids[i]!) as
      { id: number; title: string | null; text: string; lang: string | null } | undefined;
    if (row)
      docs.push({ id: row.id, text: row.title ? `${row.title}\n${row.text}` : row.text, lang: row.lang });
  }
  return docs;
}
