// Test helpers: a temp workspace with items inserted straight into the store (the import pipeline
// is not needed to test search), and a Core around it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../core';

export interface TestItem {
  text: string;
  lang?: string | null;
  title?: string | null;
  channel?: string | null;
  author?: string | null;
  kind?: string;
  publishedAt?: string | number | null;
  source?: string;
  sourceKind?: string;
  username?: string | null;
  copyGroup?: number | null;
  importId?: number | null;
  externalId?: string;
  replyTo?: number | null;
}

export interface TestWorkspace {
  dir: string;
  core: Core;
  /** Inserts items (each with a source named by `source`, default "Test channel"); returns their ids. */
  insert(items: TestItem[], importId?: number): number[];
  close(): Promise<void>;
}

let counter = 0;

export function newImport(core: Core): number {
  const r = core.workspace.db
    .prepare("INSERT INTO imports (file, format, status, started_at) VALUES ('test', 'test', 'done', ?)")
    .run(Date.now());
  return Number(r.lastInsertRowid);
}

export function testWorkspace(): TestWorkspace {
  const dir = mkdtempSync(join(tmpdir(), 'sifter-search-'));
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  const db = core.workspace.db;
  const sourceId = (name: string, kind: string, username: string | null): number => {
    const existing = db.prepare('SELECT id FROM sources WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (existing) return existing.id;
    const r = db
      .prepare('INSERT INTO sources (key, kind, name, username, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(`${kind}:${name}`, kind, name, username, Date.now());
    return Number(r.lastInsertRowid);
  };
  const insertItem = db.prepare(
    `INSERT INTO items (source_id, import_id, kind, external_id, url, title, author, channel, published_at, lang, text, content_hash, copy_group, reply_to_item_id, created_at)
     VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    dir,
    core,
    insert(items, importId) {
      const imp = importId ?? newImport(core);
      return core.workspace.transaction(() =>
        items.map((it) => {
          const source = it.source ?? 'Test channel';
          const src = sourceId(source, it.sourceKind ?? 'telegram', it.username ?? null);
          const published =
            typeof it.publishedAt === 'string' ? Date.parse(it.publishedAt) : (it.publishedAt ?? null);
          const r = insertItem.run(
            src,
            imp,
            it.kind ?? 'post',
            it.externalId ?? `e${++counter}`,
            it.title ?? null,
            it.author ?? null,
            it.channel === undefined ? source : it.channel,
            published,
            it.lang === undefined ? null : it.lang,
            it.text,
            `h${counter}`,
            it.copyGroup ?? null,
            it.replyTo ?? null,
            Date.now(),
          );
          return Number(r.lastInsertRowid);
        }),
      );
    },
    async close() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
