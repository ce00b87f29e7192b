// Report calls of the handler map: the live preview, a rendered file for a browser download, and
// an export job that writes the file (its JobInfo.result is a ReportExportResult).
import type { reportCalls } from '../../../shared/api/reports';
import type { HandlersFor } from '../handler';
import { FORMAT_INFO, exportReport, exportTarget, previewReport, renderReport } from './render';

export const reportHandlers: HandlersFor<typeof reportCalls> = {
  'reports.preview': (req, core) => previewReport(core, req.spec),
  'reports.render': (req, core) => renderReport(core, req.spec, req.format),
  'reports.export': (req, core) => {
    const target = exportTarget(req.path, req.format); // a bad path is refused now, not in the job
    let jobId = '';
    // JobRegistry.run announces the job synchronously before its work starts: the first export
    // job event heard during this call is ours.
    const unsubscribe = core.events.subscribe((event, payload) => {
      if (!jobId && event === 'job.progress' && (payload as { kind: string }).kind === 'export')
        jobId = (payload as { id: string }).id;
    });
    const running = core.jobs.run(
      'export',
      `Exporting ${FORMAT_INFO[req.format].label} to ${target}`,
      (job) => exportReport(core, req.spec, req.format, target, job),
    );
    unsubscribe();
    // The outcome is the job's JobInfo (state, result or error); nobody awaits this promise.
    running.catch(() => undefined);
    return { jobId };
  },
};
