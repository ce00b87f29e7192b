// "Open in context": the item within its channel's timeline — the posts just before and after it,
// with the current one marked — loaded on demand.
import { useEffect, useState } from 'react';
import type { ItemDetail, ItemSummary } from '../../../../shared/domain';
import { call } from '../../app/api';
import { ItemCard } from './ItemCard';

const RADIUS = 10;

// Oldest first, whatever order the back end lists the neighbours in.
const byTime = (a: ItemSummary, b: ItemSummary) => (a.publishedAt ?? 0) - (b.publishedAt ?? 0) || a.id - b.id;

export function ContextPanel({ item }: { item: ItemDetail }) {
  const [context, setContext] = useState<{ before: ItemSummary[]; after: ItemSummary[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setContext(null);
    setError(null);
    void call('items.context', { id: item.id, radius: RADIUS }).then((r) => {
      if (!live) return;
      if (r.ok)
        setContext({ before: [...r.value.before].sort(byTime), after: [...r.value.after].sort(byTime) });
      else setError(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [item.id]);

  if (error) return <p className="reader-note reader-note--error">{error}</p>;
  if (!context) return <p className="reader-note">Loading the channel around this post…</p>;
  return (
    <ol
      className="context-list"
      aria-label={`${item.channel ?? item.source} around this item`}
      data-testid="context-list"
    >
      {context.before.map((s) => (
        <li key={s.id}>
          <ItemCard item={s} />
        </li>
      ))}
      <li>
        <ItemCard item={item} current />
      </li>
      {context.after.map((s) => (
        <li key={s.id}>
          <ItemCard item={s} />
        </li>
      ))}
    </ol>
  );
}
