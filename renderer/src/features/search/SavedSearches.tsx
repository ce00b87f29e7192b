// The sidebar's "Saved searches" list: each watchlist with the count of matches that arrived since
// it was last opened. Clicking one runs it in the Search area and resets its count. The frame's
// sidebar section gives the heading; this fills its slot (registered by SearchArea.tsx).
import { useEffect, useState } from 'react';
import type { SavedSearch } from '../../../../shared/domain';
import { useNav } from '../../app/nav';
import { formatCount } from './time';
import { openSaved, removeSaved, trackSaved, useSavedSearches } from './savedSearches';
import './saved.css';

export function SavedSearches() {
  const { list, loaded, error } = useSavedSearches();
  const currentQuery = useNav((s) => (s.area === 'search' ? s.query : null));
  const [confirming, setConfirming] = useState<number | null>(null);

  useEffect(() => trackSaved(), []);

  return (
    <nav className="saved-searches" aria-label="Saved searches">
      {error && (
        <p className="saved-searches__empty" role="alert">
          {error}
        </p>
      )}
      {loaded && !error && list.length === 0 && (
        <p className="saved-searches__empty">Save a search to watch it for new matches.</p>
      )}
      <ul className="saved-searches__list">
        {list.map((s: SavedSearch) => (
          <li key={s.id} className="saved-searches__row" data-testid="saved-search">
            <button
              type="button"
              className="saved-searches__open"
              aria-current={currentQuery === s.query ? 'true' : undefined}
              title={`${s.query}\n${formatCount(s.total)} matches`}
              onClick={() => {
                setConfirming(null);
                void openSaved(s);
              }}
            >
              <span className="saved-searches__name">{s.name}</span>
              {s.newCount > 0 ? (
                <span
                  className="saved-searches__new"
                  aria-label={`${s.newCount} new matches`}
                  data-testid="saved-new-count"
                >
                  {formatCount(s.newCount)}
                </span>
              ) : (
                <span className="saved-searches__total" aria-label={`${s.total} matches, none new`}>
                  {formatCount(s.total)}
                </span>
              )}
            </button>
            <button
              type="button"
              className={`saved-searches__remove${confirming === s.id ? ' is-confirming' : ''}`}
              aria-label={confirming === s.id ? `Confirm removing ${s.name}` : `Remove ${s.name}`}
              title={confirming === s.id ? 'Click again to remove' : 'Remove'}
              onBlur={() => setConfirming((c) => (c === s.id ? null : c))}
              onClick={() => {
                if (confirming === s.id) {
                  setConfirming(null);
                  void removeSaved(s);
                } else setConfirming(s.id);
              }}
            >
              {confirming === s.id ? 'Remove?' : '×'}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
