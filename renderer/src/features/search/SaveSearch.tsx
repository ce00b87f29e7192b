// "Save search": names the current query as a watchlist that the sidebar keeps counting.
import { useEffect, useRef, useState } from 'react';
import { notify } from '../../app/notices';
import { createSaved } from './savedSearches';

export function SaveSearch({ query }: { query: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (open) inputRef.current?.select();
  }, [open]);

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed === '' || busy) return;
    setBusy(true);
    const saved = await createSaved(trimmed, query);
    setBusy(false);
    if (saved) {
      setOpen(false);
      notify({
        kind: 'success',
        title: `Saved “${saved.name}”`,
        message: 'New matches will be counted in the sidebar after each import.',
      });
    }
  };

  return (
    <div className="save-search">
      <button
        type="button"
        className="toolbar-button"
        disabled={query.trim() === ''}
        aria-expanded={open}
        onClick={() => {
          setName(query.length > 60 ? `${query.slice(0, 57)}…` : query);
          setOpen((o) => !o);
        }}
      >
        Save search…
      </button>
      {open && (
        <form
          className="save-search__form"
          aria-label="Save search"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setOpen(false);
            }
          }}
        >
          <label>
            Name
            <input
              ref={inputRef}
              value={name}
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
              aria-label="Saved search name"
            />
          </label>
          <code className="save-search__query">{query}</code>
          <div className="save-search__actions">
            <button type="button" className="toolbar-button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="submit"
              className="toolbar-button toolbar-button--primary"
              disabled={busy || name.trim() === ''}
            >
              Save
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
