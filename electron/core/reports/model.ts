// The report model: every format (HTML, DOCX, PDF, CSV, Markdown) renders this one structure, so
// they all hold the same entries, in the same order, with the same citations.
import type { Core } from '../core';
import type { ClipInfo, TagRef } from '../../../shared/domain';
import type { ItemTranslation } from '../../../shared/api/translate';
import type { ReportSpec } from '../../../shared/api/reports';
import { TagTree, tagsOfItems, clipsOfItem } from '../tags/queries';
import { noteOf } from '../tags/notes';
import { assemble, loadDraft } from '../translate/store';
import type { JobControl } from '../jobs/jobs';
import { selectItems } from './select';
import { dayKey, reportTimeZone, weekKey, type ReportZone } from './time';
import { loadThumbnails, type Thumbnail } from './media';

export interface ReportItem {
  id: number;
  kind: string;
  sourceName: string;
  sourceKind: string;
  channel: string | null;
  author: string | null;
  title: string | null;
  /** The item's URL when it is http(s): the citation's permalink. */
  permalink: string | null;
  publishedAt: number | null;
  timeZoneUnknown: boolean;
  lang: string | null;
  text: string;
  mediaNames: string[];
}

export interface ReportEntry {
  /** Citation number: the entry's place in the report, counted once even when it shows in several groups. */
  n: number;
  item: ReportItem;
  tags: TagRef[];
  note: string | null;
  clips: ClipInfo[];
  /** A stored translation into the report's language, when asked for and present. */
  translation: ItemTranslation | null;
  thumbnails: Thumbnail[];
}

export interface ReportGroup {
  key: string;
  label: string;
  entries: ReportEntry[];
}

export interface CountRow {
  label: string;
  count: number;
  color?: string;
}

export interface TimelineBar {
  /** The bucket's first day (YYYY-MM-DD). */
  key: string;
  count: number;
}

export interface ReportOverview {
  items: number;
  clips: number;
  perTag: CountRow[];
  perSource: CountRow[];
  timeline: { bucket: 'day' | 'week' | 'month'; bars: TimelineBar[] };
  undated: number;
}

export interface ReportModel {
  spec: ReportSpec;
  title: string;
  author: string;
  summary: string;
  generatedAt: number;
  zone: ReportZone;
  criteria: string[];
  /** Every entry once, in report order (chronological, or as grouped). */
  entries: ReportEntry[];
  groups: ReportGroup[];
  overview: ReportOverview;
  translationLang: string | null;
  warnings: string[];
}

interface ItemRow {
  id: number;
  kind: string;
  source_name: string;
  source_kind: string;
  channel: string | null;
  author: string | null;
  title: string | null;
  url: string | null;
  published_at: number | null;
  time_zone_unknown: number;
  lang: string | null;
  text: string;
  media: string;
}

export function httpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function mediaNames(json: string): string[] {
  try {
    const list = JSON.parse(json) as { name?: string | null; path?: string | null; kind?: string }[];
    return Array.isArray(list)
      ? list
          .map((m) => m.name ?? m.path ?? m.kind ?? 'file')
          .filter((n): n is string => typeof n === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Chronological order; undated items last, ties by id so every format agrees. */
function byTime(newestFirst: boolean) {
  return (a: ReportItem, b: ReportItem): number => {
    if (a.publishedAt === null || b.publishedAt === null) {
      if (a.publishedAt !== b.publishedAt) return a.publishedAt === null ? 1 : -1;
      return a.id - b.id;
    }
    const d = newestFirst ? b.publishedAt - a.publishedAt : a.publishedAt - b.publishedAt;
    return d !== 0 ? d : a.id - b.id;
  };
}

function loadItems(core: Core, ids: number[]): ReportItem[] {
  const rows = core.workspace.db
    .prepare(
      `SELECT i.id, i.kind, s.name AS source_name, s.kind AS source_kind, i.channel, i.author, i.title, i.url,
              i.published_at, i.time_zone_unknown, i.lang, i.text, i.media
       FROM items i JOIN sources s ON s.id = i.source_id
       WHERE i.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as unknown as ItemRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    sourceName: r.source_name,
    sourceKind: r.source_kind,
    channel: r.channel,
    author: r.author,
    title: r.title,
    permalink: httpUrl(r.url),
    publishedAt: r.published_at,
    timeZoneUnknown: r.time_zone_unknown === 1,
    lang: r.lang,
    text: r.text,
    mediaNames: mediaNames(r.media),
  }));
}

function translationOf(core: Core, item: ReportItem, lang: string): ItemTranslation | null {
  if (item.lang === lang) return null;
  const ws = core.workspace;
  const stored = ws.db
    .prepare('SELECT 1 AS ok FROM translations WHERE item_id = ? AND target_lang = ?')
    .get(item.id, lang);
  if (!stored) return null;
  const t = assemble(
    loadDraft(ws, { id: item.id, text: item.text, title: item.title, lang: item.lang }, lang),
  );
  return t.segments.some((s) => s.target !== '') || (t.title?.target ?? '') !== '' ? t : null;
}

function sourceLabel(item: ReportItem): string {
  return item.channel && item.channel !== item.sourceName
    ? `${item.sourceName} — ${item.channel}`
    : item.sourceName;
}

function groupEntries(
  spec: ReportSpec,
  entries: ReportEntry[],
  tree: TagTree,
  chosenTags: Set<number>,
  zone: ReportZone,
): ReportGroup[] {
  if (spec.groupBy === 'none') return [{ key: 'all', label: '', entries }];
  const groups = new Map<string, ReportGroup>();
  const add = (key: string, label: string, entry: ReportEntry): void => {
    const group = groups.get(key) ?? { key, label, entries: [] };
    group.entries.push(entry);
    groups.set(key, group);
  };
  for (const entry of entries) {
    if (spec.groupBy === 'source') add(`s:${sourceLabel(entry.item)}`, sourceLabel(entry.item), entry);
    else if (spec.groupBy === 'day') {
      const key = entry.item.publishedAt === null ? 'undated' : dayKey(entry.item.publishedAt, zone);
      add(key, key === 'undated' ? 'Undated' : key, entry);
    } else {
      // By tag: under each of its tags that the report was built from (all its tags when none was
      // chosen); clip tags count too, so an item chosen through a clipped passage has a home.
      const tagIds = new Set<number>([
        ...entry.tags.map((t) => t.id),
        ...entry.clips.flatMap((c) => c.tags.map((t) => t.id)),
      ]);
      const homes = [...tagIds].filter((id) => chosenTags.size === 0 || chosenTags.has(id));
      if (homes.length === 0) add('untagged', 'Untagged', entry);
      for (const id of homes) add(`t:${id}`, tree.path(id), entry);
    }
  }
  const list = [...groups.values()];
  if (spec.groupBy === 'tag') {
    const order = new Map(tree.ordered().map((t, i) => [`t:${t.id}`, i]));
    list.sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity));
  } else if (spec.groupBy === 'day') {
    list.sort((a, b) =>
      a.key === 'undated'
        ? 1
        : b.key === 'undated'
          ? -1
          : a.key.localeCompare(b.key) * (spec.newestFirst ? -1 : 1),
    );
  } else {
    list.sort((a, b) => a.label.localeCompare(b.label));
  }
  return list;
}

function countRows(counts: Map<string, CountRow>): CountRow[] {
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function monthKey(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Every bucket from the first to the last item, empty ones included, so the chart reads as time. */
function timeline(entries: ReportEntry[], zone: ReportZone): ReportOverview['timeline'] {
  const dated = entries.map((e) => e.item.publishedAt).filter((t): t is number => t !== null);
  if (dated.length === 0) return { bucket: 'day', bars: [] };
  const min = Math.min(...dated);
  const max = Math.max(...dated);
  const spanDays = (max - min) / 86_400_000;
  const bucket = spanDays <= 92 ? 'day' : spanDays <= 3 * 365 ? 'week' : 'month';
  const keyOf = (t: number): string =>
    bucket === 'day' ? dayKey(t, zone) : bucket === 'week' ? weekKey(t, zone) : monthKey(dayKey(t, zone));
  const counts = new Map<string, number>();
  for (const t of dated) counts.set(keyOf(t), (counts.get(keyOf(t)) ?? 0) + 1);
  const bars: TimelineBar[] = [];
  const last = keyOf(max);
  // Walk civil days at noon UTC (never near a day edge), stepping by the bucket.
  let at = Date.parse(`${keyOf(min)}T12:00:00Z`);
  for (let guard = 0; guard < 2000; guard++) {
    const key = new Date(at).toISOString().slice(0, 10);
    bars.push({ key, count: counts.get(key) ?? 0 });
    if (key >= last) break;
    if (bucket === 'month') {
      const d = new Date(at);
      at = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, 12);
    } else at += (bucket === 'day' ? 1 : 7) * 86_400_000;
  }
  return { bucket, bars };
}

function overview(entries: ReportEntry[], chosenTags: Set<number>, zone: ReportZone): ReportOverview {
  const perTag = new Map<string, CountRow>();
  const perSource = new Map<string, CountRow>();
  for (const e of entries) {
    for (const tag of e.tags) {
      if (chosenTags.size > 0 && !chosenTags.has(tag.id)) continue;
      const row = perTag.get(tag.path) ?? { label: tag.path, count: 0, color: tag.color };
      row.count++;
      perTag.set(tag.path, row);
    }
    const source = sourceLabel(e.item);
    const row = perSource.get(source) ?? { label: source, count: 0 };
    row.count++;
    perSource.set(source, row);
  }
  return {
    items: entries.length,
    clips: entries.reduce((n, e) => n + e.clips.length, 0),
    perTag: countRows(perTag),
    perSource: countRows(perSource),
    timeline: timeline(entries, zone),
    undated: entries.filter((e) => e.item.publishedAt === null).length,
  };
}

export interface BuildOptions {
  /** Show at most this many entries (the live preview); the overview still counts every item. */
  limit?: number;
  /** Load image thumbnails (off for formats that do not show them). */
  thumbnails?: boolean;
  job?: JobControl;
}

export async function buildReport(
  core: Core,
  spec: ReportSpec,
  options: BuildOptions = {},
): Promise<ReportModel> {
  const selection = await selectItems(core, spec);
  const warnings: string[] = [];
  const zone = reportTimeZone(core.settings.get().timeZone);
  if (zone.problem) warnings.push(zone.problem);
  const db = core.workspace.db;
  const tree = TagTree.load(db);
  const items = loadItems(core, selection.ids).sort(byTime(spec.newestFirst));
  const tagMap = tagsOfItems(
    db,
    items.map((i) => i.id),
    tree,
  );
  const translationLang =
    spec.show.translation === 'none'
      ? null
      : (spec.show.translationLang ?? core.settings.get().targetLanguage);
  const media = { budget: { bytes: 0 }, warnings };
  const entries: ReportEntry[] = [];
  options.job?.progress({ phase: 'gathering', done: 0, total: items.length });
  for (const item of items) {
    const full = options.limit === undefined || entries.length < options.limit;
    const clips = spec.show.clips || spec.clippedOnly ? clipsOfItem(core.workspace, item.id, tree) : [];
    entries.push({
      n: entries.length + 1,
      item,
      tags: tagMap.get(item.id) ?? [],
      note: spec.show.note && full ? noteOf(db, item.id).body : null,
      clips,
      translation:
        translationLang && full && !spec.clippedOnly ? translationOf(core, item, translationLang) : null,
      thumbnails:
        spec.show.media && full && options.thumbnails !== false
          ? await loadThumbnails(core.workspace.paths.media, item.id, db, media)
          : [],
    });
    if (entries.length % 200 === 0) {
      options.job?.throwIfCancelled();
      options.job?.progress({ done: entries.length });
    }
  }
  const shown = options.limit === undefined ? entries : entries.slice(0, options.limit);
  const groups = groupEntries(spec, shown, tree, selection.tagIds, zone);
  // Citations are numbered in reading order: an entry keeps its first number in later groups.
  let n = 0;
  const seen = new Set<ReportEntry>();
  for (const group of groups) {
    for (const entry of group.entries) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      entry.n = ++n;
    }
  }
  shown.sort((a, b) => a.n - b.n);
  return {
    spec,
    title: spec.title || 'Report',
    author: spec.author,
    summary: spec.summary,
    generatedAt: Date.now(),
    zone,
    criteria: selection.criteria,
    entries: shown,
    groups,
    overview: overview(entries, selection.tagIds, zone),
    translationLang,
    warnings,
  };
}
