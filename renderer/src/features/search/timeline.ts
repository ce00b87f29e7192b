// Geometry of the timeline chart, counted in civil days of the analyst's zone so that a drag maps
// to whole days (or whole weeks) whatever DST does to the length of a day. Coordinates are
// fractions of the chart's width (0..1); the component multiplies by pixels.
import type { TimelinePoint } from '../../../../shared/domain';
import { civilDate, dateOfDay, dayNumber } from './time';

export type Bucket = 'day' | 'week';

export interface Bar {
  /** Civil date the bucket starts on. */
  date: string;
  count: number;
  x: number;
  width: number;
  /** Height as a fraction of the tallest bar. */
  height: number;
}

export interface TimelineLayout {
  bucket: Bucket;
  bucketDays: number;
  /** Day number of the first bucket's first day, and the span in days of the whole chart. */
  firstDay: number;
  spanDays: number;
  maxCount: number;
  bars: Bar[];
}

export function layoutTimeline(
  points: readonly TimelinePoint[],
  bucket: Bucket,
  timeZone: string,
): TimelineLayout | null {
  if (points.length === 0) return null;
  const bucketDays = bucket === 'week' ? 7 : 1;
  const days = points.map((p) => ({ day: dayNumber(civilDate(p.t, timeZone)), count: p.count }));
  const firstDay = Math.min(...days.map((d) => d.day));
  const lastDay = Math.max(...days.map((d) => d.day));
  const spanDays = lastDay - firstDay + bucketDays;
  const maxCount = Math.max(1, ...days.map((d) => d.count));
  const bars = days.map(({ day, count }) => ({
    date: dateOfDay(day),
    count,
    x: (day - firstDay) / spanDays,
    width: bucketDays / spanDays,
    height: count / maxCount,
  }));
  return { bucket, bucketDays, firstDay, spanDays, maxCount, bars };
}

function dayAt(layout: TimelineLayout, fraction: number): number {
  const f = Math.max(0, Math.min(1, fraction));
  // The right edge belongs to the last day, not to the day after the chart.
  const offset = Math.min(layout.spanDays - 1, Math.floor(f * layout.spanDays));
  // Snap to the start of the bucket the day falls in.
  return layout.firstDay + Math.floor(offset / layout.bucketDays) * layout.bucketDays;
}

/**
 * The inclusive date range covered by a drag between two points (in either direction), snapped
 * outwards to whole buckets. A click (both points equal) selects the one bucket under it.
 */
export function dragToDateRange(layout: TimelineLayout, a: number, b: number): { from: string; to: string } {
  const lo = dayAt(layout, Math.min(a, b));
  const hi = dayAt(layout, Math.max(a, b)) + layout.bucketDays - 1;
  return { from: dateOfDay(lo), to: dateOfDay(hi) };
}

/** Where a date range sits on the chart (clamped), for drawing the current selection. */
export function dateRangeToFractions(
  layout: TimelineLayout,
  from: string,
  to: string,
): { x0: number; x1: number } | null {
  const lo = dayNumber(from);
  const hi = dayNumber(to) + 1;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi <= lo) return null;
  const x0 = Math.max(0, Math.min(1, (lo - layout.firstDay) / layout.spanDays));
  const x1 = Math.max(0, Math.min(1, (hi - layout.firstDay) / layout.spanDays));
  return x1 > x0 ? { x0, x1 } : null;
}
