// The Search area: query box, counts, timeline, the virtualised results and the facet panel.
// The query lives in the navigation state (and the address), so Back returns to the previous one;
// every click that filters rewrites that query rather than hiding state elsewhere.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, TagRef } from '../../../../shared/domain';
import { registerShortcuts, isTypingTarget } from '../../app/keyboard';
import { navigate, useNav } from '../../app/nav';
import { useSettings } from '../../app/settings';
import { fillSlot } from '../../app/slots';
import { TranslateResultsButton } from '../translation';
import { reportOn } from '../reports/draft';
import { FacetPanel } from './FacetPanel';
import { QueryBox } from './QueryBox';
import { ResultsList } from './ResultsList';
import { SaveSearch } from './SaveSearch';
import { SavedSearches } from './SavedSearches';
import { BulkBar } from '../tags/search/BulkBar';
import { useMarks } from '../tags/search/useMarks';
import { Timeline } from './Timeline';
import { clearDateRange, setDateRange, toggleFieldFilter, type FilterField } from './queryEdit';
import { setCollapseCopies, setSort, useSearchPrefs } from './searchPrefs';
import { formatCount } from './time';
import { useSearchResults } from './useSearchResults';
import './search.css';

// The sidebar lists saved searches whatever area is open: the frame imports this module at start,
// so filling the slot here puts the list there from the first render.
fillSlot('sidebar.savedSearches', SavedSearches);

const SHORTCUTS = {
  id: 'search',
  title: 'Search',
  shortcuts: [
    { keys: ['/'], description: 'Focus the query' },
    { keys: ['Enter'], description: 'Search (in the query box) · open the selected hit in the Reader' },
    { keys: ['j', 'k'], description: 'Next / previous hit' },
    { keys: ['Home', 'End'], description: 'First / last hit' },
    { keys: ['c'], description: 'Show or hide the copies of the selected hit' },
    { keys: ['Esc'], description: 'From the query box to the results' },
  ],
};

export function SearchArea() {
  const query = useNav((s) => (s.area === 'search' ? s.query : ''));
  const { sort, collapseCopies } = useSearchPrefs();
  const timeZone = useSettings((s) => s.timeZone);
  const results = useSearchResults({ query, sort, collapseCopies });
  const { head, count, hitAt } = results;

  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [scrollEl, setScrollEl] = useState<HTMLDivElement | null>(null);
  const [selected, setSelected] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  // Results marked for bulk tagging (tags feature); the list's cursor stays `selected`.
  const marks = useMarks(query, `${sort}/${collapseCopies}`, (i) => hitAt(i)?.id);

  const setQuery = useCallback((next: string) => navigate({ area: 'search', query: next }), []);
  const open = useCallback((hit: SearchHit) => navigate({ area: 'reader', itemId: hit.id }), []);
  const toggleCopies = useCallback(
    (hit: SearchHit) =>
      setExpanded((s) => {
        const next = new Set(s);
        if (next.has(hit.id)) next.delete(hit.id);
        else next.add(hit.id);
        return next;
      }),
    [],
  );
  const onFacet = useCallback(
    (field: FilterField, value: string) => setQuery(toggleFieldFilter(query, field, value)),
    [query, setQuery],
  );
  const onTagClick = useCallback(
    (tag: TagRef) => setQuery(toggleFieldFilter(query, 'tag', tag.path || tag.name)),
    [query, setQuery],
  );

  // A new query starts at the top with nothing expanded (a re-run after tagging keeps the place).
  useEffect(() => {
    setSelected(0);
    setExpanded(new Set());
  }, [query, sort, collapseCopies]);

  useEffect(() => registerShortcuts(SHORTCUTS), []);

  useEffect(() => {
    if (query === '') inputRef.current?.focus();
    // Only on arrival: later empty queries are the analyst's own doing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (isTypingTarget(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
        return;
      }
      if (count === 0) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      // Enter on a button or link belongs to it, not to the selected hit.
      const onControl = target !== null && target.closest('button, a, summary, [role="dialog"]') !== null;
      if (e.key === 'j' || (e.key === 'ArrowDown' && target === listRef.current)) {
        e.preventDefault();
        setSelected((i) => Math.min(count - 1, i + 1));
      } else if (e.key === 'k' || (e.key === 'ArrowUp' && target === listRef.current)) {
        e.preventDefault();
        setSelected((i) => Math.max(0, i - 1));
      } else if ((e.key === 'Home' || e.key === 'End') && !onControl) {
        e.preventDefault();
        setSelected(e.key === 'Home' ? 0 : count - 1);
      } else if (e.key === 'Enter' && !onControl) {
        const hit = hitAt(selected);
        if (hit) {
          e.preventDefault();
          open(hit);
        }
      } else if (e.key === 'c' && !onControl) {
        const hit = hitAt(selected);
        if (hit && hit.copies > 0) {
          e.preventDefault();
          toggleCopies(hit);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, hitAt, open, selected, toggleCopies]);

  return (
    <div className="search-area">
      <div className="search-area__top">
        <QueryBox
          ref={inputRef}
          query={query}
          problem={head?.problem ?? null}
          onSubmit={setQuery}
          onLeave={() => listRef.current?.focus()}
        />
        <div className="search-area__tools">
          <div className="segmented" role="group" aria-label="Order">
            <button type="button" aria-pressed={sort === 'relevance'} onClick={() => setSort('relevance')}>
              Relevance
            </button>
            <button type="button" aria-pressed={sort === 'date'} onClick={() => setSort('date')}>
              Date
            </button>
          </div>
          <label className="toggle" title="Show one hit per group of copies, with “+N copies”">
            <input
              type="checkbox"
              checked={collapseCopies}
              onChange={(e) => setCollapseCopies(e.target.checked)}
            />
            Group copies
          </label>
          <SaveSearch query={query} />
          <TranslateResultsButton query={query} disabled={!head || head.total === 0} />
          <button
            type="button"
            className="button"
            disabled={!head || head.total === 0}
            onClick={() => reportOn({ query })}
          >
            Report on these results
          </button>
        </div>
      </div>

      <Summary results={results} query={query} collapseCopies={collapseCopies} />

      {head && query.trim() !== '' && (
        <BulkBar
          control={marks}
          total={head.total}
          current={() => {
            const hit = hitAt(selected);
            return hit ? { index: selected, id: hit.id } : null;
          }}
        />
      )}

      {head && head.timeline.points.length > 0 && (
        <Timeline
          timeline={head.timeline}
          timeZone={timeZone}
          query={query}
          onRange={(from, to) => setQuery(setDateRange(query, from, to))}
          onClear={() => setQuery(clearDateRange(query))}
        />
      )}

      <div className="search-area__body">
        <div className="search-area__scroll" ref={setScrollEl}>
          {query.trim() === '' ? (
            <EmptyQuery />
          ) : (
            <ResultsList
              ref={listRef}
              scrollElement={scrollEl}
              results={results}
              selected={selected}
              expanded={expanded}
              onSelect={setSelected}
              onOpen={open}
              onToggleCopies={toggleCopies}
              onTagClick={onTagClick}
              marked={marks.marks.ids}
              onPick={marks.pick}
            />
          )}
        </div>
        {head && <FacetPanel facets={head.facets} query={query} onToggle={onFacet} />}
      </div>
    </div>
  );
}

function Summary({
  results,
  query,
  collapseCopies,
}: {
  results: ReturnType<typeof useSearchResults>;
  query: string;
  collapseCopies: boolean;
}) {
  const { status, head, error } = results;
  if (query.trim() === '') return null;
  if (status === 'error') {
    return (
      <p className="search-area__summary search-area__summary--error" role="alert">
        Search failed: {error}
      </p>
    );
  }
  if (!head) return <p className="search-area__summary">Searching…</p>;
  const total = `${formatCount(head.total)} ${head.total === 1 ? 'result' : 'results'}`;
  const groups = `${formatCount(head.groups)} ${head.groups === 1 ? 'group' : 'groups'}`;
  return (
    <p className="search-area__summary" aria-live="polite" data-testid="search-summary">
      <strong>{total}</strong>
      {head.total > 0 && <> in {groups}</>}
      {head.total > 0 && !collapseCopies && head.groups !== head.total && (
        <span className="search-area__hint"> · copies listed separately</span>
      )}
      <span className="search-area__took"> · {formatCount(Math.round(head.tookMs))} ms</span>
      {status === 'loading' && <span className="search-area__hint"> · updating…</span>}
      {head.partial && (
        <span className="search-area__hint" data-testid="search-partial">
          {' '}
          · searching… {formatCount(head.loadedSegments ?? 0)} of {formatCount(head.totalSegments ?? 0)}{' '}
          segments loaded
        </span>
      )}
      {head.total === 0 && (
        <span className="search-area__hint"> · try fewer words, a prefix (mobili*) or OR</span>
      )}
    </p>
  );
}

function EmptyQuery() {
  return (
    <div className="search-area__empty">
      <h2>Search everything imported</h2>
      <p>
        Type words or <code>&quot;an exact phrase&quot;</code>, narrow with <code>channel:</code>,{' '}
        <code>lang:uk</code>, <code>kind:article</code>, <code>tag:</code> or{' '}
        <code>date:2023-12-01..2023-12-31</code>, and press Enter. The <kbd>?</kbd> button beside the box
        lists the whole query language.
      </p>
    </div>
  );
}
