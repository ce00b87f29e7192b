// Import calls of the handler map: start an import job, list the history, remove an import, and
// read a CSV's headers for the mapping dialog.
import type { importCalls } from '../../../shared/api/imports';
import type { HandlersFor } from '../handler';
import { importPaths } from './pipeline';
import { listImports, removeImport } from './history';
import { inspectCsv } from './csv/inspect';

export const importHandlers: HandlersFor<typeof importCalls> = {
  'import.start': (req, core) => {
    const title =
      req.paths.length === 1
        ? `Importing ${req.paths[0]!.split(/[\\/]/).pop()}`
        : `Importing ${req.paths.length} items`;
    let jobId = '';
    // JobRegistry.run announces the job synchronously, before its work starts: the first import
    // job event heard during this call is ours (nothing else can run in between).
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (!jobId && event === 'job.progress' && (payload as { kind: string }).kind === 'import')
        jobId = (payload as { id: string }).id;
    });
    const running = core.jobs.run('import', title, (job) =>
      importPaths(core, req.paths, req.options ?? {}, job),
    );
    unsubscribe();
    // The job's outcome is its JobInfo (state, result = ImportReport); nobody awaits this promise.
    running.catch(() => undefined);
    return { jobId };
  },
  'import.list': (_req, core) => listImports(core),
  'import.remove': (req, core) => removeImport(core, req.id),
  'import.inspectCsv': (req) => inspectCsv(req.path),
};
