// The Reader's translation state, shared by the toolbar (Translate, layout) and the second column
// (the text, editing, highlights): the item's translation per target language, whether a
// translation is running, the sentences under the mouse or selection, and the engine setup.
import { create } from 'zustand';
import type { EnginesInfo, ItemTranslation } from '../../../../shared/api/translate';
import { call } from '../../app/api';
import type { Side } from './alignment';

export interface TranslationEntry {
  translation: ItemTranslation | null;
  loading: boolean;
  /** A translate.item call is running. */
  translating: boolean;
  /** The last failure (loading, translating or saving an edit), as the back end worded it. */
  error: string | null;
  /** How the last machine translation went, to say "3 from memory, 2 from Apertium". */
  lastRun: ItemTranslation['stats'];
}

/** Sentences the analyst points at: hovered or selected on one side, highlighted on the other. */
export interface ActiveSentences {
  itemId: number;
  from: Side;
  /** Positions in the translation's segments array. */
  sentences: number[];
}

interface Store {
  entries: Record<string, TranslationEntry>;
  engines: EnginesInfo | null;
  active: ActiveSentences | null;
}

const EMPTY: TranslationEntry = {
  translation: null,
  loading: false,
  translating: false,
  error: null,
  lastRun: null,
};

export const useTranslationStore = create<Store>(() => ({ entries: {}, engines: null, active: null }));

const keyOf = (itemId: number, to: string) => `${itemId}:${to}`;

function patch(itemId: number, to: string, change: Partial<TranslationEntry>): void {
  const key = keyOf(itemId, to);
  useTranslationStore.setState((s) => ({
    entries: { ...s.entries, [key]: { ...(s.entries[key] ?? EMPTY), ...change } },
  }));
}

export function useTranslationEntry(itemId: number, to: string): TranslationEntry {
  return useTranslationStore((s) => s.entries[keyOf(itemId, to)] ?? EMPTY);
}

const loading = new Set<string>();

/** Fetches the stored translation (or the untranslated skeleton). Concurrent asks share one call. */
export async function loadTranslation(itemId: number, to: string): Promise<void> {
  const key = keyOf(itemId, to);
  if (loading.has(key)) return;
  loading.add(key);
  patch(itemId, to, { loading: true });
  const result = await call('translate.get', { itemId, to });
  loading.delete(key);
  if (result.ok) patch(itemId, to, { translation: result.value, loading: false, error: null });
  else patch(itemId, to, { loading: false, error: result.error.message });
}

/** Translates the item now with the configured engine; edited sentences are kept by the back end. */
export async function translateNow(itemId: number, to: string): Promise<boolean> {
  patch(itemId, to, { translating: true, error: null });
  const result = await call('translate.item', { itemId, to });
  if (result.ok) {
    patch(itemId, to, { translation: result.value, translating: false, lastRun: result.value.stats });
    return true;
  }
  patch(itemId, to, { translating: false, error: result.error.message });
  return false;
}

/** Saves one sentence typed by the analyst (index -1: the title); an empty text clears the edit. */
export async function saveSentence(
  itemId: number,
  to: string,
  index: number,
  text: string,
): Promise<boolean> {
  const result = await call('translate.editSegment', { itemId, to, index, text });
  if (result.ok) {
    patch(itemId, to, { translation: result.value, error: null });
    return true;
  }
  patch(itemId, to, { error: result.error.message });
  return false;
}

export function clearTranslationError(itemId: number, to: string): void {
  patch(itemId, to, { error: null });
}

/** The engine setup (without asking the engine for its pairs: the Reader must not wait on it). */
export async function loadEngines(): Promise<void> {
  const result = await call('translate.engines', { pairs: false });
  if (result.ok) useTranslationStore.setState({ engines: result.value });
}

export function useEngines(): EnginesInfo | null {
  return useTranslationStore((s) => s.engines);
}

export function setActive(active: ActiveSentences | null): void {
  const current = useTranslationStore.getState().active;
  if (
    current === active ||
    (current &&
      active &&
      current.itemId === active.itemId &&
      current.from === active.from &&
      current.sentences.join() === active.sentences.join())
  )
    return;
  useTranslationStore.setState({ active });
}

export function useActive(itemId: number): ActiveSentences | null {
  return useTranslationStore((s) => (s.active?.itemId === itemId ? s.active : null));
}
