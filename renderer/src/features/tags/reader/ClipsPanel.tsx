// Clips in the Reader: select words of the text (the original, or a translation beside it) and a
// "Clip" button appears by the selection (or press `c`); the clip keeps the span's offsets, an
// optional note and its own tags. The item's clips are highlighted in the text and listed here,
// where they can be edited or removed. A clip whose words are gone is marked as detached.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { ClipInfo, TagRef } from '../../../../../shared/domain';
import { callOrNotify } from '../../../app/api';
import { notify } from '../../../app/notices';
import { useSettings } from '../../../app/settings';
import type { ReaderSlotProps } from '../../reader/extensions';
import { undoHint } from '../actions';
import { isPlainKey } from '../keys';
import { tagColorStyle } from '../TagPicker';
import { ClipEditor } from './ClipEditor';
import { clipTargetOf, type ClipTarget } from './clipTarget';
import { rangeOfClip, useClipHighlights } from './useClipHighlights';

interface Pending {
  target: ClipTarget;
  /** Where the selection ends on screen, for placing the button. */
  rect: { left: number; bottom: number } | null;
}

function readerRoot(): Element | null {
  return document.querySelector('.reader__columns');
}

/** Follows the document selection and says what clip it would make. */
function useSelectionTarget(
  item: ReaderSlotProps['item'],
  paused: boolean,
  targetLanguage: string,
): Pending | null {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    if (paused) return;
    let frame = 0;
    const update = () => {
      const root = readerRoot();
      const selection = document.getSelection();
      const target = root ? clipTargetOf(selection, item, root, targetLanguage) : null;
      if (!target || !selection) {
        setPending(null);
        return;
      }
      const rects = selection.getRangeAt(0).getClientRects();
      const last = rects[rects.length - 1];
      setPending({ target, rect: last ? { left: last.right, bottom: last.bottom } : null });
    };
    const schedule = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', schedule);
    window.addEventListener('scroll', schedule, true);
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', schedule);
      window.removeEventListener('scroll', schedule, true);
      window.removeEventListener('resize', schedule);
    };
  }, [item, paused, targetLanguage]);
  return paused ? null : pending;
}

export function ClipsPanel({ item, reload }: ReaderSlotProps) {
  const [making, setMaking] = useState<ClipTarget | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const targetLanguage = useSettings((s) => s.targetLanguage);
  const pending = useSelectionTarget(item, making !== null, targetLanguage);
  const pendingRef = useRef(pending);
  pendingRef.current = pending;

  useClipHighlights(item.clips, active, targetLanguage);

  const startClip = useCallback(() => {
    const target = pendingRef.current?.target;
    if (target) setMaking(target);
  }, []);

  // `c` clips the selection, as the button does.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'c' || e.shiftKey || !isPlainKey(e) || !pendingRef.current) return;
      e.preventDefault();
      startClip();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [startClip]);

  const create = async (target: ClipTarget, note: string, tags: TagRef[]) => {
    setBusy(true);
    const clip = await callOrNotify(
      'clips.create',
      {
        itemId: item.id,
        field: target.field,
        ...(target.lang ? { lang: target.lang } : {}),
        start: target.start,
        end: target.end,
        quote: target.quote,
        note,
        tagIds: tags.map((t) => t.id),
      },
      'save the clip',
    );
    setBusy(false);
    if (!clip) return;
    setMaking(null);
    document.getSelection()?.removeAllRanges();
    notify({ kind: 'success', title: 'Clip saved', timeoutMs: 2500 });
    reload();
  };

  const update = async (clip: ClipInfo, note: string, tags: TagRef[]) => {
    setBusy(true);
    const saved = await callOrNotify(
      'clips.update',
      { id: clip.id, note, tagIds: tags.map((t) => t.id) },
      'save the clip',
    );
    setBusy(false);
    if (!saved) return;
    setEditing(null);
    reload();
  };

  const remove = async (clip: ClipInfo) => {
    const done = await callOrNotify('clips.remove', { id: clip.id }, 'remove the clip');
    if (done) {
      notify({
        kind: 'info',
        title: 'Clip removed',
        message: `${undoHint()} brings it back.`,
        timeoutMs: 4000,
      });
      reload();
    }
  };

  const show = (clip: ClipInfo) => {
    setActive(clip.id);
    const root = readerRoot();
    const range = root ? rangeOfClip(root, clip, targetLanguage) : null;
    const el = range?.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <section className="aside-section clips-panel" aria-label="Clips">
      <h2 className="aside-section__title">Clips{item.clips.length > 0 ? ` (${item.clips.length})` : ''}</h2>
      {item.clips.length === 0 && !making && (
        <p className="clips-panel__hint">Select words of the text to clip them with a note.</p>
      )}
      {making && (
        <div className="clips-panel__new" role="dialog" aria-label="New clip">
          <ClipEditor
            quote={making.quote}
            note=""
            tags={[]}
            saveLabel="Save clip"
            busy={busy}
            autoFocusNote
            onCancel={() => setMaking(null)}
            onSave={(note, tags) => void create(making, note, tags)}
          />
        </div>
      )}
      <ol className="clip-list">
        {item.clips.map((clip) => (
          <li
            key={clip.id}
            className={`clip${clip.id === active ? ' is-active' : ''}`}
            data-testid="clip"
            data-clip-id={clip.id}
          >
            {editing === clip.id ? (
              <ClipEditor
                quote={clip.quote}
                note={clip.note}
                tags={clip.tags}
                saveLabel="Save"
                busy={busy}
                autoFocusNote
                onCancel={() => setEditing(null)}
                onSave={(note, tags) => void update(clip, note, tags)}
              />
            ) : (
              <>
                <button
                  type="button"
                  className="clip__quote"
                  title="Show in the text"
                  onClick={() => show(clip)}
                >
                  {clip.quote}
                </button>
                {clip.field === 'translation' && <span className="badge">translation ({clip.lang})</span>}
                {clip.detached && (
                  <span className="badge badge--warning" title="The quoted words are no longer in the text">
                    detached
                  </span>
                )}
                {clip.note && <p className="clip__note">{clip.note}</p>}
                {clip.tags.length > 0 && (
                  <ul className="tag-chips" aria-label="Clip tags">
                    {clip.tags.map((t) => (
                      <li key={t.id} className="tag-chip" style={tagColorStyle(t.color)} title={t.path}>
                        <span className="tag-chip__dot" aria-hidden="true" />
                        {t.name}
                      </li>
                    ))}
                  </ul>
                )}
                <div className="clip__actions">
                  <button type="button" className="link-button" onClick={() => setEditing(clip.id)}>
                    Edit
                  </button>
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    onClick={() => void remove(clip)}
                  >
                    Remove
                  </button>
                </div>
              </>
            )}
          </li>
        ))}
      </ol>
      {pending &&
        !making &&
        pending.rect &&
        createPortal(
          <button
            type="button"
            className="clip-button"
            style={{
              left: Math.min(pending.rect.left, window.innerWidth - 90),
              top: pending.rect.bottom + 6,
            }}
            aria-keyshortcuts="c"
            title="Clip the selected words (c)"
            // Keep the selection: a mousedown on a button would otherwise clear it first.
            onMouseDown={(e) => e.preventDefault()}
            onClick={startClip}
          >
            Clip
          </button>,
          document.body,
        )}
    </section>
  );
}
