// One search hit: what it is, where it came from, when, the snippet with its matches, tags and
// copies. The row itself selects; the title (or Enter) opens the Reader.
import type { SearchHit, TagRef } from '../../../../shared/domain';
import { formatCount } from './time';
import { CopiesList } from './CopiesList';
import { ItemTime } from './ItemTime';
import { kindLabel, languageLabel } from './labels';
import { Snippet } from './Snippet';
import { TagChips } from './TagChips';
import type { PickModifiers } from '../tags/marks';

interface Props {
  hit: SearchHit;
  index: number;
  selected: boolean;
  expanded: boolean;
  onSelect(index: number): void;
  onOpen(hit: SearchHit): void;
  onToggleCopies(hit: SearchHit): void;
  onTagClick(tag: TagRef): void;
  /** Marked for bulk tagging; Shift/Ctrl/⌘-click (or the box) changes the marks via onPick. */
  marked?: boolean;
  onPick?(index: number, modifiers: PickModifiers): void;
}

export function HitRow({
  hit,
  index,
  selected,
  expanded,
  onSelect,
  onOpen,
  onToggleCopies,
  onTagClick,
  marked = false,
  onPick,
}: Props) {
  // Articles, feed entries and CSV rows have titles. A post has none: its heading is who posted it
  // (as in a chat list) — repeating its first words above a snippet of the same words is noise.
  const title = hit.title?.trim() || null;
  const heading = title ?? (hit.channel || hit.source || hit.excerpt.trim() || `Item ${hit.id}`);
  const showSource = hit.source !== heading && hit.source !== hit.channel;
  const showChannel = hit.channel !== null && hit.channel !== heading;
  const showAuthor = hit.author !== null && hit.author !== hit.channel && hit.author !== hit.source;
  return (
    <article
      className={`hit${selected ? ' is-selected' : ''}${marked ? ' is-marked' : ''}`}
      id={`hit-${index}`}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      data-testid="hit"
      data-item-id={hit.id}
      data-marked={marked || undefined}
      onMouseDown={(e) => {
        onSelect(index);
        const range = e.shiftKey;
        const toggle = e.ctrlKey || e.metaKey;
        if (onPick && (range || toggle)) {
          // A modified click marks rows; keep the browser from selecting text or opening a link.
          e.preventDefault();
          onPick(index, { range, toggle });
        }
      }}
      onClickCapture={(e) => {
        // The title opens the Reader on click: not when the click was for marking.
        if (onPick && (e.shiftKey || e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          e.stopPropagation();
        }
      }}
    >
      <header className="hit__head">
        {onPick && (
          <input
            type="checkbox"
            className="hit__mark"
            tabIndex={-1}
            checked={marked}
            aria-label="Select for bulk tagging"
            onMouseDown={(e) => e.stopPropagation()}
            onChange={() => onPick(index, { range: false, toggle: true })}
          />
        )}
        <button
          type="button"
          className={`hit__title${title ? '' : ' hit__title--who'}`}
          tabIndex={-1}
          title="Open in the Reader (Enter)"
          onClick={() => onOpen(hit)}
        >
          {heading}
        </button>
        <ItemTime ms={hit.publishedAt} zoneUnknown={hit.timeZoneUnknown} />
      </header>
      {hit.snippet.trim() !== '' ? (
        <Snippet className="hit__snippet" text={hit.snippet} highlights={hit.highlights} />
      ) : (
        <p className="hit__snippet hit__snippet--empty">no text</p>
      )}
      <footer className="hit__meta">
        <span className="hit__kind">{kindLabel(hit.kind)}</span>
        {showSource && (
          <span className="hit__source" title={`Source: ${hit.source} (${hit.sourceKind})`}>
            {hit.source}
          </span>
        )}
        {showChannel && <span className="hit__channel">{hit.channel}</span>}
        {showAuthor && <span className="hit__author">{hit.author}</span>}
        <span className="hit__lang" title={languageLabel(hit.lang)}>
          {hit.lang ?? '—'}
        </span>
        {hit.matchedIn === 'translation' && (
          <span className="badge badge--translation" title="The query matched the translation of this item">
            matched in translation
          </span>
        )}
        <TagChips tags={hit.tags} onTagClick={onTagClick} />
        {hit.copies > 0 && (
          <button
            type="button"
            className="hit__copies"
            tabIndex={-1}
            aria-expanded={expanded}
            onClick={() => onToggleCopies(hit)}
          >
            {expanded ? '−' : '+'}
            {formatCount(hit.copies)} {hit.copies === 1 ? 'copy' : 'copies'}
          </button>
        )}
      </footer>
      {expanded && <CopiesList itemId={hit.id} />}
    </article>
  );
}
