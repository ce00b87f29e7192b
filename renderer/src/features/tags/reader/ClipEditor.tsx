// The form of a clip: its quote, a note and its own tags (picked with the tag picker). Used to make
// a clip from a selection and to edit one. Ctrl/⌘+Enter saves, Esc cancels.
import { useCallback, useState } from 'react';
import type { TagRef } from '../../../../../shared/domain';
import { TagPicker, tagColorStyle } from '../TagPicker';

interface Props {
  quote: string;
  note: string;
  tags: readonly TagRef[];
  saveLabel: string;
  busy?: boolean;
  autoFocusNote?: boolean;
  onSave(note: string, tags: TagRef[]): void;
  onCancel(): void;
}

export function ClipEditor({
  quote,
  note: initialNote,
  tags: initialTags,
  saveLabel,
  busy,
  autoFocusNote,
  onSave,
  onCancel,
}: Props) {
  const [note, setNote] = useState(initialNote);
  const [tags, setTags] = useState<TagRef[]>([...initialTags]);
  const [picking, setPicking] = useState(false);
  const closePicker = useCallback(() => setPicking(false), []);
  const save = () => {
    if (!busy) onSave(note, tags);
  };

  return (
    <form
      className="clip-editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape' && !picking) {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <blockquote className="clip-editor__quote">{quote}</blockquote>
      <label className="clip-editor__label">
        Note
        <textarea
          className="input clip-editor__note"
          rows={3}
          value={note}
          maxLength={100_000}
          placeholder="Why this passage matters (optional)"
          autoFocus={autoFocusNote}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="clip-editor__tags" role="group" aria-label="Clip tags">
        {tags.map((tag) => (
          <span key={tag.id} className="tag-chip" style={tagColorStyle(tag.color)} title={tag.path}>
            <span className="tag-chip__dot" aria-hidden="true" />
            {tag.path}
            <button
              type="button"
              className="tag-chip__remove"
              aria-label={`Remove ${tag.path} from the clip`}
              onClick={() => setTags((ts) => ts.filter((t) => t.id !== tag.id))}
            >
              ×
            </button>
          </span>
        ))}
        <span className="clip-editor__picker">
          <button
            type="button"
            className="link-button"
            aria-expanded={picking}
            onClick={() => setPicking((p) => !p)}
          >
            + Tag
          </button>
          {picking && (
            <TagPicker
              label="Tag the clip"
              checked={new Set(tags.map((t) => t.id))}
              onClose={closePicker}
              onPick={(tag) => {
                setPicking(false);
                setTags((ts) =>
                  ts.some((t) => t.id === tag.id) ? ts.filter((t) => t.id !== tag.id) : [...ts, tag],
                );
              }}
            />
          )}
        </span>
      </div>
      <div className="clip-editor__actions">
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--small button--primary" disabled={busy}>
          {saveLabel}
        </button>
      </div>
    </form>
  );
}
