// One button per format. The back end renders the file and the page downloads it (in the app,
// Electron turns the download into a save dialog).
import { useState } from 'react';
import type { ReportFormat, ReportSpecInput } from '../../../../shared/api/reports';
import { callOrNotify } from '../../app/api';
import { notify } from '../../app/notices';
import { downloadReport } from './download';

const FORMATS: { format: ReportFormat; label: string; hint: string }[] = [
  { format: 'html', label: 'HTML', hint: 'One self-contained page: prints well, reads on a phone' },
  { format: 'docx', label: 'DOCX', hint: 'Word document with a table of contents' },
  { format: 'pdf', label: 'PDF', hint: 'Printed by Chromium on the machine running Sifter' },
  { format: 'md', label: 'Markdown', hint: 'Plain text with Markdown formatting' },
  { format: 'csv', label: 'CSV', hint: 'Spreadsheet: one row per item (or per clip)' },
  { format: 'json', label: 'JSON', hint: 'Full records, importable back into Sifter' },
  { format: 'ndjson', label: 'NDJSON', hint: 'Full records, one per line, importable back into Sifter' },
];

export function ExportBar({ spec }: { spec: ReportSpecInput | null }) {
  const [busy, setBusy] = useState<ReportFormat | null>(null);

  const run = async (format: ReportFormat): Promise<void> => {
    if (!spec || busy) return;
    setBusy(format);
    try {
      const file = await callOrNotify(
        'reports.render',
        { spec, format },
        `export the report as ${format.toUpperCase()}`,
      );
      if (file) {
        downloadReport(file);
        notify({
          kind: 'success',
          title: 'Report exported',
          message: `${file.fileName} (${Math.max(1, Math.round(file.bytes / 1024))} KB)`,
        });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-export" role="group" aria-label="Export">
      <span className="report-export__label">Export</span>
      {FORMATS.map(({ format, label, hint }) => (
        <button
          key={format}
          type="button"
          className={`button button--small${format === 'html' ? ' button--primary' : ''}`}
          title={hint}
          disabled={!spec || busy !== null}
          aria-busy={busy === format}
          onClick={() => void run(format)}
        >
          {busy === format ? `${label}…` : label}
        </button>
      ))}
    </div>
  );
}
