// The selected tag: its counts and every edit — rename, recolour, pin to a key, move, merge,
// delete — and the clips that carry it. Each edit is one call, undoable with Ctrl/⌘+Z.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TagNode } from '../../../../shared/domain';
import { callOrNotify } from '../../app/api';
import { notify } from '../../app/notices';
import { reportOn } from '../reports/draft';
import { TranslateTagButton } from '../translation';
import { ConfirmDialog } from './ConfirmDialog';
import { TAG_PALETTE } from './palette';
import { TagClips } from './TagClips';
import { TagPicker, tagColorStyle } from './TagPicker';
import { mergeTargets, moveTargets } from './tagTree';
import { formatItems, undoHint } from './actions';

interface Props {
  tag: TagNode;
  tags: readonly TagNode[];
  onOpenItems(tag: TagNode): void;
  onGone(): void;
}

const count = new Intl.NumberFormat();

export function TagDetails({ tag, tags, onOpenItems, onGone }: Props) {
  const [name, setName] = useState(tag.name);
  const [picker, setPicker] = useState<'move' | 'merge' | null>(null);
  const [merging, setMerging] = useState<TagNode | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [children, setChildren] = useState<'lift' | 'delete'>('lift');
  const [busy, setBusy] = useState(false);
  const colorInput = useRef<HTMLInputElement>(null);

  useEffect(() => setName(tag.name), [tag.name]);

  const recolor = useCallback(
    (color: string) => {
      if (color.toLowerCase() !== tag.color.toLowerCase())
        void callOrNotify('tags.recolor', { id: tag.id, color }, 'change the colour');
    },
    [tag.id, tag.color],
  );

  // The native colour input fires "input" while the analyst drags; only its "change" is saved.
  useEffect(() => {
    const el = colorInput.current;
    if (!el) return;
    const onChange = () => recolor(el.value);
    el.addEventListener('change', onChange);
    return () => el.removeEventListener('change', onChange);
  }, [recolor]);

  const rename = async () => {
    const next = name.trim();
    if (next === '' || next === tag.name) {
      setName(tag.name);
      return;
    }
    if (!(await callOrNotify('tags.rename', { id: tag.id, name: next }, `rename ${tag.path}`)))
      setName(tag.name);
  };

  const pin = (value: string) =>
    void callOrNotify('tags.pin', { tagId: tag.id, key: value === '' ? null : Number(value) }, 'pin the tag');

  const move = async (parentId: number | null) => {
    setPicker(null);
    const moved = await callOrNotify('tags.move', { id: tag.id, parentId }, `move ${tag.path}`);
    if (moved) notify({ kind: 'success', title: `Moved to ${moved.path}`, timeoutMs: 2500 });
  };

  const merge = async (target: TagNode) => {
    setBusy(true);
    const merged = await callOrNotify(
      'tags.merge',
      { sourceId: tag.id, targetId: target.id },
      `merge ${tag.path}`,
    );
    setBusy(false);
    setMerging(null);
    if (!merged) return;
    notify({
      kind: 'success',
      title: `Merged ${tag.path} into ${merged.path}`,
      message: `${undoHint()} undoes it.`,
    });
    onGone();
  };

  const remove = async () => {
    setBusy(true);
    const done = await callOrNotify(
      'tags.delete',
      { id: tag.id, ...(tag.childCount > 0 ? { children } : {}) },
      `delete ${tag.path}`,
    );
    setBusy(false);
    setDeleting(false);
    if (!done) return;
    notify({
      kind: 'success',
      title:
        done.deleted.length > 1
          ? `Deleted ${tag.path} and ${done.deleted.length - 1} tags under it`
          : `Deleted ${tag.path}`,
      message: `${undoHint()} brings it back.`,
    });
    onGone();
  };

  const onKey = pinOwner(tags);
  const closePicker = () => setPicker(null);

  return (
    <section className="tag-details" aria-label={`Tag ${tag.path}`} style={tagColorStyle(tag.color)}>
      <header className="tag-details__head">
        <span className="tag-dot tag-dot--large" aria-hidden="true" />
        <div>
          <p className="tag-details__path">
            {tag.parentId !== null ? tag.path.slice(0, tag.path.length - tag.name.length) : 'Top level'}
          </p>
          <input
            className="tag-details__name"
            aria-label="Tag name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => void rename()}
            onKeyDown={(e) => {
              if (e.key === 'Enter') e.currentTarget.blur();
              if (e.key === 'Escape') {
                setName(tag.name);
                e.currentTarget.blur();
              }
            }}
          />
        </div>
      </header>

      <p className="tag-details__counts">
        <button
          type="button"
          className="button button--primary button--small"
          onClick={() => onOpenItems(tag)}
        >
          Show {formatItems(tag.childCount > 0 ? tag.totalCount : tag.count)}
        </button>{' '}
        <button type="button" className="button button--small" onClick={() => reportOn({ tagId: tag.id })}>
          Report on this tag
        </button>{' '}
        <TranslateTagButton tag={tag.path} className="button button--small" />{' '}
        {tag.childCount > 0 && (
          <span>
            {count.format(tag.count)} tagged {tag.name} itself · {count.format(tag.totalCount)} with the{' '}
            {tag.childCount} {tag.childCount === 1 ? 'tag' : 'tags'} under it
          </span>
        )}
        {tag.clipCount > 0 && <span> · {count.format(tag.clipCount)} clips</span>}
      </p>

      <div className="tag-details__row">
        <span className="tag-details__label">Colour</span>
        <div className="swatches" role="group" aria-label="Colour">
          {TAG_PALETTE.map((c) => (
            <button
              key={c}
              type="button"
              className="swatch"
              style={{ background: c }}
              aria-label={`Colour ${c}`}
              aria-pressed={c === tag.color.toLowerCase()}
              onClick={() => recolor(c)}
            />
          ))}
          <input
            ref={colorInput}
            type="color"
            className="swatch swatch--custom"
            aria-label="Another colour"
            defaultValue={tag.color}
            key={tag.color}
          />
        </div>
      </div>

      <div className="tag-details__row">
        <label className="tag-details__label" htmlFor={`pin-${tag.id}`}>
          Key
        </label>
        <select
          id={`pin-${tag.id}`}
          className="select"
          value={tag.pinnedKey ?? ''}
          onChange={(e) => pin(e.target.value)}
        >
          <option value="">Not pinned</option>
          {Array.from({ length: 9 }, (_, i) => i + 1).map((k) => {
            const owner = onKey.get(k);
            return (
              <option key={k} value={k}>
                {k}
                {owner && owner.id !== tag.id ? ` (now ${owner.path})` : ''}
              </option>
            );
          })}
        </select>
        <span className="tag-details__hint">
          Pressing the key toggles the tag on the item in the Reader or the selected result.
        </span>
      </div>

      <div className="tag-details__actions">
        <span className="tag-details__picker">
          <button
            type="button"
            className="button button--small"
            aria-expanded={picker === 'move'}
            onClick={() => setPicker((p) => (p === 'move' ? null : 'move'))}
          >
            Move to…
          </button>
          {picker === 'move' && (
            <div className="tag-details__popover">
              {tag.parentId !== null && (
                <button type="button" className="link-button" onClick={() => void move(null)}>
                  Move to the top level
                </button>
              )}
              <TagPicker
                label={`Move ${tag.path} under`}
                allowCreate={false}
                exclude={excludeAllBut(tags, moveTargets(tags, tag.id))}
                onClose={closePicker}
                onPick={(target) => void move(target.id)}
              />
            </div>
          )}
        </span>
        <span className="tag-details__picker">
          <button
            type="button"
            className="button button--small"
            aria-expanded={picker === 'merge'}
            onClick={() => setPicker((p) => (p === 'merge' ? null : 'merge'))}
          >
            Merge into…
          </button>
          {picker === 'merge' && (
            <TagPicker
              label={`Merge ${tag.path} into`}
              allowCreate={false}
              exclude={excludeAllBut(tags, mergeTargets(tags, tag.id))}
              onClose={closePicker}
              onPick={(target) => {
                setPicker(null);
                setMerging(target);
              }}
            />
          )}
        </span>
        <button
          type="button"
          className="button button--small button--danger"
          onClick={() => setDeleting(true)}
        >
          Delete…
        </button>
      </div>

      <TagClips tag={tag} />

      {merging && (
        <ConfirmDialog
          title={`Merge ${tag.path} into ${merging.path}?`}
          confirmLabel="Merge"
          busy={busy}
          onCancel={() => setMerging(null)}
          onConfirm={() => void merge(merging)}
        >
          <p>
            The {formatItems(tag.count)} tagged {tag.name} get {merging.path} (each once)
            {tag.childCount > 0 ? `, the tags under ${tag.name} move under ${merging.name}` : ''}, and{' '}
            {tag.path} is deleted.
          </p>
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${tag.path}?`}
          confirmLabel="Delete"
          danger
          busy={busy}
          onCancel={() => setDeleting(false)}
          onConfirm={() => void remove()}
        >
          <p>
            {formatItems(tag.count)} lose this tag
            {tag.clipCount > 0 ? `, and ${tag.clipCount} clips lose it too` : ''}. The items themselves stay.
          </p>
          {tag.childCount > 0 && (
            <fieldset className="confirm-dialog__choice">
              <legend>
                {tag.name} has {tag.childCount} {tag.childCount === 1 ? 'tag' : 'tags'} under it:
              </legend>
              <label>
                <input
                  type="radio"
                  name="children"
                  checked={children === 'lift'}
                  onChange={() => setChildren('lift')}
                />{' '}
                Keep them: move them up one level
              </label>
              <label>
                <input
                  type="radio"
                  name="children"
                  checked={children === 'delete'}
                  onChange={() => setChildren('delete')}
                />{' '}
                Delete them too ({formatItems(tag.totalCount)} in all lose their tags)
              </label>
            </fieldset>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function pinOwner(tags: readonly TagNode[]): Map<number, TagNode> {
  const out = new Map<number, TagNode>();
  for (const t of tags) if (t.pinnedKey !== null) out.set(t.pinnedKey, t);
  return out;
}

function excludeAllBut(tags: readonly TagNode[], allowed: readonly TagNode[]): Set<number> {
  const ok = new Set(allowed.map((t) => t.id));
  return new Set(tags.filter((t) => !ok.has(t.id)).map((t) => t.id));
}
