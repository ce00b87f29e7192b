// The tag picker: a type-ahead over tag paths (tags.search ranks them: prefix before substring,
// "act/wa" finds "Actors/Way Home") that can create the typed tag — parents included — on the spot.
// Keyboard first: type, ↑/↓, Enter picks, Esc closes. Used by the Reader, the bulk bar and clips.
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import type { TagNode } from '../../../../shared/domain';
import { call, callOrNotify } from '../../app/api';

interface Props {
  /** What picking does, as the picker's accessible name ("Tag this item", "Add a tag to 12 items"). */
  label: string;
  onPick(tag: TagNode): void;
  onClose(): void;
  /** Tags shown as already applied (ticked). */
  checked?: ReadonlySet<number>;
  /** Offer "Create …" for a path no tag has (default true). */
  allowCreate?: boolean;
  /** Hide these tags (e.g. a tag cannot be merged into itself). */
  exclude?: ReadonlySet<number>;
  placeholder?: string;
}

type Option = { kind: 'tag'; tag: TagNode } | { kind: 'create'; path: string };

const SEARCH_DELAY_MS = 60;
const LIMIT = 12;

export function tagColorStyle(color: string): CSSProperties | undefined {
  return /^#[0-9a-f]{6}$/i.test(color) ? ({ '--tag-color': color } as CSSProperties) : undefined;
}

export function TagPicker({
  label,
  onPick,
  onClose,
  checked,
  allowCreate = true,
  exclude,
  placeholder,
}: Props) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<TagNode[]>([]);
  const [exact, setExact] = useState<TagNode | null>(null);
  /** The query the shown matches answer (the type-ahead lags the typing a little). */
  const [answered, setAnswered] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  useEffect(() => {
    input.current?.focus();
  }, []);

  // Fetch matches as the analyst types; a later answer replaces an earlier one only if still current.
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('tags.search', { query, limit: LIMIT }).then((r) => {
        if (!live || !r.ok) return;
        setMatches(r.value.matches);
        setExact(r.value.exact);
        setAnswered(query);
        setActive(0);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  // A click anywhere else closes the picker, as a menu would.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const typed = query.trim().replace(/\s*\/\s*/g, '/');
  const options: Option[] = matches.filter((t) => !exclude?.has(t.id)).map((tag) => ({ kind: 'tag', tag }));
  if (allowCreate && typed !== '' && !exact && !typed.endsWith('/'))
    options.push({ kind: 'create', path: typed });
  const current = Math.min(active, Math.max(0, options.length - 1));

  const choose = async (option: Option | undefined) => {
    if (!option || busy) return;
    if (option.kind === 'tag') {
      onPick(option.tag);
      return;
    }
    setBusy(true);
    const value = await callOrNotify(
      'tags.search',
      { query: option.path, limit: 1, create: true },
      `create ${option.path}`,
    );
    setBusy(false);
    if (value?.exact) onPick(value.exact);
  };

  // Enter typed faster than the type-ahead answered: decide on what was typed, not on stale matches.
  const chooseTyped = async () => {
    if (typed === '' || busy) return;
    setBusy(true);
    const r = await call('tags.search', { query: typed, limit: LIMIT });
    setBusy(false);
    if (!r.ok) return;
    // The same choice the list would have offered first: the best match, else "Create …".
    const best = r.value.matches.find((t) => !exclude?.has(t.id));
    if (best) onPick(best);
    else if (allowCreate && !r.value.exact && !typed.endsWith('/'))
      await choose({ kind: 'create', path: typed });
  };

  return (
    <div className="tag-picker" ref={box} role="dialog" aria-label={label}>
      <input
        ref={input}
        className="tag-picker__input"
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? `${listId}-${current}` : undefined}
        placeholder={placeholder ?? (allowCreate ? 'Find or create a tag (Parent/Child)…' : 'Find a tag…')}
        value={query}
        maxLength={1000}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive(Math.min(options.length - 1, current + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(0, current - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (answered === query) void choose(options[current]);
            else void chooseTyped();
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <ul className="tag-picker__list" id={listId} role="listbox" aria-label="Tags">
        {options.map((option, i) => (
          <li
            key={option.kind === 'tag' ? option.tag.id : 'create'}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === current}
            aria-checked={option.kind === 'tag' ? (checked?.has(option.tag.id) ?? false) : undefined}
            className={`tag-picker__option${i === current ? ' is-active' : ''}`}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => {
              e.preventDefault();
              void choose(option);
            }}
          >
            {option.kind === 'tag' ? (
              <>
                <span className="tag-picker__check" aria-hidden="true">
                  {checked?.has(option.tag.id) ? '✓' : ''}
                </span>
                <span className="tag-dot" style={tagColorStyle(option.tag.color)} aria-hidden="true" />
                <span className="tag-picker__path">{option.tag.path}</span>
                {option.tag.pinnedKey !== null && (
                  <kbd className="kbd tag-picker__key">{option.tag.pinnedKey}</kbd>
                )}
                <span className="tag-picker__count">{option.tag.count}</span>
              </>
            ) : (
              <span className="tag-picker__create">
                Create <strong>{option.path}</strong>
              </span>
            )}
          </li>
        ))}
        {options.length === 0 && (
          <li className="tag-picker__empty" role="presentation">
            {typed === '' ? 'No tags yet: type a name to create one.' : 'No tag matches.'}
          </li>
        )}
      </ul>
    </div>
  );
}
