// Facet counts and the timeline over every item of a result (not just the page shown).
import type { FacetValue, SearchFacets, TimelinePoint } from '../../../shared/domain';
import type { ItemColumns, TagColumns } from './item-table';
import { dayOf, dayStart } from './zoned-time';

const MAX_VALUES = 50;

function top(counts: Map<string, FacetValue>): FacetValue[] {
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, MAX_VALUES);
}

function byCode(ids: Int32Array, codes: ArrayLike<number>, values: string[]): FacetValue[] {
  const counts = new Map<number, number>();
  for (const id of ids) {
    const c = codes[id]!;
    if (c > 0) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([c, count]) => ({ value: values[c]!, label: values[c]!, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, MAX_VALUES);
}

export function computeFacets(ids: Int32Array, cols: ItemColumns, tags: TagColumns): SearchFacets {
  const sources = new Map<string, FacetValue>();
  const perSource = new Map<number, number>();
  for (const id of ids) perSource.set(cols.sourceId[id]!, (perSource.get(cols.sourceId[id]!) ?? 0) + 1);
  for (const [sourceId, count] of perSource) {
    const s = cols.sources.get(sourceId);
    if (!s) continue;
    const prev = sources.get(s.name);
    if (prev) prev.count += count;
    else sources.set(s.name, { value: s.name, label: s.name, count });
  }
  const tagCounts = new Map<string, FacetValue>();
  for (const id of ids) {
    const list = tags.itemTags.get(id);
    if (!list) continue;
    for (const tagId of list) {
      const tag = tags.tags.get(tagId);
      if (!tag) continue;
      const prev = tagCounts.get(tag.path);
      if (prev) prev.count++;
      else tagCounts.set(tag.path, { value: tag.path, label: tag.path, count: 1 });
    }
  }
  return {
    channel: byCode(ids, cols.channel, cols.channels.values),
    source: top(sources),
    lang: byCode(ids, cols.lang, cols.langs.values),
    kind: byCode(ids, cols.kind, cols.kinds.values),
    tag: top(tagCounts),
    author: byCode(ids, cols.author, cols.authors.values),
  };
}

const WEEK_THRESHOLD_DAYS = 180;
const EPOCH_WEEKDAY = 3; // 1970-01-01 was a Thursday: (day + 3) % 7 is the weekday counted from Monday.

export function computeTimeline(
  ids: Int32Array,
  cols: ItemColumns,
  timeZone: string,
  bucket: 'day' | 'week' | 'auto',
): { bucket: 'day' | 'week'; points: TimelinePoint[] } {
  const days = new Map<number, number>();
  let min = Infinity;
  let max = -Infinity;
  for (const id of ids) {
    const t = cols.publishedAt[id]!;
    if (Number.isNaN(t)) continue;
    const d = dayOf(t, timeZone);
    days.set(d, (days.get(d) ?? 0) + 1);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const chosen = bucket === 'auto' ? (max - min > WEEK_THRESHOLD_DAYS ? 'week' : 'day') : bucket;
  if (days.size === 0) return { bucket: chosen, points: [] };
  const buckets = new Map<number, number>();
  const keyOf = (d: number): number => (chosen === 'week' ? d - ((d + EPOCH_WEEKDAY) % 7) : d);
  for (const [d, n] of days) buckets.set(keyOf(d), (buckets.get(keyOf(d)) ?? 0) + n);
  // Continuous buckets (zeros included) so a chart's x axis is true time; long spans stay sparse.
  const step = chosen === 'week' ? 7 : 1;
  const first = keyOf(min);
  const last = keyOf(max);
  const points: TimelinePoint[] = [];
  if ((last - first) / step <= 5000) {
    for (let k = first; k <= last; k += step)
      points.push({ t: dayStart(k, timeZone), count: buckets.get(k) ?? 0 });
  } else {
    for (const k of [...buckets.keys()].sort((a, b) => a - b))
      points.push({ t: dayStart(k, timeZone), count: buckets.get(k)! });
  }
  return { bucket: chosen, points };
}
