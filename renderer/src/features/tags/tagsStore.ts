// The workspace's tags as the whole UI sees them (the Tags area, the pinned-key buttons, pickers
// that show counts). Loaded on first use and again whenever tagging changes something; the
// back end's 'tags.changed' event says when.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { TagNode } from '../../../../shared/domain';
import { call, subscribe } from '../../app/api';

interface TagsStore {
  tags: TagNode[];
  loaded: boolean;
  error: string | null;
}

const useTagsStore = create<TagsStore>(() => ({ tags: [], loaded: false, error: null }));

let generation = 0;

export async function reloadTags(): Promise<void> {
  const gen = ++generation;
  const result = await call('tags.list', {});
  // An older answer arriving after a newer one must not overwrite it.
  if (gen !== generation) return;
  useTagsStore.setState(
    result.ok
      ? { tags: result.value, loaded: true, error: null }
      : { loaded: true, error: result.error.message },
  );
}

let users = 0;
let stop: (() => void) | null = null;

function track(): () => void {
  users += 1;
  if (users === 1) {
    void reloadTags();
    const offs = [
      // Item counts change with items' tags too, so every kind of change reloads (it is one query).
      subscribe('tags.changed', () => void reloadTags()),
      subscribe('workspace.changed', (e) => {
        if (e.reason !== 'tagged') void reloadTags();
      }),
      subscribe('settings.changed', () => void reloadTags()),
    ];
    stop = () => offs.forEach((off) => off());
  }
  return () => {
    users -= 1;
    if (users === 0) {
      stop?.();
      stop = null;
    }
  };
}

/** The tag list, kept current while any component uses it. */
export function useTags(): TagsStore {
  useEffect(() => track(), []);
  return useTagsStore();
}

/** The tags pinned to keys 1–9 (index 0 is key 1), from the tag list. */
export function pinnedByKey(tags: readonly TagNode[]): (TagNode | null)[] {
  const keys: (TagNode | null)[] = Array.from({ length: 9 }, () => null);
  for (const tag of tags)
    if (tag.pinnedKey !== null && tag.pinnedKey >= 1 && tag.pinnedKey <= 9) keys[tag.pinnedKey - 1] = tag;
  return keys;
}
