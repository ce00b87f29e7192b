// The status bar: the open workspace, running jobs with progress and Cancel, and the way to the
// keyboard help.
import type { JobInfo } from '../../../shared/domain';
import { useConnection } from './connection';
import { cancelJob, dismissJob, formatEta, formatProgress, useJobs } from './jobs';
import { setHelpOpen, usePendingGo } from './keyboard';
import { navigate } from './nav';
import { CloseIcon, FolderIcon, KeyboardIcon } from './ui/icons';
import { useAppInfo, useWorkspaceError } from './workspace';

function JobStatus({ job }: { job: JobInfo }) {
  const percent = job.total ? Math.min(100, Math.round((job.done / job.total) * 100)) : null;
  const eta = job.state === 'running' ? formatEta(job.etaMs) : null;
  const label = `${job.title}: ${job.state === 'running' ? job.phase : job.state}`;
  return (
    <div className={`job job--${job.state}`} data-job-id={job.id} aria-label={label}>
      <span className="job__title" title={job.title}>
        {job.title}
      </span>
      {job.state === 'running' ? (
        <>
          <span className="job__phase">{job.phase}</span>
          <progress
            className="job__bar"
            max={job.total ?? undefined}
            value={job.total ? job.done : undefined}
            aria-label={`${job.title} progress`}
          />
          <span className="job__count">
            {formatProgress(job)}
            {percent !== null && ` · ${percent}%`}
          </span>
          {eta && <span className="job__eta">{eta}</span>}
          <button type="button" className="statusbar__button" onClick={() => void cancelJob(job.id)}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <span className="job__outcome" title={job.error ?? undefined}>
            {job.state === 'done'
              ? 'done'
              : job.state === 'cancelled'
                ? 'cancelled'
                : `failed: ${job.error ?? 'unknown error'}`}
          </span>
          <button
            type="button"
            className="statusbar__icon-button"
            onClick={() => dismissJob(job.id)}
            aria-label={`Dismiss ${job.title}`}
          >
            <CloseIcon size={12} />
          </button>
        </>
      )}
    </div>
  );
}

export function StatusBar() {
  const app = useAppInfo();
  const error = useWorkspaceError();
  const jobs = useJobs();
  const pendingGo = usePendingGo();
  const conn = useConnection();
  return (
    <footer className="statusbar" aria-label="Status">
      <button
        type="button"
        className="statusbar__workspace"
        title={app ? `Workspace: ${app.workspace} — manage workspaces in Settings` : undefined}
        onClick={() => navigate({ area: 'settings', section: 'workspace' })}
        data-testid="status-workspace"
      >
        <FolderIcon size={13} />
        <span className="statusbar__path">
          <bdi>{error ? `Workspace unavailable: ${error}` : (app?.workspace ?? 'Connecting…')}</bdi>
        </span>
      </button>
      <div className="statusbar__jobs" role="status" aria-live="polite" aria-label="Background jobs">
        {jobs.map((job) => (
          <JobStatus key={job.id} job={job} />
        ))}
      </div>
      {(conn.state === 'reconnecting' || conn.state === 'closed') && (
        <span className="statusbar__conn" title={conn.detail}>
          {conn.state === 'reconnecting' ? 'Reconnecting…' : 'Disconnected'}
        </span>
      )}
      {pendingGo && (
        <span className="statusbar__hint" aria-live="polite">
          g … l s r t p ,
        </span>
      )}
      {app && (
        <span className="statusbar__meta">
          {app.mode === 'browser' ? 'Browser mode' : 'Desktop'} · v{app.version}
        </span>
      )}
      <button
        type="button"
        className="statusbar__icon-button"
        onClick={() => setHelpOpen(true)}
        aria-label="Keyboard shortcuts (?)"
        title="Keyboard shortcuts (?)"
      >
        <KeyboardIcon size={14} />
      </button>
    </footer>
  );
}
