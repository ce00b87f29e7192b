// A button that translates many items in the background — all results of a search, all items
// carrying a tag — and, once the job ends, a summary of what happened with the failed items
// listed and a Retry. Progress and Cancel are in the status bar, like every job.
import { useId } from 'react';
import { navigate } from '../../app/nav';
import { useSettings } from '../../app/settings';
import { languageName } from './labels';
import {
  dismissTranslateRun,
  isRunning,
  runResult,
  startTranslateRun,
  useTranslateRun,
  type TranslateRun,
  type TranslateSelection,
} from './translateJobs';
import './translation.css';

const count = new Intl.NumberFormat();
const plural = (n: number, one: string, many = `${one}s`) => `${count.format(n)} ${n === 1 ? one : many}`;

interface Props {
  /** Which run this button shows (one per place: "search", "tag:<path>"). */
  runKey: string;
  selection: TranslateSelection;
  label: string;
  disabled?: boolean;
  className?: string;
}

export function TranslateJobButton({ runKey, selection, label, disabled, className }: Props) {
  const to = useSettings((s) => s.targetLanguage);
  const run = useTranslateRun(runKey);
  const running = isRunning(run);
  const panelId = useId();
  const progress =
    run?.job?.state === 'running' ? ` ${count.format(run.job.done)} / ${count.format(run.items)}` : '';
  return (
    <div className="translate-job">
      <button
        type="button"
        className={className ?? 'button'}
        disabled={disabled || running}
        title={`Translate into ${languageName(to)} in the background`}
        aria-controls={run ? panelId : undefined}
        onClick={() => void startTranslateRun(runKey, selection, to)}
      >
        {running ? `Translating…${progress}` : label}
      </button>
      {run && !running && (
        <RunSummary id={panelId} run={run} onDismiss={() => dismissTranslateRun(runKey)} runKey={runKey} />
      )}
    </div>
  );
}

function RunSummary({
  id,
  run,
  runKey,
  onDismiss,
}: {
  id: string;
  run: TranslateRun;
  runKey: string;
  onDismiss(): void;
}) {
  const result = runResult(run);
  const retry = (selection: TranslateSelection) => void startTranslateRun(runKey, selection, run.to);
  const failed = result?.failed ?? [];
  return (
    <div
      className={`translate-job__summary${run.error || run.job?.state === 'failed' || failed.length > 0 ? ' translate-job__summary--problem' : ''}`}
      id={id}
      role="status"
      data-testid="translate-job-summary"
    >
      {run.error ? (
        <p>Translation did not start: {run.error}</p>
      ) : run.job?.state === 'failed' ? (
        <>
          <p>Translation stopped: {run.job.error ?? 'unknown error'}</p>
          <button type="button" className="button button--small" onClick={() => retry(run.selection)}>
            Retry
          </button>
        </>
      ) : run.job?.state === 'cancelled' ? (
        <>
          <p>
            Translation cancelled after {plural(run.job.done, 'item')} of {count.format(run.items)}.
            Translated sentences are kept; running it again only pays for the rest.
          </p>
          <button type="button" className="button button--small" onClick={() => retry(run.selection)}>
            Run again
          </button>
        </>
      ) : result ? (
        <>
          <p>
            Translated {count.format(result.translated)} of {plural(result.items, 'item')} into{' '}
            {languageName(result.to)}
            {result.skipped > 0 &&
              ` (${count.format(result.skipped)} skipped: already in that language or no text)`}
            . {plural(result.fromEngine, 'sentence')} from the engine, {count.format(result.fromMemory)} from
            memory
            {result.billedChars > 0 && `, ${plural(result.billedChars, 'billed character')}`}.
          </p>
          {failed.length > 0 && (
            <>
              <p>{plural(failed.length, 'item')} failed:</p>
              <ul className="translate-job__failures">
                {failed.slice(0, 50).map((f) => (
                  <li key={f.itemId}>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => navigate({ area: 'reader', itemId: f.itemId })}
                    >
                      Item {f.itemId}
                    </button>{' '}
                    {f.error}
                  </li>
                ))}
                {failed.length > 50 && <li>… and {count.format(failed.length - 50)} more</li>}
              </ul>
              <button
                type="button"
                className="button button--small"
                onClick={() => retry({ ids: failed.map((f) => f.itemId) })}
              >
                Retry the failed items
              </button>
            </>
          )}
        </>
      ) : null}
      <button type="button" className="link-button translate-job__dismiss" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/** "Translate all results" for the Search area: every item the query matches. */
export function TranslateResultsButton({ query, disabled }: { query: string; disabled?: boolean }) {
  return (
    <TranslateJobButton
      runKey="search"
      selection={{ query }}
      label="Translate all results"
      disabled={disabled || query.trim() === ''}
    />
  );
}

/**
 * "Translate all items tagged X" for the Tags area (sub-tags included). `tag` is the tag's path
 * ("Actors/Way Home") or a unique name.
 */
export function TranslateTagButton({ tag, className }: { tag: string; className?: string }) {
  return (
    <TranslateJobButton
      runKey={`tag:${tag}`}
      selection={{ tag }}
      label="Translate all tagged items"
      className={className}
    />
  );
}
