// The Reader's second column: the item's translation, paragraph beside paragraph and sentence for
// sentence. Engine output is untrusted, so it is only ever placed as text (links, hashtags and
// mentions found again and rendered as elements). Every sentence can be typed or corrected in
// place — with no engine configured this is how a translation gets written at all.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TranslatedSegment } from '../../../../shared/api/translate';
import type { ItemDetail } from '../../../../shared/domain';
import { subscribe } from '../../app/api';
import { navigate } from '../../app/nav';
import { useSettings } from '../../app/settings';
import type { ReaderSlotProps } from '../reader/extensions';
import { paragraphRows } from './alignment';
import { hiddenLinks } from './linkify';
import { engineLabel, languageName } from './labels';
import { SentenceEditor } from './SentenceEditor';
import { SentenceText } from './SentenceText';
import {
  loadEngines,
  loadTranslation,
  saveSentence,
  useActive,
  useEngines,
  useTranslationEntry,
} from './store';
import { useCounterparts } from './useCounterparts';
import { useParagraphAlignment } from './useParagraphAlignment';
import './translation.css';

const NO_SEGMENTS: TranslatedSegment[] = [];
const search = (query: string) => navigate({ area: 'search', query });

/** What the column shows for an item: its translation, or why there is none. */
export function columnLayout(
  item: Pick<ItemDetail, 'lang' | 'text'>,
  to: string,
  layout: 'side-by-side' | 'original' | 'translation',
): 'side-by-side' | 'original' | 'translation' {
  // An item already in the target language, or with no text, has nothing to show beside it.
  if ((item.lang !== null && item.lang === to) || item.text.trim() === '') return 'original';
  return layout;
}

export function TranslationColumn({ item }: ReaderSlotProps) {
  const to = useSettings((s) => s.targetLanguage);
  const layout = columnLayout(
    item,
    to,
    useSettings((s) => s.reader.layout),
  );
  const engineSettings = useSettings((s) => s.translation);
  const { translation, error } = useTranslationEntry(item.id, to);
  const engines = useEngines();
  const active = useActive(item.id);
  const columnRef = useRef<HTMLDivElement>(null);
  /** The sentence being typed: its position in the segments, -1 for the title, null for none. */
  const [editing, setEditing] = useState<number | null>(null);
  // Nothing to show beside an item already in the target language (or without text). When the
  // analyst chose "original only", the column stays drawn but hidden, so that switching back is
  // instant and keeps the reading position (readingPosition.ts).
  const nothing = columnLayout(item, to, 'side-by-side') === 'original';

  useEffect(() => {
    if (!nothing) void loadTranslation(item.id, to);
  }, [item.id, to, nothing]);

  // A translation stored elsewhere (a job, another window, the CLI) shows up here at once.
  useEffect(
    () =>
      subscribe('translate.updated', (e) => {
        if (e.itemId === item.id && e.to === to) void loadTranslation(item.id, to);
      }),
    [item.id, to],
  );

  useEffect(() => {
    void loadEngines();
  }, [engineSettings]);

  const segments = translation?.itemId === item.id ? translation.segments : NO_SEGMENTS;
  const rows = useMemo(() => paragraphRows(segments), [segments]);
  const spacers = useParagraphAlignment(columnRef, rows, segments, layout === 'side-by-side');
  useCounterparts(columnRef, item.id, segments);

  const noEngine = engines !== null && engines.current === 'none';
  const highlighted = new Set(active?.sentences ?? []);
  const save = (index: number, text: string) => saveSentence(item.id, to, index, text);
  // Back to the sentence after typing, so the keyboard carries on from there. The focus is moved
  // after the render that closes the editor (and retried after later ones, e.g. the reload a
  // stored edit triggers), never before the sentence is back in the page.
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    const selector = focusAfterRender.current;
    const target = selector ? columnRef.current?.querySelector<HTMLElement>(selector) : null;
    if (!target) return;
    focusAfterRender.current = null;
    target.focus();
  });
  const closeEditor = (selector: string) => {
    focusAfterRender.current = selector;
    setEditing(null);
  };

  if (nothing) return <div className="translation" data-layout="original" ref={columnRef} />;

  return (
    <div className="translation" data-layout={layout} ref={columnRef} lang={to}>
      {noEngine && !translation?.stored && (
        <div className="translation__help" role="note">
          <p>{engines.help}</p>
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ area: 'settings', section: 'translation' })}
          >
            Open Settings → Translation
          </button>
        </div>
      )}
      {error && (
        <p className="translation__error" role="alert">
          {error}
        </p>
      )}
      {translation?.title && (
        <div className="translation__title">
          {editing === -1 ? (
            <SentenceEditor
              initial={translation.title.target}
              label="Translation of the title"
              onSave={(text) => save(-1, text)}
              onClose={() => closeEditor('.translation__title .sentence')}
            />
          ) : (
            <span
              className={`sentence${translation.title.target === '' ? ' sentence--empty' : ''}`}
              data-edited={translation.title.edited || undefined}
              data-placeholder={`Type the title in ${languageName(to)}…`}
              tabIndex={0}
              title={sentenceTitle(translation.title.engine, translation.title.edited)}
              onDoubleClick={() => setEditing(-1)}
              onClick={() => translation.title?.target === '' && setEditing(-1)}
              onKeyDown={(e) => editKey(e, () => setEditing(-1))}
            >
              {translation.title.target}
            </span>
          )}
        </div>
      )}
      <div className="translation__text" data-reader-text="translation" data-testid="translation-text">
        {rows.map((row, r) => (
          <div
            key={row.paragraph}
            className="translation__paragraph"
            data-paragraph-row={r}
            style={spacers[r] ? { paddingTop: spacers[r] } : undefined}
          >
            {row.sentences.map((position, k) => {
              const segment = segments[position];
              if (!segment) return null;
              // The space that joins this sentence to the one before it in ItemTranslation.text.
              const joined =
                segment.target !== '' &&
                row.sentences.slice(0, k).some((p) => (segments[p]?.target ?? '') !== '');
              const state = highlighted.has(position)
                ? active?.from === 'original'
                  ? ' is-counterpart'
                  : ' is-active'
                : '';
              return (
                <span key={segment.index} className="sentence-slot">
                  {joined && <span data-offset={segment.targetStart - 1}> </span>}
                  {editing === position ? (
                    <SentenceEditor
                      initial={segment.target}
                      label={`Translation of sentence ${position + 1}`}
                      onSave={(text) => save(segment.index, text)}
                      onClose={() => closeEditor(`[data-segment="${position}"]`)}
                    />
                  ) : (
                    <span
                      className={`sentence${segment.target === '' ? ' sentence--empty' : ''}${state}`}
                      data-segment={position}
                      data-edited={segment.edited || undefined}
                      data-placeholder="Type a translation…"
                      tabIndex={0}
                      title={
                        layout === 'translation'
                          ? `${segment.source}\n\n${sentenceTitle(segment.engine, segment.edited)}`
                          : sentenceTitle(segment.engine, segment.edited)
                      }
                      onDoubleClick={() => setEditing(position)}
                      onClick={() => segment.target === '' && setEditing(position)}
                      onKeyDown={(e) => editKey(e, () => setEditing(position))}
                    >
                      <SentenceText text={segment.target} base={segment.targetStart} onSearch={search} />
                    </span>
                  )}
                  {hiddenLinks(item.entities, segment.start, segment.end).map((href) => (
                    <a
                      key={href}
                      className="translation__source-link"
                      href={href}
                      target="_blank"
                      rel="noopener noreferrer"
                      title={`Link in the original: ${href}`}
                      aria-label={`Link in the original: ${href}`}
                    />
                  ))}
                </span>
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}

function sentenceTitle(engine: string | null, edited: boolean): string {
  if (edited) return 'Edited by you: machine translation leaves it alone. Double-click to change it.';
  if (!engine) return 'Not translated yet. Click to type a translation.';
  return `Machine translation (${engineLabel(engine)}). Double-click to correct it.`;
}

/** Enter or F2 on a focused sentence edits it (not on a link or hashtag inside it). */
function editKey(e: KeyboardEvent<HTMLElement>, edit: () => void): void {
  if (e.target !== e.currentTarget) return;
  if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    edit();
  }
}
