// The Library: import files, folders and zips (drop anywhere, or Import…), follow the import's
// progress, see the import history and the newest items.
import { useEffect, useRef } from 'react';
import type { DroppedFile } from '../../app/drop';
import { AreaHeader } from '../../app/ui/AreaHeader';
import { EmptyState } from '../../app/ui/EmptyState';
import { FolderIcon, ImportIcon, LibraryIcon } from '../../app/ui/icons';
import { useWorkspaceInfo } from '../../app/workspace';
import { CsvMappingDialog } from './CsvMappingDialog';
import { ImportHistory, useImportHistory } from './ImportHistory';
import { ImportProgress } from './ImportProgress';
import { LatestItems } from './LatestItems';
import { importFiles, setUsername, useImportFlow, usernameProblem, wireImportFlow } from './importFlow';
import './library.css';

// Drops are imported whichever area is open: the handler is registered as soon as the app loads.
wireImportFlow();

const count = new Intl.NumberFormat();

function UsernameField() {
  const username = useImportFlow((s) => s.username);
  const problem = usernameProblem(username);
  return (
    <label
      className="library-username"
      title="Telegram exports do not carry the channel's username; with it, items link to t.me/<username>/<id>."
    >
      <span>Telegram username</span>
      <input
        className="input"
        value={username}
        placeholder="optional, e.g. channel_name"
        aria-label="Telegram username for permalinks (optional)"
        aria-invalid={problem ? true : undefined}
        onChange={(e) => setUsername(e.target.value)}
        size={18}
      />
      {problem && <span className="library-username__problem">{problem}</span>}
    </label>
  );
}

export function LibraryArea() {
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const items = useWorkspaceInfo()?.counts.items ?? 0;
  const stage = useImportFlow((s) => s.stage);
  const history = useImportHistory();
  const busy = stage.kind !== 'idle';

  useEffect(() => {
    // The app menu's Import… (Electron) opens the file picker.
    const pick = () => files.current?.click();
    window.addEventListener('sifter:pick-import', pick);
    return () => window.removeEventListener('sifter:pick-import', pick);
  }, []);

  const picked = (list: FileList | null) => {
    const chosen: DroppedFile[] = Array.from(list ?? []).map((file) => ({
      file,
      relativePath: file.webkitRelativePath || file.name,
    }));
    void importFiles(chosen);
  };

  const empty = history !== null && history.length === 0 && items === 0;

  return (
    <div className="area__body library">
      <AreaHeader
        title="Library"
        subtitle={items > 0 ? `${count.format(items)} items in this workspace` : 'Imports and sources'}
      >
        <UsernameField />
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => files.current?.click()}
        >
          <ImportIcon size={14} /> Import…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => folder.current?.click()}>
          <FolderIcon size={14} /> Import folder…
        </button>
      </AreaHeader>
      <input
        ref={files}
        type="file"
        multiple
        hidden
        data-testid="import-files-input"
        onChange={(e) => {
          picked(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <input
        ref={folder}
        type="file"
        hidden
        data-testid="import-folder-input"
        {...{ webkitdirectory: '' }}
        onChange={(e) => {
          picked(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <ImportProgress />
      {stage.kind === 'mapping' && <CsvMappingDialog inspections={stage.inspections} />}
      {empty && !busy ? (
        <EmptyState
          icon={<LibraryIcon size={32} />}
          title="Nothing imported yet"
          actions={
            <button type="button" className="button button--primary" onClick={() => files.current?.click()}>
              <ImportIcon size={14} /> Import…
            </button>
          }
        >
          <p>
            Drop a Telegram export, a saved article, a feed or a zip anywhere on the window, or click Import….
          </p>
          <p className="muted">
            Sifter reads Telegram Desktop exports (JSON or HTML), saved web pages, RSS/Atom feeds and OPML,
            X/Twitter archives, WARC captures, CSV and NDJSON exports — as files, folders or zip archives.
            Re-importing adds nothing twice.
          </p>
        </EmptyState>
      ) : (
        <>
          {history && <ImportHistory history={history} />}
          <LatestItems />
        </>
      )}
    </div>
  );
}
