// The Tags area (`{area:'tags', tagId}`): the tag tree with counts on the left, the selected tag's
// details, edits and clips on the right, and a field to create tags ("Actors/Way Home" creates the
// parents too). Clicking a tag's count, Enter or a double-click shows its items in Search.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TagNode } from '../../../../shared/domain';
import { callOrNotify } from '../../app/api';
import { navigate, useNav } from '../../app/nav';
import { AreaHeader } from '../../app/ui/AreaHeader';
import { EmptyState } from '../../app/ui/EmptyState';
import { TagIcon } from '../../app/ui/icons';
import { Kbd } from '../../app/ui/Kbd';
import { fieldTerm } from '../search/queryEdit';
import { undoHint } from './actions';
import { TagDetails } from './TagDetails';
import { TagTreeView } from './TagTreeView';
import { ancestorIds, visibleRows } from './tagTree';
import { useTags } from './tagsStore';
import './register';

const count = new Intl.NumberFormat();

export function openTagItems(tag: Pick<TagNode, 'path'>): void {
  navigate({ area: 'search', query: fieldTerm('tag', tag.path) });
}

export function TagsArea() {
  const tagId = useNav((s) => (s.area === 'tags' ? s.tagId : null));
  const { tags, loaded, error } = useTags();
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const rows = useMemo(() => visibleRows(tags, collapsed), [tags, collapsed]);
  const selected = tags.find((t) => t.id === tagId) ?? null;

  const select = (id: number) => navigate({ area: 'tags', tagId: id }, { replace: true });

  // A tag opened from elsewhere (a link, Back) is shown even when it sits under a folded parent.
  useEffect(() => {
    if (tagId === null) return;
    const hidden = ancestorIds(tags, tagId).filter((id) => collapsed.has(id));
    if (hidden.length > 0)
      setCollapsed((c) => {
        const next = new Set(c);
        hidden.forEach((id) => next.delete(id));
        return next;
      });
  }, [tagId, tags, collapsed]);

  const toggleFold = (id: number) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const move = (id: number, parentId: number | null) =>
    void callOrNotify('tags.move', { id, parentId }, 'move the tag');

  return (
    <div className="area__body tags-area">
      <AreaHeader
        title="Tags"
        subtitle={
          tags.length > 0
            ? `${count.format(tags.length)} ${tags.length === 1 ? 'tag' : 'tags'}`
            : 'Sort what you find before you write'
        }
      >
        <NewTag onCreated={(tag) => select(tag.id)} />
      </AreaHeader>
      {error && (
        <p className="tags-area__error" role="alert">
          Tags could not be loaded: {error}
        </p>
      )}
      {loaded && tags.length === 0 ? (
        <NoTags />
      ) : (
        <div className="tags-area__panes">
          <TagTreeView
            tags={tags}
            rows={rows}
            collapsed={collapsed}
            selectedId={selected?.id ?? null}
            onSelect={select}
            onToggleFold={toggleFold}
            onOpenItems={openTagItems}
            onMove={move}
          />
          {selected ? (
            <TagDetails
              key={selected.id}
              tag={selected}
              tags={tags}
              onOpenItems={openTagItems}
              onGone={() => navigate({ area: 'tags', tagId: null }, { replace: true })}
            />
          ) : (
            <p className="tags-area__hint">
              Select a tag to rename, recolour, pin, move, merge or delete it, and to see its clips. Drag a
              tag onto another to move it there.
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function NewTag({ onCreated }: { onCreated(tag: TagNode): void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const submit = async () => {
    const value = path.trim();
    if (value === '' || busy) return;
    setBusy(true);
    const made = await callOrNotify('tags.create', { path: value }, `create ${value}`);
    setBusy(false);
    if (!made) return;
    setPath('');
    onCreated(made.tag);
  };
  return (
    <form
      className="new-tag"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <input
        ref={input}
        className="input"
        aria-label="New tag"
        placeholder="New tag, e.g. Actors/Way Home"
        value={path}
        maxLength={1000}
        onChange={(e) => setPath(e.target.value)}
      />
      <button type="submit" className="button button--small" disabled={busy || path.trim() === ''}>
        Create
      </button>
    </form>
  );
}

function NoTags() {
  return (
    <EmptyState
      icon={<TagIcon size={32} />}
      title="No tags yet"
      actions={
        <button type="button" className="button button--primary" onClick={() => navigate('search')}>
          Find something to tag
        </button>
      }
    >
      <ul className="how-to">
        <li>
          Create a tag above, or open an item in the Reader or select results in Search and press{' '}
          <Kbd keys="t" /> — type a new name to create it.
        </li>
        <li>
          Pin up to nine tags to keys here and toggle them on the current item with <Kbd keys="1" /> …{' '}
          <Kbd keys="9" />.
        </li>
        <li>
          Nest tags with a slash: <code>Actors/Way Home</code>. Search them with <code>tag:Actors</code>{' '}
          (children included), <code>-tag:</code>, <code>untagged</code>.
        </li>
        <li>Select a passage in the Reader to clip it with a note and its own tags.</li>
        <li>
          <Kbd keys={undoHint()} /> undoes the last tagging action, a bulk one included.
        </li>
      </ul>
    </EmptyState>
  );
}
