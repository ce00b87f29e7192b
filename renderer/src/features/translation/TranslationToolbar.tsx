// The Reader toolbar's translation controls: which columns to show (kept in settings, so it holds
// across items and restarts), "Translate" with its progress, and what produced the translation.
import type { TranslatedSegment } from '../../../../shared/api/translate';
import { useSettings, updateSettings } from '../../app/settings';
import { navigate } from '../../app/nav';
import { notify } from '../../app/notices';
import type { ReaderSlotProps } from '../reader/extensions';
import { engineLabel, languageName } from './labels';
import { readingPosition, restoreReadingPosition } from './readingPosition';
import { columnLayout } from './TranslationColumn';
import { translateNow, useEngines, useTranslationEntry } from './store';

type Layout = 'side-by-side' | 'original' | 'translation';

const LAYOUTS: { value: Layout; label: string; title: string }[] = [
  { value: 'side-by-side', label: 'Side by side', title: 'The original and its translation side by side' },
  { value: 'original', label: 'Original', title: 'Only the original' },
  { value: 'translation', label: 'Translation', title: 'Only the translation' },
];

async function setLayout(layout: Layout, segments: readonly TranslatedSegment[] = []): Promise<void> {
  const position = readingPosition(segments);
  const error = await updateSettings({ reader: { layout } });
  if (error) notify({ kind: 'error', title: 'Could not change the columns', message: error });
  // After React has drawn the new columns (and alignment has measured them).
  else if (position)
    requestAnimationFrame(() => requestAnimationFrame(() => restoreReadingPosition(segments, position)));
}

export function TranslationToolbar({ item }: ReaderSlotProps) {
  const to = useSettings((s) => s.targetLanguage);
  const chosen = useSettings((s) => s.reader.layout);
  const { translation, translating, lastRun } = useTranslationEntry(item.id, to);
  const engines = useEngines();
  const language = languageName(to);

  if (item.text.trim() === '') return null;
  if (columnLayout(item, to, 'side-by-side') === 'original') {
    return <span className="translation-status">Already in {language}</span>;
  }

  const current = engines?.current ?? null;
  const status = engines?.engines.find((e) => e.id === current) ?? null;
  const configured = current !== null && current !== 'none';
  const ready = configured && (status?.ready ?? true);
  const machine = translation?.stored && translation.engine && translation.engine !== 'manual';

  const translate = async () => {
    if (chosen === 'original') await setLayout('side-by-side');
    await translateNow(item.id, to);
  };

  return (
    <div className="translation-tools" role="group" aria-label="Translation">
      <div className="segmented segmented--compact" role="group" aria-label="Columns">
        {LAYOUTS.map((l) => (
          <button
            key={l.value}
            type="button"
            aria-pressed={chosen === l.value}
            title={l.title}
            onClick={() => void setLayout(l.value, translation?.segments)}
          >
            {l.label}
          </button>
        ))}
      </div>
      <button
        type="button"
        className="reader-button reader-button--primary"
        disabled={translating || !ready}
        title={
          !configured
            ? 'No translation engine is configured (Settings → Translation)'
            : !ready
              ? (status?.problem ?? undefined)
              : `Translate into ${language} with ${engineLabel(status?.variant ?? current)}`
        }
        onClick={() => void translate()}
      >
        {translating ? 'Translating…' : machine ? 'Translate again' : `Translate into ${language}`}
      </button>
      {translating && <progress className="translation-tools__progress" aria-label="Translating" />}
      <span className="translation-status" aria-live="polite" data-testid="translation-status">
        {translating
          ? `Translating with ${engineLabel(status?.variant ?? current)}…`
          : machine
            ? describeRun(translation.engine, translation.edited, lastRun)
            : translation?.stored
              ? 'Typed by hand'
              : configured
                ? ready
                  ? 'Not translated yet'
                  : (status?.problem ?? 'The engine is not ready')
                : null}
        {!configured && engines && (
          <button
            type="button"
            className="link-button"
            onClick={() => navigate({ area: 'settings', section: 'translation' })}
          >
            Set up a translation engine
          </button>
        )}
      </span>
    </div>
  );
}

function describeRun(
  engine: string | null,
  edited: boolean,
  run: { fromMemory: number; fromEngine: number } | null,
): string {
  const parts = [`Machine translation · ${engineLabel(engine)}`];
  if (edited) parts.push('with your edits');
  if (run) {
    const sentences = (n: number) => `${n} ${n === 1 ? 'sentence' : 'sentences'}`;
    parts.push(`${sentences(run.fromEngine)} from the engine, ${run.fromMemory} from memory`);
  }
  return parts.join(' · ');
}
