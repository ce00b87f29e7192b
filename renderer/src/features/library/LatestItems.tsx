// The newest items of the workspace (by publication time); a click opens one in the Reader.
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../../shared/domain';
import { call } from '../../app/api';
import { navigate } from '../../app/nav';
import { useImportFlow } from './importFlow';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const LIMIT = 30;

export function LatestItems() {
  const revision = useImportFlow((s) => s.revision);
  const [items, setItems] = useState<SearchHit[] | null>(null);
  const [total, setTotal] = useState(0);
  useEffect(() => {
    let live = true;
    void call('search.query', {
      query: '',
      sort: 'date',
      limit: LIMIT,
      offset: 0,
      collapseCopies: false,
    }).then((res) => {
      if (!live) return;
      setItems(res.ok ? res.value.hits : []);
      setTotal(res.ok ? res.value.total : 0);
    });
    return () => {
      live = false;
    };
  }, [revision]);
  if (!items || items.length === 0) return null;
  return (
    <section className="library-section" aria-labelledby="latest-items-title">
      <h2 id="latest-items-title" className="library-section__title">
        Latest items <span className="muted">({total})</span>
      </h2>
      <ul className="latest-items" aria-label="Latest items">
        {items.map((item) => (
          <li key={item.id}>
            <button
              type="button"
              className="latest-items__item"
              onClick={() => navigate({ area: 'reader', itemId: item.id })}
            >
              <span className="latest-items__meta">
                <span className="latest-items__channel">{item.channel ?? item.source}</span>
                {item.publishedAt !== null && (
                  <time dateTime={new Date(item.publishedAt).toISOString()}>
                    {when.format(item.publishedAt)}
                  </time>
                )}
                {item.lang && <span className="latest-items__lang">{item.lang}</span>}
              </span>
              <span className="latest-items__text">
                {item.title ?? (item.excerpt || item.snippet || '(no text)')}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
