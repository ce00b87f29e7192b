// The import history (the Library's table) and removing an import with everything it brought.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '../core';
import type { ImportHistoryEntry } from '../../../shared/domain';
import { SifterError } from '../errors';
import { searchService } from '../search/service';

interface ImportRow {
  id: number;
  file: string;
  format: string;
  status: ImportHistoryEntry['status'];
  added: number;
  duplicates: number;
  skipped: number;
  warnings: string;
  error: string | null;
  started_at: number;
  duration_ms: number | null;
  items: number;
}

function parseWarnings(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

/** Every import, newest first, with how many of its items are still in the workspace. */
export function listImports(core: Core): ImportHistoryEntry[] {
  const rows = core.workspace.db
    .prepare(
      `SELECT i.*, (SELECT COUNT(*) FROM items WHERE items.import_id = i.id AND items.removed = 0) AS items
       FROM imports i ORDER BY i.started_at DESC, i.id DESC`,
    )
    .all() as unknown as ImportRow[];
  return rows.map((r) => ({
    id: r.id,
    file: r.file,
    format: r.format,
    status: r.status,
    added: r.added,
    duplicates: r.duplicates,
    skipped: r.skipped,
    warnings: parseWarnings(r.warnings),
    error: r.error,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    items: r.items,
  }));
}

/**
 * Removes an import: its items with their tags, clips, notes and translations (cascading foreign
 * keys), their near-copy sketches, copy groups left with a single member, the history row and the
 * media it copied. Then the search index forgets the items.
 */
export async function removeImport(core: Core, id: number): Promise<{ removedItems: number }> {
  const ws = core.workspace;
  const exists = ws.db.prepare('SELECT status FROM imports WHERE id = ?').get(id) as
    { status: string } | undefined;
  if (!exists) throw new SifterError('NOT_FOUND', `There is no import ${id}.`);
  if (exists.status === 'running')
    throw new SifterError('CONFLICT', `Import ${id} is still running: cancel it instead.`);
  const removedItems = ws.transaction(() => {
    const groups = ws.db
      .prepare('SELECT DISTINCT copy_group AS g FROM items WHERE import_id = ? AND copy_group IS NOT NULL')
      .all(id) as { g: number }[];
    ws.db
      .prepare('DELETE FROM item_sketches WHERE item_id IN (SELECT id FROM items WHERE import_id = ?)')
      .run(id);
    const { changes } = ws.db.prepare('DELETE FROM items WHERE import_id = ?').run(id);
    // A copy group reduced to one item is no group any more.
    const ungroup = ws.db.prepare(
      'UPDATE items SET copy_group = NULL WHERE copy_group = ? AND (SELECT COUNT(*) FROM items WHERE copy_group = ?) < 2',
    );
    for (const { g } of groups) ungroup.run(g, g);
    ws.db.prepare('DELETE FROM imports WHERE id = ?').run(id);
    return Number(changes);
  });
  await rm(join(ws.paths.media, String(id)), { recursive: true, force: true });
  await searchService(core).removeImport(id);
  core.events.emit('workspace.changed', { dir: ws.paths.dir, reason: 'removed' });
  core.events.emit('saved.changed', {});
  return { removedItems };
}
