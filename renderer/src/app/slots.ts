// Places in the frame that features fill without the frame importing them. Today: the sidebar's
// "Saved searches" section (the search feature registers its list there).
import type { ComponentType } from 'react';
import { create } from 'zustand';

export type SlotName = 'sidebar.savedSearches';

interface SlotStore {
  slots: Partial<Record<SlotName, ComponentType>>;
}

const useSlotStore = create<SlotStore>(() => ({ slots: {} }));

/** Puts a component into a slot (replacing what was there); returns the function that removes it. */
export function fillSlot(name: SlotName, component: ComponentType): () => void {
  useSlotStore.setState((s) => ({ slots: { ...s.slots, [name]: component } }));
  return () =>
    useSlotStore.setState((s) => {
      if (s.slots[name] !== component) return s;
      const { [name]: _gone, ...rest } = s.slots;
      return { slots: rest };
    });
}

export function useSlot(name: SlotName): ComponentType | null {
  return useSlotStore((s) => s.slots[name] ?? null);
}
