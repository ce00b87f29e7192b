// Saved searches (watchlists) as the sidebar and the Search area share them. The back end counts
// new matches after each import and says so with `saved.changed`; the list is reloaded then, when
// the workspace changes, and after the analyst creates, opens or removes one.
import { create } from 'zustand';
import type { SavedSearch } from '../../../../shared/domain';
import { call, callOrNotify, subscribe } from '../../app/api';
import { navigate } from '../../app/nav';

interface SavedStore {
  list: SavedSearch[];
  loaded: boolean;
  error: string | null;
}

const useSavedStore = create<SavedStore>(() => ({ list: [], loaded: false, error: null }));

let generation = 0;

export async function refreshSaved(): Promise<void> {
  const mine = ++generation;
  const result = await call('saved.list', {});
  // A slower, older answer must not overwrite a newer one.
  if (mine !== generation) return;
  if (result.ok) useSavedStore.setState({ list: result.value, loaded: true, error: null });
  else useSavedStore.setState({ loaded: true, error: result.error.message });
}

/** Keeps the list current while something shows it; returns the unsubscribe function. */
export function trackSaved(): () => void {
  void refreshSaved();
  const offSaved = subscribe('saved.changed', () => void refreshSaved());
  const offWorkspace = subscribe('workspace.changed', () => void refreshSaved());
  return () => {
    offSaved();
    offWorkspace();
  };
}

export function useSavedSearches(): SavedStore {
  return useSavedStore();
}

export async function createSaved(name: string, query: string): Promise<SavedSearch | null> {
  const saved = await callOrNotify('saved.create', { name, query }, 'save the search');
  if (saved) await refreshSaved();
  return saved;
}

/** Runs a saved search and marks it opened (its new-match count drops to zero). */
export async function openSaved(saved: SavedSearch): Promise<void> {
  navigate({ area: 'search', query: saved.query });
  await callOrNotify('saved.open', { id: saved.id }, `open “${saved.name}”`);
  await refreshSaved();
}

export async function removeSaved(saved: SavedSearch): Promise<void> {
  await callOrNotify('saved.remove', { id: saved.id }, `remove “${saved.name}”`);
  await refreshSaved();
}
