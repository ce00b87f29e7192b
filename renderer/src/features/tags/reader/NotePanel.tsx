// The item's note, under its text: free text saved as the analyst types (after a pause) and when
// the field loses focus; an emptied note is deleted. Searchable with `has:note`.
import { useEffect, useRef, useState } from 'react';
import { call } from '../../../app/api';
import type { ReaderSlotProps } from '../../reader/extensions';

const SAVE_DELAY_MS = 800;

type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function NotePanel({ item }: ReaderSlotProps) {
  const [body, setBody] = useState(item.note ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(item.note ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(body);
  latest.current = body;

  // A note changed elsewhere (another window, the CLI) shows up here unless the analyst is editing.
  useEffect(() => {
    const incoming = item.note ?? '';
    if (latest.current === saved.current && incoming !== saved.current) {
      saved.current = incoming;
      setBody(incoming);
    }
  }, [item.note]);

  const save = async () => {
    clearTimeout(timer.current);
    const text = latest.current;
    if (text === saved.current) return;
    setState({ kind: 'saving' });
    const r = await call('notes.set', { itemId: item.id, body: text });
    if (!r.ok) {
      setState({ kind: 'failed', message: r.error.message });
      return;
    }
    saved.current = r.value.body ?? '';
    setState({ kind: 'saved' });
  };
  const saveRef = useRef(save);
  saveRef.current = save;

  // Leaving the item (or the Reader) saves what was typed.
  useEffect(() => () => void saveRef.current(), []);

  return (
    <section className="note-panel" aria-label="Note">
      <div className="note-panel__head">
        <h2 className="aside-section__title">
          <label htmlFor={`note-${item.id}`}>Note</label>
        </h2>
        <span className="note-panel__state" role="status" data-testid="note-state">
          {state.kind === 'saving'
            ? 'Saving…'
            : state.kind === 'saved'
              ? 'Saved'
              : state.kind === 'failed'
                ? `Not saved: ${state.message}`
                : ''}
        </span>
      </div>
      <textarea
        id={`note-${item.id}`}
        className="input note-panel__text"
        rows={Math.min(12, Math.max(3, body.split('\n').length + 1))}
        placeholder="What matters about this item… (saved as you type)"
        value={body}
        maxLength={1_000_000}
        onChange={(e) => {
          setBody(e.target.value);
          setState({ kind: 'idle' });
          clearTimeout(timer.current);
          timer.current = setTimeout(() => void saveRef.current(), SAVE_DELAY_MS);
        }}
        onBlur={() => void save()}
        onKeyDown={(e) => {
          // Esc leaves the field (and saves), so the Reader's keys work again.
          if (e.key === 'Escape') e.currentTarget.blur();
        }}
      />
    </section>
  );
}
