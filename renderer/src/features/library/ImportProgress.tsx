// What the current import is doing: uploading, then parsed/stored/indexed counts with a progress
// bar, the time left and Cancel. Cancelling rolls the whole import back.
import { cancelJob, formatEta, useJobs } from '../../app/jobs';
import { useImportFlow } from './importFlow';

const count = new Intl.NumberFormat();

export function ImportProgress() {
  const stage = useImportFlow((s) => s.stage);
  const jobs = useJobs();
  if (stage.kind === 'uploading') {
    const percent = stage.total ? Math.min(100, Math.round((stage.sent / stage.total) * 100)) : null;
    return (
      <section className="import-progress" aria-label="Import progress" aria-live="polite">
        <div className="import-progress__title">Sending the files to Sifter…</div>
        <progress
          className="import-progress__bar"
          max={100}
          value={percent ?? undefined}
          aria-label="Upload progress"
        />
        {percent !== null && <div className="import-progress__counts">{percent}%</div>}
      </section>
    );
  }
  if (stage.kind !== 'running') return null;
  const job = jobs.find((j) => j.id === stage.jobId);
  const c = job?.counters ?? {};
  const eta = job ? formatEta(job.etaMs) : null;
  return (
    <section className="import-progress" aria-label="Import progress" aria-live="polite">
      <div className="import-progress__title">
        {job?.title ?? 'Importing…'} <span className="muted">{job?.phase}</span>
      </div>
      <progress
        className="import-progress__bar"
        max={job?.total ?? undefined}
        value={job?.total ? job.done : undefined}
        aria-label="Import progress bar"
      />
      <div className="import-progress__counts" data-testid="import-counters">
        <span>{count.format(c.parsed ?? 0)} parsed</span>
        <span>{count.format(c.stored ?? 0)} stored</span>
        <span>{count.format(c.indexed ?? 0)} indexed</span>
        {(c.duplicates ?? 0) > 0 && <span>{count.format(c.duplicates ?? 0)} already there</span>}
        {eta && <span className="muted">{eta}</span>}
        <button type="button" className="button button--small" onClick={() => void cancelJob(stage.jobId)}>
          Cancel import
        </button>
      </div>
    </section>
  );
}
