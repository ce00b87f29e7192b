// The import flow of the UI: dropped or picked files → staged on the back end (uploaded in browser
// mode) → optional CSV column mapping → `import.start` → the job's progress → its report. The drop
// handler is registered when this module loads, so a drop anywhere in the window imports, whichever
// area is open; the Library then shows the progress.
import { create } from 'zustand';
import type { CsvInspection, ImportReport, JobInfo } from '../../../../shared/domain';
import { call, callOrNotify, subscribe } from '../../app/api';
import { onFilesDropped, type DroppedFile } from '../../app/drop';
import { navigate } from '../../app/nav';
import { notify } from '../../app/notices';
import { stageDroppedFiles, type UploadProgress } from '../../bridge';
import { csvPaths, summarise } from './format';

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number; total: number | null }
  | { kind: 'mapping'; paths: string[]; inspections: CsvInspection[] }
  | { kind: 'running'; jobId: string };

interface ImportFlowStore {
  stage: ImportStage;
  /** Telegram username for permalinks of the next import (optional). */
  username: string;
  lastReport: ImportReport | null;
  /** Bumped whenever the history may have changed. */
  revision: number;
}

export const useImportFlow = create<ImportFlowStore>(() => ({
  stage: { kind: 'idle' },
  username: '',
  lastReport: null,
  revision: 0,
}));

export function setUsername(username: string): void {
  useImportFlow.setState({ username });
}

export function bumpRevision(): void {
  useImportFlow.setState((s) => ({ revision: s.revision + 1 }));
}

function uploadProgress(p: UploadProgress): void {
  useImportFlow.setState({ stage: { kind: 'uploading', sent: p.loaded, total: p.total } });
}

/** A username as the back end accepts it (3–64 letters, digits, underscores; "@" optional). */
export function usernameProblem(username: string): string | null {
  const u = username.trim();
  if (u === '') return null;
  return /^@?[A-Za-z0-9_]{3,64}$/.test(u)
    ? null
    : 'A Telegram username is 3–64 letters, digits or underscores.';
}

/** Imports files the analyst dropped or picked. */
export async function importFiles(files: DroppedFile[]): Promise<void> {
  if (files.length === 0) return;
  const { stage } = useImportFlow.getState();
  if (stage.kind !== 'idle') {
    notify({
      kind: 'warning',
      title: 'An import is already under way',
      message: 'Wait for it to finish (or cancel it) before importing more.',
    });
    return;
  }
  navigate('library');
  useImportFlow.setState({
    stage: { kind: 'uploading', sent: 0, total: files.reduce((n, f) => n + f.file.size, 0) },
  });
  let paths: string[];
  try {
    paths = await stageDroppedFiles(files, uploadProgress);
  } catch (err) {
    useImportFlow.setState({ stage: { kind: 'idle' } });
    notify({
      kind: 'error',
      title: 'Could not read the dropped files',
      message: err instanceof Error ? err.message : String(err),
    });
    return;
  }
  const csv = csvPaths(paths);
  if (csv.length > 0) {
    const inspections: CsvInspection[] = [];
    for (const path of csv) {
      const res = await call('import.inspectCsv', { path });
      // An older back end without CSV inspection just imports with the automatic mapping.
      if (res.ok && res.value.missing.length > 0) inspections.push(res.value);
    }
    if (inspections.length > 0) {
      useImportFlow.setState({ stage: { kind: 'mapping', paths, inspections } });
      return;
    }
  }
  await startImport(paths, null);
}

/** Continues after the CSV mapping dialog (or abandons the import when `map` is undefined). */
export async function finishMapping(map: Record<string, string> | undefined): Promise<void> {
  const { stage } = useImportFlow.getState();
  if (stage.kind !== 'mapping') return;
  if (map === undefined) {
    useImportFlow.setState({ stage: { kind: 'idle' } });
    return;
  }
  await startImport(stage.paths, map);
}

async function startImport(paths: string[], csvMap: Record<string, string> | null): Promise<void> {
  const username = useImportFlow.getState().username.trim();
  const options = {
    ...(username && !usernameProblem(username) ? { username } : {}),
    ...(csvMap ? { csvMap } : {}),
  };
  const started = await callOrNotify('import.start', { paths, options }, 'start the import');
  if (!started) {
    useImportFlow.setState({ stage: { kind: 'idle' } });
    return;
  }
  useImportFlow.setState({ stage: { kind: 'running', jobId: started.jobId } });
}

/** Follows import jobs: when ours ends, shows its outcome and returns to idle. */
function onJob(job: JobInfo): void {
  const { stage } = useImportFlow.getState();
  if (job.kind !== 'import' || job.state === 'running') return;
  bumpRevision();
  if (stage.kind !== 'running' || stage.jobId !== job.id) return;
  useImportFlow.setState({ stage: { kind: 'idle' } });
  // Cancel pressed while indexing: the import itself was already saved (the report says so).
  if (job.state === 'done' || (job.state === 'cancelled' && job.result)) {
    const report = job.result as ImportReport | null;
    useImportFlow.setState({ lastReport: report });
    const entries = report?.imports ?? [];
    const refused = entries.filter((e) => e.error);
    notify({
      kind: refused.length > 0 ? 'warning' : 'success',
      title: refused.length > 0 ? 'Import finished with refused files' : 'Import finished',
      message: [summarise(entries), ...refused.map((r) => r.error ?? '')].join('\n'),
    });
  } else if (job.state === 'cancelled') {
    notify({
      kind: 'info',
      title: 'Import cancelled',
      message: 'Nothing of it was kept: the workspace is as it was before.',
    });
  } else {
    notify({
      kind: 'error',
      title: 'The import failed',
      message: `${job.error ?? 'Unknown error'} — nothing of it was kept.`,
    });
  }
}

let wired = false;

/** Registers the window-wide drop handler and the job listener (once). */
export function wireImportFlow(): void {
  if (wired) return;
  wired = true;
  onFilesDropped((files) => importFiles(files));
  subscribe('job.progress', onJob);
  subscribe('workspace.changed', () => bumpRevision());
  subscribe('menu.command', ({ command }) => {
    if (command === 'import') {
      navigate('library');
      window.dispatchEvent(new CustomEvent('sifter:pick-import'));
    }
  });
}
