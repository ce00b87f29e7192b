// The marks (multi-selection) of a Search result list, reset when the query changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_BULK_ITEMS } from '../../../../../shared/api/tags';
import { callOrNotify } from '../../../app/api';
import { notify } from '../../../app/notices';
import { NO_MARKS, markAll, pickHit, toggleMark, type Marks, type PickModifiers } from '../marks';

export interface MarksControl {
  marks: Marks;
  /** A click on the hit at `index` with these modifiers. */
  pick(index: number, modifiers: PickModifiers): void;
  /** `x` or the row's checkbox: flips the hit at `index`. */
  toggle(index: number): void;
  /** Marks every result of the query (asks the back end for all their ids). */
  selectAll(): Promise<void>;
  clear(): void;
  selectingAll: boolean;
}

export function useMarks(
  query: string,
  resetKey: string,
  idAt: (index: number) => number | undefined,
): MarksControl {
  const [marks, setMarks] = useState<Marks>(NO_MARKS);
  const [selectingAll, setSelectingAll] = useState(false);
  const idAtRef = useRef(idAt);
  idAtRef.current = idAt;

  useEffect(() => setMarks(NO_MARKS), [query, resetKey]);

  const pick = useCallback((index: number, modifiers: PickModifiers) => {
    setMarks((m) => pickHit(m, index, modifiers, (i) => idAtRef.current(i)));
  }, []);
  const toggle = useCallback((index: number) => {
    const id = idAtRef.current(index);
    if (id !== undefined) setMarks((m) => toggleMark(m, index, id));
  }, []);
  const clear = useCallback(() => setMarks(NO_MARKS), []);
  const selectAll = useCallback(async () => {
    setSelectingAll(true);
    const value = await callOrNotify('search.ids', { query }, 'select every result');
    setSelectingAll(false);
    if (!value) return;
    if (value.ids.length > MAX_BULK_ITEMS) {
      notify({
        kind: 'warning',
        title: 'Too many results to tag at once',
        message: `One action tags at most ${MAX_BULK_ITEMS.toLocaleString()} items; narrow the query.`,
      });
      return;
    }
    setMarks(markAll(query, value.ids, value.ids.length));
  }, [query]);

  return { marks, pick, toggle, selectAll, clear, selectingAll };
}
