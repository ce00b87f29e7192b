import { describe, expect, it } from 'vitest';
import { dateRangeToFractions, dragToDateRange, layoutTimeline } from './timeline';

const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

describe('timeline', () => {
  const points = [
    { t: day('2023-12-10'), count: 2 },
    { t: day('2023-12-14'), count: 4 },
    { t: day('2023-12-19'), count: 1 },
  ];

  it('lays out bars on a continuous day axis, gaps included', () => {
    const layout = layoutTimeline(points, 'day', 'UTC')!;
    expect(layout.spanDays).toBe(10);
    expect(layout.bars.map((b) => [b.date, b.x, b.height])).toEqual([
      ['2023-12-10', 0, 0.5],
      ['2023-12-14', 0.4, 1],
      ['2023-12-19', 0.9, 0.25],
    ]);
    expect(layoutTimeline([], 'day', 'UTC')).toBeNull();
  });

  it('turns a drag (either direction) into whole days', () => {
    const layout = layoutTimeline(points, 'day', 'UTC')!;
    expect(dragToDateRange(layout, 0.42, 0.58)).toEqual({ from: '2023-12-14', to: '2023-12-15' });
    expect(dragToDateRange(layout, 0.58, 0.42)).toEqual({ from: '2023-12-14', to: '2023-12-15' });
    // A click picks the one day under it; the right edge is the last day, not the day after.
    expect(dragToDateRange(layout, 0.45, 0.45)).toEqual({ from: '2023-12-14', to: '2023-12-14' });
    expect(dragToDateRange(layout, -1, 2)).toEqual({ from: '2023-12-10', to: '2023-12-19' });
  });

  it('snaps week buckets to whole weeks', () => {
    const weeks = [
      { t: day('2023-12-04'), count: 3 },
      { t: day('2023-12-18'), count: 5 },
    ];
    const layout = layoutTimeline(weeks, 'week', 'UTC')!;
    expect(layout.spanDays).toBe(21);
    expect(dragToDateRange(layout, 0.1, 0.4)).toEqual({ from: '2023-12-04', to: '2023-12-17' });
  });

  it('reads bucket starts in the analyst zone', () => {
    // Midnight in Kyiv is 22:00 UTC the day before: the bucket is still the 14th there.
    const layout = layoutTimeline([{ t: Date.UTC(2023, 11, 13, 22), count: 1 }], 'day', 'Europe/Kyiv')!;
    expect(layout.bars[0]!.date).toBe('2023-12-14');
  });

  it('maps a date range back onto the chart for the selection overlay', () => {
    const layout = layoutTimeline(points, 'day', 'UTC')!;
    expect(dateRangeToFractions(layout, '2023-12-14', '2023-12-15')).toEqual({ x0: 0.4, x1: 0.6 });
    expect(dateRangeToFractions(layout, '2020-01-01', '2020-01-02')).toBeNull();
  });
});
