// A compact line for a related item (the post replied to, a reply, a neighbour in the channel):
// clicking it opens that item in the Reader.
import type { ItemSummary } from '../../../../shared/domain';
import { navigate } from '../../app/nav';
import { ItemTime } from '../search/ItemTime';

export function ItemCard({ item, current = false }: { item: ItemSummary; current?: boolean }) {
  const text = item.title?.trim() || item.excerpt.trim() || `Item ${item.id}`;
  return (
    <button
      type="button"
      className={`item-card${current ? ' is-current' : ''}`}
      aria-current={current ? 'true' : undefined}
      disabled={current}
      onClick={() => navigate({ area: 'reader', itemId: item.id })}
    >
      <span className="item-card__meta">
        <ItemTime ms={item.publishedAt} zoneUnknown={item.timeZoneUnknown} />
        {item.author && item.author !== item.channel && (
          <span className="item-card__author">{item.author}</span>
        )}
      </span>
      <span className="item-card__text">{text}</span>
    </button>
  );
}
