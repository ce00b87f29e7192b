// The bar above Search results for tagging many at once: how many are selected, "Select all N
// results of this query", and add or remove a tag over the selection in one action (one
// transaction; beyond a thousand items it runs as a job whose progress shows in the status bar).
// Without a selection, `t` and the digit keys act on the selected hit alone.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TagNode } from '../../../../../shared/domain';
import { isPlainKey, useTaggingKeys } from '../keys';
import { bulkTag, formatItems, toggleTag } from '../actions';
import { markedIds } from '../marks';
import { TagPicker } from '../TagPicker';
import type { MarksControl } from './useMarks';

interface Props {
  control: MarksControl;
  /** The number of items the query matches (copies included). */
  total: number;
  /** The list's cursor: its index and the item there. */
  current: () => { index: number; id: number } | null;
}

type Mode = 'add' | 'remove';

const count = new Intl.NumberFormat();

export function BulkBar({ control, total, current }: Props) {
  const { marks, selectAll, clear, toggle, selectingAll } = control;
  const [picker, setPicker] = useState<Mode | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const selected = marks.ids.size;
  const currentRef = useRef(current);
  currentRef.current = current;

  const openPicker = useCallback(() => setPicker('add'), []);
  useTaggingKeys(() => currentRef.current()?.id ?? null, openPicker);

  // `x` marks the current hit; Esc drops the marks.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isPlainKey(e)) return;
      if (e.key === 'x' && !e.shiftKey) {
        const here = currentRef.current();
        if (!here) return;
        e.preventDefault();
        toggle(here.index);
      } else if (e.key === 'Escape' && marks.ids.size > 0) {
        e.preventDefault();
        clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [toggle, clear, marks]);

  const apply = async (mode: Mode, tag: TagNode) => {
    setPicker(null);
    if (selected === 0) {
      // Nothing marked: the picker tags the hit under the cursor.
      const here = currentRef.current();
      if (here) await toggleTag(here.id, tag);
      return;
    }
    const ids = markedIds(marks);
    setBusy(
      mode === 'add'
        ? `Tagging ${formatItems(ids.length)} with ${tag.path}…`
        : `Removing ${tag.path} from ${formatItems(ids.length)}…`,
    );
    await bulkTag(mode, ids, tag);
    setBusy(null);
  };
  const closePicker = useCallback(() => setPicker(null), []);

  if (total === 0) return null;
  const allSelected = marks.allOf !== null && selected === marks.allOf.total;
  return (
    <div
      className={`bulk-bar${selected > 0 ? ' bulk-bar--active' : ''}`}
      role="toolbar"
      aria-label="Bulk tagging"
      data-testid="bulk-bar"
    >
      <span className="bulk-bar__count" aria-live="polite" data-testid="bulk-count">
        {selected > 0
          ? allSelected
            ? `All ${count.format(selected)} results selected`
            : `${count.format(selected)} selected`
          : 'Select with x, Shift- or Ctrl-click'}
      </span>
      {!allSelected && (
        <button
          type="button"
          className="toolbar-button"
          disabled={selectingAll || busy !== null}
          onClick={() => void selectAll()}
        >
          {selectingAll ? 'Selecting…' : `Select all ${count.format(total)} results of this query`}
        </button>
      )}
      <span className="bulk-bar__picker">
        <button
          type="button"
          className="toolbar-button"
          aria-expanded={picker === 'add'}
          aria-keyshortcuts="t"
          disabled={busy !== null}
          title={selected > 0 ? 'Add a tag to every selected result (t)' : 'Tag the selected hit (t)'}
          onClick={() => setPicker((p) => (p === 'add' ? null : 'add'))}
        >
          {selected > 0 ? 'Add tag…' : 'Tag…'}
        </button>
        {picker === 'add' && (
          <TagPicker
            label={selected > 0 ? `Add a tag to ${formatItems(selected)}` : 'Tag the selected hit'}
            onClose={closePicker}
            onPick={(tag) => void apply('add', tag)}
          />
        )}
      </span>
      {selected > 0 && (
        <span className="bulk-bar__picker">
          <button
            type="button"
            className="toolbar-button"
            aria-expanded={picker === 'remove'}
            disabled={busy !== null}
            onClick={() => setPicker((p) => (p === 'remove' ? null : 'remove'))}
          >
            Remove tag…
          </button>
          {picker === 'remove' && (
            <TagPicker
              label={`Remove a tag from ${formatItems(selected)}`}
              allowCreate={false}
              onClose={closePicker}
              onPick={(tag) => void apply('remove', tag)}
            />
          )}
        </span>
      )}
      {selected > 0 && (
        <button
          type="button"
          className="toolbar-button"
          disabled={busy !== null}
          onClick={clear}
          title="Clear the selection (Esc)"
        >
          Clear
        </button>
      )}
      {busy && (
        <span className="bulk-bar__busy" role="status">
          {busy}
        </span>
      )}
    </div>
  );
}
