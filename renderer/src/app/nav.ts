// Where the analyst is: one area of the app and that area's parameters. The state lives in a small
// zustand store and is mirrored in location.hash (`#/search?q=…`, `#/reader?item=12`) so Back and
// Forward work and a reload keeps the place. A `#token=…` hash belongs to the browser-mode bridge
// and is never parsed or overwritten here.
import { create } from 'zustand';

export const AREAS = ['library', 'search', 'reader', 'tags', 'reports', 'settings'] as const;
export type Area = (typeof AREAS)[number];

export type NavState =
  | { area: 'library' }
  | { area: 'search'; query: string }
  | { area: 'reader'; itemId: number | null }
  | { area: 'tags'; tagId: number | null }
  | { area: 'reports' }
  | { area: 'settings'; section: string | null };

/** A place to go: a full state, or just an area (which reopens that area where it was left). */
export type NavTarget = NavState | Area;

export function isArea(value: string): value is Area {
  return (AREAS as readonly string[]).includes(value);
}

/** The state an area opens with when it has not been visited yet. */
export function defaultState(area: Area): NavState {
  switch (area) {
    case 'library':
      return { area };
    case 'search':
      return { area, query: '' };
    case 'reader':
      return { area, itemId: null };
    case 'tags':
      return { area, tagId: null };
    case 'reports':
      return { area };
    case 'settings':
      return { area, section: null };
  }
}

export const HOME: NavState = { area: 'library' };

function positiveInt(value: string | null): number | null {
  if (value === null || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * Reads a location hash (with or without the leading `#`). Returns null for a hash that is not
 * navigation — empty, a `#token=…` hand-over, or an unknown area — so the caller keeps its state.
 */
export function parseHash(hash: string): NavState | null {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!raw.startsWith('/')) return null;
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw.slice(1) : raw.slice(1, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
  let area: string;
  try {
    area = decodeURIComponent(path.replace(/\/+$/, ''));
  } catch {
    return null;
  }
  if (!isArea(area)) return null;
  switch (area) {
    case 'library':
    case 'reports':
      return { area };
    case 'search':
      return { area, query: params.get('q') ?? '' };
    case 'reader':
      return { area, itemId: positiveInt(params.get('item')) };
    case 'tags':
      return { area, tagId: positiveInt(params.get('tag')) };
    case 'settings':
      return { area, section: params.get('section') || null };
  }
}

/** Writes a state as a hash (with the leading `#`); parameters at their defaults are left out. */
export function formatHash(state: NavState): string {
  const params = new URLSearchParams();
  switch (state.area) {
    case 'search':
      if (state.query !== '') params.set('q', state.query);
      break;
    case 'reader':
      if (state.itemId !== null) params.set('item', String(state.itemId));
      break;
    case 'tags':
      if (state.tagId !== null) params.set('tag', String(state.tagId));
      break;
    case 'settings':
      if (state.section) params.set('section', state.section);
      break;
    default:
      break;
  }
  const query = params.toString();
  return `#/${state.area}${query ? `?${query}` : ''}`;
}

export function sameState(a: NavState, b: NavState): boolean {
  return formatHash(a) === formatHash(b);
}

interface NavStore {
  current: NavState;
  /** The last state of every visited area, so going back to Search finds the last query. */
  lastByArea: Partial<Record<Area, NavState>>;
  /** Bumped when the area changes by keyboard, so the frame can move focus into the new area. */
  focusRequest: number;
}

const hasWindow = typeof window !== 'undefined';

function initialState(): NavState {
  return (hasWindow && parseHash(window.location.hash)) || HOME;
}

const initial = initialState();

const useNavStore = create<NavStore>(() => ({
  current: initial,
  lastByArea: { [initial.area]: initial },
  focusRequest: 0,
}));

function resolve(target: NavTarget): NavState {
  if (typeof target !== 'string') return target;
  return useNavStore.getState().lastByArea[target] ?? defaultState(target);
}

function apply(state: NavState): void {
  useNavStore.setState((s) => ({ current: state, lastByArea: { ...s.lastByArea, [state.area]: state } }));
}

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (e.g. while typing a query). */
  replace?: boolean;
  /** Move keyboard focus into the area after it opens (used by keyboard shortcuts). */
  focus?: boolean;
}

/** Goes somewhere: updates the store and the address, adding a history entry unless `replace`. */
export function navigate(target: NavTarget, options: NavigateOptions = {}): void {
  const next = resolve(target);
  apply(next);
  if (options.focus) useNavStore.setState((s) => ({ focusRequest: s.focusRequest + 1 }));
  if (!hasWindow) return;
  const hash = formatHash(next);
  if (window.location.hash === hash) return;
  const url = `${window.location.pathname}${window.location.search}${hash}`;
  if (options.replace) window.history.replaceState(window.history.state, '', url);
  else window.history.pushState(window.history.state, '', url);
}

/** The current place. `useNav()` re-renders on every change; pass a selector to narrow it. */
export function useNav(): NavState;
export function useNav<T>(selector: (state: NavState) => T): T;
export function useNav<T>(selector?: (state: NavState) => T): T | NavState {
  return useNavStore((s) => (selector ? selector(s.current) : s.current));
}

export function getNav(): NavState {
  return useNavStore.getState().current;
}

export function useFocusRequest(): number {
  return useNavStore((s) => s.focusRequest);
}

if (hasWindow) {
  // Back/Forward and hand-edited addresses. pushState fires neither event, so our own navigations
  // do not come back here.
  const follow = () => {
    const state = parseHash(window.location.hash);
    if (state && !sameState(state, useNavStore.getState().current)) apply(state);
  };
  window.addEventListener('popstate', follow);
  window.addEventListener('hashchange', follow);
}
