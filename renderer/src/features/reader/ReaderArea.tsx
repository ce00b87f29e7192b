// The Reader (`{area:'reader', itemId}`): one item with everything known about it — text with its
// formatting, media, the post it replies to and its replies, forwards, reactions, poll, copies and
// its place in the channel. Tagging and translation plug in through extensions.ts.
import { useEffect, useState, type ReactNode } from 'react';
import type { ItemDetail } from '../../../../shared/domain';
import { navigate, useNav } from '../../app/nav';
import { EmptyState } from '../../app/ui/EmptyState';
import { ReaderIcon } from '../../app/ui/icons';
import { CopyRows } from '../search/CopiesList';
import { ItemTime } from '../search/ItemTime';
import { kindLabel } from '../search/labels';
import { TagChips } from '../search/TagChips';
import { fieldTerm } from '../search/queryEdit';
import { formatCount } from '../search/time';
import { ArticleHtml } from './ArticleHtml';
import { ContextPanel } from './ContextPanel';
import { EntityText } from './EntityText';
import { useReaderExtensions, type ReaderSlotProps } from './extensions';
import { readPoll } from './extras';
import { ItemCard } from './ItemCard';
import { ItemMeta } from './ItemMeta';
import { MediaList } from './MediaList';
import { Poll } from './Poll';
import { ReaderLayout } from './ReaderLayout';
import { useItem } from './useItem';
import '../search/search.css';
import './reader.css';

const search = (query: string) => navigate({ area: 'search', query });

export function ReaderArea() {
  const itemId = useNav((s) => (s.area === 'reader' ? s.itemId : null));
  const { item, error, loading, reload } = useItem(itemId);

  if (itemId === null) return <NothingOpen />;
  if (error) {
    return (
      <div className="area__body">
        <EmptyState
          icon={<ReaderIcon size={32} />}
          title={
            error.code === 'NOT_FOUND' ? 'This item is not in the workspace' : 'The item could not be opened'
          }
          actions={
            <button type="button" className="reader-button" onClick={() => navigate('search')}>
              Back to Search
            </button>
          }
        >
          <p>{error.message}</p>
        </EmptyState>
      </div>
    );
  }
  if (!item) return <p className="reader-note reader-note--loading">{loading ? 'Loading…' : ''}</p>;
  return <ItemView key={item.id} item={item} reload={reload} />;
}

function NothingOpen() {
  return (
    <div className="area__body">
      <EmptyState
        icon={<ReaderIcon size={32} />}
        title="Nothing open"
        actions={
          <>
            <button
              type="button"
              className="reader-button reader-button--primary"
              onClick={() => navigate('search')}
            >
              Go to Search
            </button>
            <button type="button" className="reader-button" onClick={() => navigate('library')}>
              Open the Library
            </button>
          </>
        }
      >
        <p>
          Open an item from Search or the Library to read it here, with its channel context, replies and a
          side-by-side translation.
        </p>
      </EmptyState>
    </div>
  );
}

function ItemView({ item, reload }: ReaderSlotProps) {
  const extensions = useReaderExtensions();
  const [contextOpen, setContextOpen] = useState(false);
  const [plainText, setPlainText] = useState(false);
  const slot: ReaderSlotProps = { item, reload };
  const Second = extensions.find((e) => e.SecondColumn)?.SecondColumn;
  // A post has no title: its heading is who posted it, and its text follows in full below.
  const heading =
    item.title?.trim() || item.channel || item.source || `${kindLabel(item.kind)} ${item.externalId}`;
  const hasChannel = item.channel !== null || item.kind === 'post';

  useEffect(() => {
    if (contextOpen) document.getElementById('reader-context')?.scrollIntoView({ block: 'nearest' });
  }, [contextOpen]);

  return (
    <ReaderLayout
      header={
        <header className="reader__header">
          <h1 className="reader__title" tabIndex={-1} data-area-heading="">
            {heading}
          </h1>
          <p className="reader__subtitle">
            <span>{kindLabel(item.kind)}</span>
            {item.title && <span>{item.channel ?? item.source}</span>}
            {item.author && item.author !== item.channel && <span>{item.author}</span>}
            <ItemTime ms={item.publishedAt} zoneUnknown={item.timeZoneUnknown} />
          </p>
        </header>
      }
      toolbar={
        <>
          {hasChannel && (
            <button
              type="button"
              className="reader-button"
              aria-pressed={contextOpen}
              onClick={() => setContextOpen((o) => !o)}
            >
              Open in context
            </button>
          )}
          {item.html && (
            <button
              type="button"
              className="reader-button"
              aria-pressed={plainText}
              onClick={() => setPlainText((p) => !p)}
            >
              Plain text
            </button>
          )}
          {extensions.map((e) => e.Toolbar && <e.Toolbar key={e.id} {...slot} />)}
        </>
      }
      original={<Original item={item} plainText={plainText} />}
      second={Second ? <Second {...slot} /> : undefined}
      below={
        contextOpen || extensions.some((e) => e.BelowText) ? (
          <>
            {extensions.map((e) => e.BelowText && <e.BelowText key={e.id} {...slot} />)}
            {contextOpen && (
              <section className="reader__context" id="reader-context" aria-label="In context">
                <h2 className="aside-section__title">In {item.channel ?? item.source}</h2>
                <ContextPanel item={item} />
              </section>
            )}
          </>
        ) : undefined
      }
      aside={
        <>
          {extensions.map((e) => e.Aside && <e.Aside key={e.id} {...slot} />)}
          <ItemMeta item={item} />
          {item.tags.length > 0 && (
            <AsideSection title="Tags">
              <TagChips tags={item.tags} onTagClick={(t) => search(fieldTerm('tag', t.path || t.name))} />
            </AsideSection>
          )}
          {item.replies.length > 0 && (
            <AsideSection title={`Replies (${formatCount(item.replies.length)})`}>
              <ul className="related-list">
                {item.replies.map((r) => (
                  <li key={r.id}>
                    <ItemCard item={r} />
                  </li>
                ))}
              </ul>
            </AsideSection>
          )}
          {item.copies.length > 0 && (
            <AsideSection title={`Copies (${formatCount(item.copies.length)})`}>
              <CopyRows copies={item.copies} />
            </AsideSection>
          )}
        </>
      }
    />
  );
}

function Original({ item, plainText }: { item: ItemDetail; plainText: boolean }) {
  const poll = readPoll(item.extra);
  return (
    <>
      {item.forwardedFrom && <p className="reader__forwarded">Forwarded from {item.forwardedFrom}</p>}
      {item.replyTo && (
        <div className="reader__reply-to">
          <span className="reader__label">In reply to</span>
          <ItemCard item={item.replyTo} />
        </div>
      )}
      {item.html && !plainText ? (
        <ArticleHtml html={item.html} />
      ) : item.text.trim() !== '' ? (
        <EntityText text={item.text} entities={item.entities} onSearch={search} />
      ) : item.media.length === 0 && !poll ? (
        <p className="reader-note">No text.</p>
      ) : null}
      <MediaList media={item.media} />
      {poll && <Poll poll={poll} />}
      {item.reactions && item.reactions.length > 0 && (
        <ul className="reactions" aria-label="Reactions">
          {item.reactions.map((r) => (
            <li key={r.emoji} className="reaction">
              <span aria-hidden="true">{r.emoji}</span>
              <span className="reaction__count">{formatCount(r.count)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AsideSection({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section className="aside-section" id={id}>
      <h2 className="aside-section__title">{title}</h2>
      {children}
    </section>
  );
}
