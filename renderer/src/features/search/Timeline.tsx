// Hits per day or week as a bar chart. Dragging across it (or clicking one bar) puts a
// `date:A..B` range in the query; the range already in the query is drawn as the selection.
import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { SearchResult } from '../../../../shared/domain';
import { formatCount } from './time';
import { dateRangeOf } from './queryEdit';
import { dateRangeToFractions, dragToDateRange, layoutTimeline } from './timeline';

const VIEW_W = 1000;
const VIEW_H = 56;

interface Props {
  timeline: SearchResult['timeline'];
  timeZone: string;
  query: string;
  onRange(from: string, to: string): void;
  onClear(): void;
}

export function Timeline({ timeline, timeZone, query, onRange, onClear }: Props) {
  const layout = useMemo(
    () => layoutTimeline(timeline.points, timeline.bucket, timeZone),
    [timeline, timeZone],
  );
  const plotRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const current = dateRangeOf(query);

  if (!layout) return null;

  const fractionAt = (event: ReactPointerEvent) => {
    const box = plotRef.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.max(0, Math.min(1, (event.clientX - box.left) / box.width));
  };

  const barAt = (f: number) => {
    const i = layout.bars.findIndex((b) => f >= b.x && f < b.x + b.width);
    return i === -1 ? null : i;
  };

  // While dragging, the selection follows the pointer (snapped to buckets); otherwise it shows the
  // range the query already has.
  const range = drag ? dragToDateRange(layout, drag.a, drag.b) : current;
  const fractions = range ? dateRangeToFractions(layout, range.from, range.to) : null;
  const selection = range && fractions ? { range, ...fractions } : null;

  const hovered = hover === null ? null : layout.bars[hover];
  const unit = layout.bucket === 'week' ? 'week' : 'day';
  const lastBar = layout.bars[layout.bars.length - 1];

  return (
    <section className="timeline" aria-label={`Hits per ${unit}`}>
      <div className="timeline__legend">
        <span>
          Hits per {unit} · max {formatCount(layout.maxCount)}
        </span>
        <span className="timeline__readout" aria-live="polite">
          {drag && selection
            ? `${selection.range.from} … ${selection.range.to}`
            : hovered
              ? `${layout.bucket === 'week' ? 'Week of ' : ''}${hovered.date}: ${formatCount(hovered.count)}`
              : current
                ? `Dates ${current.from} … ${current.to}`
                : 'Drag across the chart to filter by date'}
        </span>
        {current && (
          <button type="button" className="timeline__clear" onClick={onClear}>
            Clear dates
          </button>
        )}
      </div>
      <div
        ref={plotRef}
        className="timeline__plot"
        data-testid="timeline"
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const f = fractionAt(e);
          setDrag({ a: f, b: f });
        }}
        onPointerMove={(e) => {
          const f = fractionAt(e);
          setHover(barAt(f));
          if (drag) setDrag({ a: drag.a, b: f });
        }}
        onPointerUp={(e) => {
          if (!drag) return;
          const r = dragToDateRange(layout, drag.a, fractionAt(e));
          setDrag(null);
          onRange(r.from, r.to);
        }}
        onPointerCancel={() => setDrag(null)}
        onPointerLeave={() => setHover(null)}
      >
        <svg viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} preserveAspectRatio="none" aria-hidden="true">
          {layout.bars.map((bar, i) => {
            const h = Math.max(1.5, bar.height * (VIEW_H - 2));
            return (
              <rect
                key={bar.date}
                className={`timeline__bar${hover === i ? ' is-hovered' : ''}`}
                x={bar.x * VIEW_W + 0.5}
                width={Math.max(1, bar.width * VIEW_W - 1)}
                y={VIEW_H - h}
                height={h}
              />
            );
          })}
          {selection && (
            <rect
              className="timeline__selection"
              x={selection.x0 * VIEW_W}
              width={(selection.x1 - selection.x0) * VIEW_W}
              y={0}
              height={VIEW_H}
            />
          )}
        </svg>
      </div>
      <div className="timeline__axis" aria-hidden="true">
        <span>{layout.bars[0]?.date}</span>
        <span>{lastBar?.date}</span>
      </div>
    </section>
  );
}
