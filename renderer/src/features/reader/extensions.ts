// Extension points of the Reader for the features that build on it — the tag picker, clips and
// notes (tagging) and the side-by-side translation (translation) — so they plug in without
// editing the Reader:
//
//   registerReaderExtension({ id: 'tags', Toolbar: TagPicker, BelowText: NotesPanel });
//   registerReaderExtension({ id: 'translation', SecondColumn: TranslationColumn });
//
// Register once at module load of the feature (as the search feature fills the sidebar slot).
// Each component gets the item and a `reload()` that fetches it again after a change (a tag
// added, a clip saved). The original text is rendered inside an element with
// `data-reader-text="original"` whose pieces carry `data-offset` (see selection.ts), so clips can
// turn a DOM selection into text offsets.
import type { ComponentType } from 'react';
import { create } from 'zustand';
import type { ItemDetail } from '../../../../shared/domain';

export interface ReaderSlotProps {
  item: ItemDetail;
  /** Fetches the item again (after tagging, a note, a clip, a translation). */
  reload(): void;
}

export interface ReaderExtension {
  id: string;
  /** Controls in the Reader's toolbar, e.g. the tag picker or "Translate". */
  Toolbar?: ComponentType<ReaderSlotProps>;
  /** A second column beside the original (the translation). The first extension with one wins. */
  SecondColumn?: ComponentType<ReaderSlotProps>;
  /** Panels under the text, e.g. the note and the clips of the item. */
  BelowText?: ComponentType<ReaderSlotProps>;
  /** Panels at the top of the side column. */
  Aside?: ComponentType<ReaderSlotProps>;
}

const useExtensionStore = create<{ extensions: ReaderExtension[] }>(() => ({ extensions: [] }));

/** Adds (or replaces, by id) a Reader extension; returns the function that removes it. */
export function registerReaderExtension(extension: ReaderExtension): () => void {
  useExtensionStore.setState((s) => ({
    extensions: [...s.extensions.filter((e) => e.id !== extension.id), extension],
  }));
  return () =>
    useExtensionStore.setState((s) => ({ extensions: s.extensions.filter((e) => e !== extension) }));
}

export function useReaderExtensions(): ReaderExtension[] {
  return useExtensionStore((s) => s.extensions);
}
