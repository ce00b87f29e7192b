// The Reader's tagging toolbar: "Tag…" (or `t`) opens the picker for this item, and the pinned
// tags sit beside it as toggles showing their keys — pressing 1–9 toggles the same tags.
import { useCallback, useState } from 'react';
import type { ReaderSlotProps } from '../../reader/extensions';
import { toggleTag, togglePinned } from '../actions';
import { useTaggingKeys } from '../keys';
import { TagPicker, tagColorStyle } from '../TagPicker';
import { pinnedByKey, useTags } from '../tagsStore';

export function ReaderTagBar({ item, reload }: ReaderSlotProps) {
  const [open, setOpen] = useState(false);
  const { tags } = useTags();
  const has = new Set(item.tags.map((t) => t.id));
  const pinned = pinnedByKey(tags)
    .map((tag, i) => (tag ? { tag, key: i + 1 } : null))
    .filter((p) => p !== null);

  useTaggingKeys(
    () => item.id,
    () => setOpen(true),
  );
  const close = useCallback(() => setOpen(false), []);

  return (
    <div className="reader-tagbar">
      <div className="reader-tagbar__picker">
        <button
          type="button"
          className="reader-button"
          aria-expanded={open}
          aria-keyshortcuts="t"
          title="Add or remove a tag (t)"
          onClick={() => setOpen((o) => !o)}
        >
          Tag…
        </button>
        {open && (
          <TagPicker
            label="Tag this item"
            checked={has}
            onClose={close}
            onPick={(tag) => {
              setOpen(false);
              void toggleTag(item.id, tag).then(reload);
            }}
          />
        )}
      </div>
      {pinned.length > 0 && (
        <div className="reader-tagbar__pins" role="group" aria-label="Pinned tags">
          {pinned.map(({ tag, key }) => (
            <button
              key={key}
              type="button"
              className="pin-toggle"
              style={tagColorStyle(tag.color)}
              aria-pressed={has.has(tag.id)}
              aria-keyshortcuts={String(key)}
              title={`${has.has(tag.id) ? 'Remove' : 'Add'} ${tag.path} (${key})`}
              onClick={() => void togglePinned(item.id, key).then(reload)}
            >
              <kbd className="kbd">{key}</kbd>
              <span className="tag-dot" aria-hidden="true" />
              {tag.name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
