// The virtualised results list: only the rows on screen exist in the DOM, and the pages under them
// are fetched as they scroll into view, so 100,000 hits scroll like 100. Rows measure themselves
// (snippets and expanded copies vary in height).
import { useEffect, type Ref } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { SearchHit, TagRef } from '../../../../shared/domain';
import { HitRow } from './HitRow';
import type { SearchResults } from './useSearchResults';
import type { PickModifiers } from '../tags/marks';

interface Props {
  ref?: Ref<HTMLDivElement>;
  scrollElement: HTMLDivElement | null;
  results: SearchResults;
  selected: number;
  expanded: ReadonlySet<number>;
  onSelect(index: number): void;
  onOpen(hit: SearchHit): void;
  onToggleCopies(hit: SearchHit): void;
  onTagClick(tag: TagRef): void;
  /** Item ids marked for bulk tagging, and what a modified click does to them (tags feature). */
  marked?: ReadonlySet<number>;
  onPick?(index: number, modifiers: PickModifiers): void;
}

const ESTIMATED_ROW = 96;

export function ResultsList({
  ref,
  scrollElement,
  results,
  selected,
  expanded,
  onSelect,
  onOpen,
  onToggleCopies,
  onTagClick,
  marked,
  onPick,
}: Props) {
  const { count, hitAt, ensure } = results;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollElement,
    estimateSize: () => ESTIMATED_ROW,
    overscan: 6,
    getItemKey: (index) => hitAt(index)?.id ?? `pending-${index}`,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (count > 0) ensure(first, last);
  }, [count, ensure, first, last]);

  useEffect(() => {
    if (selected >= 0 && selected < count) virtualizer.scrollToIndex(selected, { align: 'auto' });
  }, [selected, count, virtualizer]);

  return (
    <div
      ref={ref}
      className="results"
      role="listbox"
      aria-label="Search results"
      aria-multiselectable={onPick ? true : undefined}
      aria-setsize={count}
      aria-activedescendant={count > 0 ? `hit-${selected}` : undefined}
      tabIndex={0}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {items.map((row) => {
        const hit = hitAt(row.index);
        return (
          <div
            key={row.key}
            className="results__row"
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {hit ? (
              <HitRow
                hit={hit}
                index={row.index}
                selected={row.index === selected}
                expanded={expanded.has(hit.id)}
                onSelect={onSelect}
                onOpen={onOpen}
                onToggleCopies={onToggleCopies}
                onTagClick={onTagClick}
                marked={marked?.has(hit.id) ?? false}
                onPick={onPick}
              />
            ) : (
              <div className="hit hit--pending" aria-hidden="true">
                <div className="hit__skeleton" />
                <div className="hit__skeleton hit__skeleton--short" />
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}
