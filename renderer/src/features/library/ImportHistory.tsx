// The import history: what was imported, when, in which format, with its counts and warnings, and
// a Remove (after confirmation) that takes the import's items away with everything attached.
import { useEffect, useState } from 'react';
import type { ImportHistoryEntry } from '../../../../shared/domain';
import { call, callOrNotify } from '../../app/api';
import { notify } from '../../app/notices';
import { formatDuration, formatLabel } from './format';
import { bumpRevision, useImportFlow } from './importFlow';

const count = new Intl.NumberFormat();
const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function useImportHistory(): ImportHistoryEntry[] | null {
  const revision = useImportFlow((s) => s.revision);
  const [history, setHistory] = useState<ImportHistoryEntry[] | null>(null);
  useEffect(() => {
    let live = true;
    void call('import.list', {}).then((res) => {
      if (live && res.ok) setHistory(res.value);
    });
    return () => {
      live = false;
    };
  }, [revision]);
  return history;
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return <span className="muted">—</span>;
  return (
    <details className="import-history__warnings">
      <summary>{warnings.length}</summary>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
}

function RemoveButton({ entry }: { entry: ImportHistoryEntry }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--small"
        onClick={() => setConfirming(true)}
        aria-label={`Remove import ${entry.file}`}
      >
        Remove
      </button>
    );
  }
  const remove = async () => {
    setBusy(true);
    const res = await callOrNotify('import.remove', { id: entry.id }, 'remove the import');
    setBusy(false);
    setConfirming(false);
    if (res) {
      notify({
        kind: 'success',
        title: `Removed ${entry.file}`,
        message: `${count.format(res.removedItems)} items and their tags, clips, notes and translations are gone.`,
      });
      bumpRevision();
    }
  };
  return (
    <span className="import-history__confirm" role="group" aria-label={`Confirm removing ${entry.file}`}>
      Remove {count.format(entry.items)} items?
      <button
        type="button"
        className="button button--small button--danger"
        disabled={busy}
        onClick={() => void remove()}
      >
        Remove
      </button>
      <button type="button" className="button button--small" onClick={() => setConfirming(false)}>
        Keep
      </button>
    </span>
  );
}

export function ImportHistory({ history }: { history: ImportHistoryEntry[] }) {
  if (history.length === 0) return null;
  return (
    <section className="library-section" aria-labelledby="import-history-title">
      <h2 id="import-history-title" className="library-section__title">
        Import history
      </h2>
      <div className="import-history__scroll">
        <table className="import-history" aria-label="Import history">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Imported</th>
              <th scope="col" className="num">
                Added
              </th>
              <th scope="col" className="num">
                Duplicates
              </th>
              <th scope="col" className="num">
                Skipped
              </th>
              <th scope="col">Warnings</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col" className="num">
                Items now
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id} data-import-id={h.id}>
                <td className="import-history__file" title={h.file}>
                  {h.file}
                  {h.status !== 'done' && <span className="import-history__status"> ({h.status})</span>}
                </td>
                <td>{formatLabel(h.format)}</td>
                <td>{when.format(h.startedAt)}</td>
                <td className="num">{count.format(h.added)}</td>
                <td className="num">{count.format(h.duplicates)}</td>
                <td className="num">{count.format(h.skipped)}</td>
                <td>
                  <Warnings warnings={h.warnings} />
                </td>
                <td className="num">{formatDuration(h.durationMs)}</td>
                <td className="num">{count.format(h.items)}</td>
                <td>
                  <RemoveButton entry={h} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
