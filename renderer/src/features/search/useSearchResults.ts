// Loads a query's results page by page as the list scrolls. The first page brings the counts,
// facets, timeline and any query problem; later pages only fill in hits. A newer query (or a
// re-run after an import) discards answers to older ones, so results never arrive out of order.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../../../shared/domain';
import { call, subscribe } from '../../app/api';

export const PAGE_SIZE = 100;

export interface SearchParams {
  query: string;
  sort: 'relevance' | 'date';
  collapseCopies: boolean;
}

export interface SearchResults {
  status: 'empty' | 'loading' | 'ready' | 'error';
  /** The first page's answer: totals, facets, timeline, problem. */
  head: SearchResult | null;
  error: string | null;
  /** Rows in the list: groups when copies are collapsed, items otherwise. */
  count: number;
  hitAt(index: number): SearchHit | undefined;
  /** Asks for the pages covering [start, end] (called by the list as it scrolls). */
  ensure(start: number, end: number): void;
}

interface State {
  status: SearchResults['status'];
  head: SearchResult | null;
  error: string | null;
  count: number;
  pages: ReadonlyMap<number, SearchHit[]>;
}

const EMPTY: State = { status: 'empty', head: null, error: null, count: 0, pages: new Map() };

export function useSearchResults(params: SearchParams): SearchResults {
  const { query, sort, collapseCopies } = params;
  const [state, setState] = useState<State>(EMPTY);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);
  const inflight = useRef(new Set<number>());

  // New content in the workspace (an import, tagging, a translation) can change any result, and so
  // does the index finishing loading after a partial answer (search.ready).
  useEffect(() => {
    const rerun = () => setReloads((n) => n + 1);
    const offs = [
      subscribe('workspace.changed', rerun),
      subscribe('tags.changed', rerun),
      subscribe('search.ready', rerun),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      inflight.current.add(page);
      const result = await call('search.query', {
        query,
        sort,
        collapseCopies,
        offset: page * PAGE_SIZE,
        limit: PAGE_SIZE,
        timelineBucket: 'auto',
      });
      if (gen !== generation.current) return;
      inflight.current.delete(page);
      if (!result.ok) {
        if (page === 0) setState({ ...EMPTY, status: 'error', error: result.error.message });
        return;
      }
      const value = result.value;
      setState((s) => {
        const pages = new Map(page === 0 ? [] : s.pages);
        pages.set(page, value.hits);
        if (page === 0) {
          const count = collapseCopies ? value.groups : value.total;
          // A short first page means the result ends there, whatever the counts said.
          const known = value.hits.length < PAGE_SIZE ? Math.min(count, value.hits.length) : count;
          return { status: 'ready', head: value, error: null, count: known, pages };
        }
        const count =
          value.hits.length < PAGE_SIZE ? Math.min(s.count, page * PAGE_SIZE + value.hits.length) : s.count;
        return { ...s, count, pages };
      });
    },
    [query, sort, collapseCopies],
  );

  useEffect(() => {
    const gen = ++generation.current;
    inflight.current = new Set();
    if (query.trim() === '') {
      setState(EMPTY);
      return;
    }
    // Keep the previous results on screen while the new ones load: less flicker while refining.
    setState((s) => ({ ...s, status: 'loading' }));
    void fetchPage(0, gen);
  }, [fetchPage, query, reloads]);

  const { pages } = state;
  const hitAt = useCallback(
    (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [pages],
  );

  const ensure = useCallback(
    (start: number, end: number) => {
      if (state.status !== 'ready') return;
      const gen = generation.current;
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page += 1) {
        if (page * PAGE_SIZE >= state.count) break;
        if (!pages.has(page) && !inflight.current.has(page)) void fetchPage(page, gen);
      }
    },
    [fetchPage, pages, state.count, state.status],
  );

  return { status: state.status, head: state.head, error: state.error, count: state.count, hitAt, ensure };
}
