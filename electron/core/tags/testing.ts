// Test support for the tagging tests: a fresh workspace in a temp folder with items stored directly.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkspace, type Workspace } from '../workspace/workspace';

export function tempWorkspaceDir(prefix = 'sifter-tags-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Stores one item per text (in one transaction) and returns their ids in order. */
export function seedItems(ws: Workspace, texts: readonly string[]): number[] {
  return ws.transaction(() => {
    const now = Date.now();
    ws.db
      .prepare(
        "INSERT OR IGNORE INTO sources(key, kind, name, created_at) VALUES ('test:channel', 'telegram', 'Test channel', ?)",
      )
      .run(now);
    const source = ws.db.prepare("SELECT id FROM sources WHERE key = 'test:channel'").get() as { id: number };
    const next = (ws.db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM items').get() as { n: number }).n;
    const insert = ws.db.prepare(
      `INSERT INTO items(source_id, kind, external_id, text, content_hash, published_at, created_at)
       VALUES (?, 'post', ?, ?, ?, ?, ?)`,
    );
    return texts.map((text, i) => {
      const n = next + i + 1;
      return Number(insert.run(source.id, `m${n}`, text, `hash-${n}`, now - n * 60_000, now).lastInsertRowid);
    });
  });
}

export function seedCount(ws: Workspace, count: number): number[] {
  return seedItems(
    ws,
    Array.from({ length: count }, (_, i) => `Post number ${i + 1}`),
  );
}

export function openTemp(): Workspace {
  return openWorkspace(tempWorkspaceDir());
}
