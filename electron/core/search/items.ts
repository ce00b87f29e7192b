// Reading items for display: the summary a hit or a list row shows, the full detail the Reader shows,
// and an item's neighbours in its channel's timeline (items.get / items.context).
import type { DatabaseSync } from 'node:sqlite';
import type {
  ItemDetail,
  ItemEntity,
  ItemKind,
  ItemMedia,
  ItemSummary,
  TagRef,
} from '../../../shared/domain';
import { SifterError } from '../errors';
import { itemAnnotations, tagsOfItems } from '../tags/queries';
import type { Workspace } from '../workspace/workspace';

export const SUMMARY_COLUMNS = `i.id, i.kind, i.source_id, s.name AS source_name, s.kind AS source_kind, i.channel, i.author, i.title,
  i.url, i.published_at, i.time_zone_unknown, i.lang, substr(i.text, 1, 400) AS excerpt_text`;

export interface SummaryRow {
  id: number;
  kind: string;
  source_id: number;
  source_name: string;
  source_kind: string;
  channel: string | null;
  author: string | null;
  title: string | null;
  url: string | null;
  published_at: number | null;
  time_zone_unknown: number;
  lang: string | null;
  excerpt_text: string;
}

const EXCERPT_CHARS = 200;

export function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_CHARS ? flat : `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…`;
}

export function toSummary(r: SummaryRow): ItemSummary {
  return {
    id: r.id,
    kind: r.kind as ItemKind,
    source: r.source_name,
    sourceKind: r.source_kind,
    channel: r.channel,
    author: r.author,
    title: r.title,
    url: r.url,
    publishedAt: r.published_at,
    timeZoneUnknown: r.time_zone_unknown === 1,
    lang: r.lang,
    excerpt: excerptOf(r.excerpt_text || r.title || ''),
  };
}

export function summaryById(db: DatabaseSync, id: number): ItemSummary | null {
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ? AND i.removed = 0`,
    )
    .get(id) as SummaryRow | undefined;
  return row ? toSummary(row) : null;
}

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The tags of items (TagRefs with full paths), as the tagging domain reads them. */
export function tagRefsFor(db: DatabaseSync, itemIds: number[]): Map<number, TagRef[]> {
  return itemIds.length === 0 ? new Map() : tagsOfItems(db, itemIds);
}

interface DetailRow extends SummaryRow {
  external_id: string;
  text: string;
  html: string | null;
  entities: string;
  media: string;
  reply_to_item_id: number | null;
  forwarded_from: string | null;
  edited_at: number | null;
  reactions: string | null;
  extra: string;
  content_hash: string;
  copy_group: number | null;
  import_id: number | null;
}

export function itemDetail(ws: Workspace, id: number): ItemDetail {
  const db = ws.db;
  const row = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, i.external_id, i.text, i.html, i.entities, i.media, i.reply_to_item_id, i.forwarded_from,
        i.edited_at, i.reactions, i.extra, i.content_hash, i.copy_group, i.import_id
       FROM items i JOIN sources s ON s.id = i.source_id WHERE i.id = ? AND i.removed = 0`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) throw new SifterError('NOT_FOUND', `Item ${id} does not exist.`);
  const summaryOf = (sql: string, ...params: number[]): (ItemSummary & { hash?: string })[] =>
    (db.prepare(sql).all(...params) as unknown as (SummaryRow & { content_hash?: string })[]).map((r) => ({
      ...toSummary(r),
      hash: r.content_hash,
    }));
  const replies = summaryOf(
    `SELECT ${SUMMARY_COLUMNS} FROM items i JOIN sources s ON s.id = i.source_id WHERE i.reply_to_item_id = ? AND i.removed = 0 ORDER BY i.published_at, i.id LIMIT 500`,
    id,
  ).map(({ hash: _h, ...s }) => s);
  const copies =
    row.copy_group === null
      ? []
      : summaryOf(
          `SELECT ${SUMMARY_COLUMNS}, i.content_hash FROM items i JOIN sources s ON s.id = i.source_id
           WHERE i.copy_group = ? AND i.id <> ? AND i.removed = 0 ORDER BY i.published_at, i.id LIMIT 500`,
          row.copy_group,
          id,
        ).map(({ hash, ...s }) => ({
          ...s,
          similarity: hash === row.content_hash ? ('exact' as const) : ('near' as const),
        }));
  // Tags, note and clips as the tagging domain reads them (one source of truth for paths, anchoring).
  const annotations = itemAnnotations(ws, id);
  return {
    ...toSummary(row),
    excerpt: excerptOf(row.text || row.title || ''),
    externalId: row.external_id,
    text: row.text,
    html: row.html,
    entities: parseJson<ItemEntity[]>(row.entities, []),
    media: parseJson<ItemMedia[]>(row.media, []).map((m) => ({
      kind: m.kind,
      path: m.path ?? null,
      name: m.name ?? null,
      missing: Boolean(m.missing),
    })),
    forwardedFrom: row.forwarded_from,
    editedAt: row.edited_at,
    reactions: parseJson<{ emoji: string; count: number }[] | null>(row.reactions, null),
    extra: parseJson<Record<string, unknown>>(row.extra, {}),
    replyTo: row.reply_to_item_id === null ? null : summaryById(db, row.reply_to_item_id),
    replies,
    copies,
    tags: annotations.tags,
    note: annotations.note,
    clips: annotations.clips,
    importId: row.import_id,
  };
}

/** The items before and after one in its source's timeline (by publication time, then id). */
export function itemContext(
  db: DatabaseSync,
  id: number,
  radius: number,
): { before: ItemSummary[]; after: ItemSummary[] } {
  const anchor = db
    .prepare('SELECT source_id, coalesce(published_at, 0) AS t FROM items WHERE id = ?')
    .get(id) as { source_id: number; t: number } | undefined;
  if (!anchor) throw new SifterError('NOT_FOUND', `Item ${id} does not exist.`);
  const base = `SELECT ${SUMMARY_COLUMNS} FROM items i JOIN sources s ON s.id = i.source_id WHERE i.source_id = ? AND i.removed = 0`;
  const before = (
    db
      .prepare(
        `${base} AND (coalesce(i.published_at, 0) < ? OR (coalesce(i.published_at, 0) = ? AND i.id < ?)) ORDER BY coalesce(i.published_at, 0) DESC, i.id DESC LIMIT ?`,
      )
      .all(anchor.source_id, anchor.t, anchor.t, id, radius) as unknown as SummaryRow[]
  )
    .map(toSummary)
    .reverse();
  const after = (
    db
      .prepare(
        `${base} AND (coalesce(i.published_at, 0) > ? OR (coalesce(i.published_at, 0) = ? AND i.id > ?)) ORDER BY coalesce(i.published_at, 0), i.id LIMIT ?`,
      )
      .all(anchor.source_id, anchor.t, anchor.t, id, radius) as unknown as SummaryRow[]
  ).map(toSummary);
  return { before, after };
}
