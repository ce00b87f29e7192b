// Typing or correcting one sentence's translation in place. Enter saves, Escape gives up, leaving
// the field saves what changed. An analyst's sentence is marked edited and machine translation
// never overwrites it; saving it empty hands the sentence back to the engine.
import { useEffect, useRef, useState } from 'react';

interface Props {
  initial: string;
  label: string;
  /** Resolves false when the save failed (the field stays open with the text). */
  onSave(text: string): Promise<boolean>;
  onClose(): void;
}

export function SentenceEditor({ initial, label, onSave, onClose }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [busy, setBusy] = useState(false);
  const done = useRef(false);

  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);

  // A ref, not the `busy` state: Enter disables the field, which blurs it, and that blur's commit
  // runs before a re-render could show the state.
  const saving = useRef(false);

  const commit = async () => {
    if (done.current || saving.current) return;
    const text = ref.current?.value ?? '';
    // Nothing changed: nothing to store, and an untouched machine sentence stays unmarked.
    if (text.trim() === initial.trim()) {
      done.current = true;
      onClose();
      return;
    }
    saving.current = true;
    setBusy(true);
    const saved = await onSave(text.replace(/\s+/g, ' ').trim());
    saving.current = false;
    setBusy(false);
    if (saved) {
      done.current = true;
      onClose();
    }
  };

  return (
    <textarea
      ref={ref}
      className="sentence-editor"
      aria-label={label}
      defaultValue={initial}
      rows={1}
      disabled={busy}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
          e.preventDefault();
          void commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          done.current = true;
          onClose();
        }
      }}
      onBlur={() => void commit()}
    />
  );
}
