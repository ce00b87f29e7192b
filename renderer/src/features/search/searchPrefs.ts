// How the analyst likes results listed (order, copies grouped). Kept for the session, across
// queries, so refining a query does not reset them.
import { create } from 'zustand';

export interface SearchPrefs {
  sort: 'relevance' | 'date';
  collapseCopies: boolean;
}

export const useSearchPrefs = create<SearchPrefs>(() => ({ sort: 'relevance', collapseCopies: true }));

export function setSort(sort: SearchPrefs['sort']): void {
  useSearchPrefs.setState({ sort });
}

export function setCollapseCopies(collapseCopies: boolean): void {
  useSearchPrefs.setState({ collapseCopies });
}
