// The other items grouped with a hit as exact or near copies (a forward, a feed entry linking to a
// saved article, a CSV row about it). Loaded on demand: most hits are never expanded.
import { useEffect, useState } from 'react';
import type { ItemDetail } from '../../../../shared/domain';
import { call } from '../../app/api';
import { navigate } from '../../app/nav';
import { ItemTime } from './ItemTime';
import { kindLabel } from './labels';

type Copies = ItemDetail['copies'];

export function CopiesList({ itemId }: { itemId: number }) {
  const [copies, setCopies] = useState<Copies | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void call('items.get', { id: itemId }).then((r) => {
      if (!live) return;
      if (r.ok) setCopies(r.value.copies);
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [itemId]);

  if (error) return <p className="copies copies--error">{error}</p>;
  if (!copies) return <p className="copies copies--loading">Loading copies…</p>;
  return <CopyRows copies={copies} />;
}

export function CopyRows({ copies }: { copies: Copies }) {
  if (copies.length === 0) return <p className="copies copies--empty">No copies.</p>;
  return (
    <ul className="copies" aria-label="Copies">
      {copies.map((c) => (
        <li key={c.id} className="copies__row">
          <button
            type="button"
            className="copies__open"
            onClick={() => navigate({ area: 'reader', itemId: c.id })}
          >
            <span className={`badge badge--${c.similarity}`}>
              {c.similarity === 'exact' ? 'exact copy' : 'near copy'}
            </span>
            <span className="copies__title">{c.title || c.excerpt || `Item ${c.id}`}</span>
            <span className="copies__meta">
              {kindLabel(c.kind)} · {c.channel ?? c.source}
            </span>
            <ItemTime ms={c.publishedAt} zoneUnknown={c.timeZoneUnknown} />
          </button>
        </li>
      ))}
    </ul>
  );
}
