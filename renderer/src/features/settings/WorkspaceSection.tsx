// The workspace: what is open, the recent ones, and opening or creating another by its folder
// path — one workspace per investigation.
import { useEffect, useState, type FormEvent } from 'react';
import type { RecentWorkspace } from '../../../../shared/domain';
import { call } from '../../app/api';
import { notify } from '../../app/notices';
import { useWorkspaceInfo } from '../../app/workspace';
import { SettingRow, SettingsSection, type SaveState } from './SettingRow';

const count = new Intl.NumberFormat();
const when = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
  hourCycle: 'h23',
});

const SHOWN_COUNTS: [string, string][] = [
  ['items', 'items'],
  ['imports', 'imports'],
  ['tags', 'tags'],
  ['clips', 'clips'],
  ['translations', 'translations'],
];

export function WorkspaceSection() {
  const info = useWorkspaceInfo();
  const [recent, setRecent] = useState<RecentWorkspace[] | null>(null);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  useEffect(() => {
    let live = true;
    void call('workspace.recent', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRecent(r.value);
      else setState({ kind: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [info?.dir]);

  const open = async (dir: string) => {
    setBusy(true);
    setState({ kind: 'idle' });
    const result = await call('workspace.open', { dir });
    setBusy(false);
    if (!result.ok) {
      setState({ kind: 'error', message: result.error.message });
      return;
    }
    setPath('');
    // The back end announces workspace.changed; the status bar and stores refresh from it.
    notify({ kind: 'success', title: 'Workspace opened', message: result.value.dir });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const dir = path.trim();
    if (dir === '') {
      setState({
        kind: 'error',
        message: 'Type the path of a workspace folder (a new or empty folder becomes a new workspace).',
      });
      return;
    }
    void open(dir);
  };

  return (
    <SettingsSection id="workspace" title="Workspace">
      <SettingRow
        label="Current workspace"
        help="Everything imported, tagged and translated in this investigation."
      >
        <div className="workspace-card" data-testid="current-workspace">
          <code className="workspace-card__path">{info?.dir ?? '…'}</code>
          {info && (
            <p className="workspace-card__counts">
              {SHOWN_COUNTS.map(([key, label]) => `${count.format(info.counts[key] ?? 0)} ${label}`).join(
                ' · ',
              )}
              {` · schema v${info.schemaVersion}`}
            </p>
          )}
        </div>
      </SettingRow>
      <SettingRow
        label="Open or create"
        htmlFor="workspace-path"
        help="A folder path on the machine running Sifter. A missing or empty folder becomes a new workspace."
        state={state}
      >
        <form className="field-row" onSubmit={submit}>
          <input
            id="workspace-path"
            className="input input--mono"
            placeholder="/home/analyst/investigations/…"
            value={path}
            spellCheck={false}
            autoComplete="off"
            aria-describedby="workspace-path-status"
            aria-invalid={state.kind === 'error'}
            onChange={(e) => setPath(e.currentTarget.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Open
          </button>
        </form>
      </SettingRow>
      <SettingRow label="Recent workspaces">
        {recent === null ? (
          <p className="muted">Loading…</p>
        ) : recent.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="recent-list" aria-label="Recent workspaces">
            {recent.map((r) => {
              const current = r.dir === info?.dir;
              return (
                <li key={r.dir} className="recent-list__item">
                  <div className="recent-list__text">
                    <code className="recent-list__path" title={r.dir}>
                      {r.dir}
                    </code>
                    <span className="recent-list__when">
                      {current ? 'open now' : `opened ${when.format(r.openedAt)}`}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={current || busy}
                    onClick={() => void open(r.dir)}
                  >
                    {current ? 'Current' : 'Open'}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </SettingRow>
    </SettingsSection>
  );
}
