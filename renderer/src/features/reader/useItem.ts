// Loads one item for the Reader, again when the workspace changes (a tag, a translation) or when
// an extension asks for it after its own change.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import type { ItemDetail } from '../../../../shared/domain';
import { call, subscribe } from '../../app/api';

export interface ItemState {
  item: ItemDetail | null;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

export function useItem(itemId: number | null): ItemState {
  const [state, setState] = useState<{ item: ItemDetail | null; error: ApiError | null; loading: boolean }>({
    item: null,
    error: null,
    loading: itemId !== null,
  });
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    const offs = [
      subscribe('workspace.changed', reload),
      subscribe('tags.changed', (e) => {
        if (itemId !== null && (e.itemIds === null || e.itemIds.includes(itemId) || e.what === 'tree'))
          reload();
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [reload, itemId]);

  useEffect(() => {
    if (itemId === null) {
      setState({ item: null, error: null, loading: false });
      return;
    }
    let live = true;
    // Keep showing the item while it reloads; a different item clears the page first.
    setState((s) =>
      s.item?.id === itemId ? { ...s, loading: true } : { item: null, error: null, loading: true },
    );
    void call('items.get', { id: itemId }).then((r) => {
      if (!live) return;
      setState(
        r.ok
          ? { item: r.value, error: null, loading: false }
          : { item: null, error: r.error, loading: false },
      );
    });
    return () => {
      live = false;
    };
  }, [itemId, reloads]);

  return { ...state, reload };
}
