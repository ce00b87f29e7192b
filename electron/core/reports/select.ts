// Which items a report holds: the union of the chosen tags (an item carrying one, or holding a clip
// that carries one), intersected with a saved search and/or a query, within a date range in the
// analyst's time zone, optionally only items with clips. Removed items never appear.
import type { Core } from '../core';
import type { ReportSpec } from '../../../shared/api/reports';
import { SifterError } from '../errors';
import { TagTree } from '../tags/queries';
import { searchService } from '../search/service';
import { dayStart } from '../search/zoned-time';
import { reportTimeZone } from './time';

/** A report larger than this is refused with a clear message rather than built slowly into memory. */
export const MAX_REPORT_ITEMS = 50_000;

export interface Selection {
  /** Item ids, in no particular order (the model orders them). */
  ids: number[];
  /** The chosen tags' ids (with their subtrees when asked), for grouping and counts. */
  tagIds: Set<number>;
  /** What was chosen, in words, for the report's header ("Tags: Actors (with sub-tags); …"). */
  criteria: string[];
}

const DAY_MS = 86_400_000;

function civilDay(text: string, what: string): number {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new SifterError('INVALID', `The ${what} date ${text} is not a real day.`);
  }
  return Math.floor(ms / DAY_MS);
}

async function queryIds(core: Core, query: string, what: string): Promise<Set<number>> {
  try {
    return new Set((await searchService(core).ids(query)).ids);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = err instanceof SifterError ? err.code : 'INTERNAL';
    throw new SifterError(code, `${what} could not be run: ${message}`, { cause: err });
  }
}

function savedQuery(core: Core, saved: number | string): { name: string; query: string } {
  const db = core.workspace.db;
  const row = (
    typeof saved === 'number'
      ? db.prepare('SELECT name, query FROM saved_searches WHERE id = ?').get(saved)
      : db.prepare('SELECT name, query FROM saved_searches WHERE name = ? COLLATE NOCASE').get(saved)
  ) as { name: string; query: string } | undefined;
  if (!row) {
    throw new SifterError(
      'NOT_FOUND',
      typeof saved === 'number'
        ? `There is no saved search with id ${saved}.`
        : `There is no saved search named "${saved}".`,
    );
  }
  return row;
}

const intersect = (a: Set<number> | null, b: Set<number>): Set<number> =>
  a === null ? b : new Set([...a].filter((x) => b.has(x)));

export async function selectItems(core: Core, spec: ReportSpec): Promise<Selection> {
  const db = core.workspace.db;
  const criteria: string[] = [];
  let chosen: Set<number> | null = null;
  const tagIds = new Set<number>();

  if (spec.tags.length > 0) {
    const tree = TagTree.load(db);
    const names: string[] = [];
    for (const t of spec.tags) {
      const row = t.id !== undefined ? tree.require(t.id) : tree.resolve(t.path ?? '');
      const ids = t.children ? tree.subtree(row.id).map((r) => r.id) : [row.id];
      for (const id of ids) tagIds.add(id);
      const hasChildren = tree.childrenOf(row.id).length > 0;
      names.push(
        `${tree.path(row.id)}${hasChildren ? (t.children ? ' (with sub-tags)' : ' (without sub-tags)') : ''}`,
      );
    }
    const rows = db
      .prepare(
        `SELECT item_id AS id FROM item_tags WHERE tag_id IN (SELECT value FROM json_each(?1))
         UNION
         SELECT c.item_id AS id FROM clips c JOIN clip_tags ct ON ct.clip_id = c.id
          WHERE ct.tag_id IN (SELECT value FROM json_each(?1))`,
      )
      .all(JSON.stringify([...tagIds])) as { id: number }[];
    chosen = new Set(rows.map((r) => r.id));
    criteria.push(`${names.length === 1 ? 'Tag' : 'Tags'}: ${names.join('; ')}`);
  }
  if (spec.saved !== undefined) {
    const saved = savedQuery(core, spec.saved);
    chosen = intersect(chosen, await queryIds(core, saved.query, `The saved search "${saved.name}"`));
    criteria.push(`Saved search: ${saved.name} (${saved.query})`);
  }
  const query = spec.query?.trim() ?? '';
  if (query !== '') {
    chosen = intersect(chosen, await queryIds(core, query, `The query "${query}"`));
    criteria.push(`Query: ${query}`);
  }

  const zone = reportTimeZone(core.settings.get().timeZone);
  const fromDay = spec.from === undefined ? null : civilDay(spec.from, 'start');
  const toDay = spec.to === undefined ? null : civilDay(spec.to, 'end');
  if (fromDay !== null && toDay !== null && toDay < fromDay) {
    throw new SifterError('INVALID', `The date range ends (${spec.to}) before it starts (${spec.from}).`);
  }
  if (chosen === null && fromDay === null && toDay === null) {
    throw new SifterError(
      'INVALID',
      'Choose what goes into the report: one or more tags, a saved search, a query or a date range.',
    );
  }
  if (fromDay !== null || toDay !== null) {
    criteria.push(`Dates: ${spec.from ?? '…'} to ${spec.to ?? '…'} (${zone.label})`);
  }
  if (spec.clippedOnly) criteria.push('Only clipped passages');

  // One SQL pass applies what SQL knows (not removed, dates, clips) to the chosen ids.
  const where = ['i.removed = 0'];
  const params: (string | number)[] = [];
  if (chosen !== null) {
    where.push('i.id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify([...chosen]));
  }
  if (fromDay !== null) {
    where.push('i.published_at >= ?');
    params.push(dayStart(fromDay, zone.id));
  }
  if (toDay !== null) {
    where.push('i.published_at < ?');
    params.push(dayStart(toDay + 1, zone.id));
  }
  if (spec.clippedOnly) where.push('EXISTS (SELECT 1 FROM clips c WHERE c.item_id = i.id)');
  const ids = (
    db.prepare(`SELECT i.id FROM items i WHERE ${where.join(' AND ')}`).all(...params) as { id: number }[]
  ).map((r) => r.id);
  if (ids.length > MAX_REPORT_ITEMS) {
    throw new SifterError(
      'INVALID',
      `The report would hold ${ids.length.toLocaleString('en-US')} items; the most a report holds is ${MAX_REPORT_ITEMS.toLocaleString('en-US')}. Narrow it with tags, a query or dates.`,
    );
  }
  return { ids, tagIds, criteria };
}
