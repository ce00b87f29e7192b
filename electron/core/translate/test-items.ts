// Test helper: puts items straight into a workspace's store (for tests that need items before the
// import pipeline is involved).
import { createHash } from 'node:crypto';
import type { Core } from '../core';

export interface TestItem {
  text: string;
  title?: string | null;
  lang?: string | null;
  externalId?: string;
  url?: string | null;
}

export function insertItems(core: Core, items: readonly TestItem[], source = 'test:channel'): number[] {
  const ws = core.workspace;
  return ws.transaction(() => {
    const now = Date.now();
    ws.db
      .prepare("INSERT OR IGNORE INTO sources(key, kind, name, created_at) VALUES (?, 'channel', ?, ?)")
      .run(source, source, now);
    const { id: sourceId } = ws.db.prepare('SELECT id FROM sources WHERE key = ?').get(source) as {
      id: number;
    };
    const insert = ws.db.prepare(
      `INSERT INTO items(source_id, kind, external_id, url, title, lang, text, content_hash, created_at)
       VALUES (?, 'post', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const count = (ws.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
    return items.map((item, i) => {
      const hash = createHash('sha256').update(item.text).digest('hex');
      const result = insert.run(
        sourceId,
        item.externalId ?? `x${count + i + 1}`,
        item.url ?? null,
        item.title ?? null,
        item.lang ?? null,
        item.text,
        hash,
        now,
      );
      return Number(result.lastInsertRowid);
    });
  });
}
