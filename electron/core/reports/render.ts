// One entry point per use: the live preview, a rendered file (for a browser download), and an
// export written atomically to a path (app and CLI). Each format is its own module.
import { isAbsolute, basename, dirname, extname, join } from 'node:path';
import type { Core } from '../core';
import type { JobControl } from '../jobs/jobs';
import type {
  RenderedReport,
  ReportExportResult,
  ReportFormat,
  ReportPreview,
  ReportSpec,
} from '../../../shared/api/reports';
import { SifterError } from '../errors';
import { buildReport, type ReportModel } from './model';
import { renderHtml } from './html';
import { REPORT_CSS } from './html-style';
import { renderMarkdown } from './markdown';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import { printPdf } from './pdf';
import { sifterJsonChunks, sifterNdjsonChunks } from './sifter-export';
import { sanitizeFileName, writeFileAtomic, type Chunks } from './atomic-write';

/** The live preview shows at most this many entries (the overview still counts them all). */
export const PREVIEW_LIMIT = 300;
/** reports.render answers with the bytes in JSON; beyond this, export to a file instead. */
export const MAX_RENDER_BYTES = 64 * 1024 * 1024;

export const FORMAT_INFO: Record<ReportFormat, { extension: string; mime: string; label: string }> = {
  html: { extension: 'html', mime: 'text/html;charset=utf-8', label: 'HTML' },
  docx: {
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word (DOCX)',
  },
  pdf: { extension: 'pdf', mime: 'application/pdf', label: 'PDF' },
  csv: { extension: 'csv', mime: 'text/csv;charset=utf-8', label: 'CSV' },
  json: { extension: 'json', mime: 'application/json', label: 'JSON (Sifter export)' },
  ndjson: { extension: 'ndjson', mime: 'application/x-ndjson', label: 'NDJSON (Sifter export)' },
  md: { extension: 'md', mime: 'text/markdown;charset=utf-8', label: 'Markdown' },
};

export async function previewReport(core: Core, spec: ReportSpec): Promise<ReportPreview> {
  const model = await buildReport(core, spec, { limit: PREVIEW_LIMIT });
  const truncated = model.overview.items > model.entries.length;
  const notice = truncated
    ? `The preview shows the first ${model.entries.length} of ${model.overview.items} items; the exported report holds them all.`
    : undefined;
  return {
    html: renderHtml(model, { notice }),
    css: REPORT_CSS,
    items: model.overview.items,
    clips: model.overview.clips,
    truncated,
    warnings: model.warnings,
  };
}

/** The model rendered in `format`: bytes, or chunks for the formats streamed to disk. */
async function renderModel(
  core: Core,
  model: ReportModel,
  format: ReportFormat,
  job?: JobControl,
): Promise<Uint8Array | string | Chunks> {
  switch (format) {
    case 'html':
      return renderHtml(model);
    case 'md':
      return renderMarkdown(model);
    case 'csv':
      return renderCsv(model);
    case 'docx':
      return renderDocx(model);
    case 'pdf':
      return printPdf(renderHtml(model), core.workspace.paths.tmp, job?.signal);
    case 'json':
      return sifterJsonChunks(core, model, job);
    case 'ndjson':
      return sifterNdjsonChunks(core, model, job);
  }
}

/** Whether the format shows images (others skip reading them). */
const SHOWS_IMAGES: ReadonlySet<ReportFormat> = new Set(['html', 'pdf', 'docx']);

async function collect(data: Uint8Array | string | Chunks): Promise<Buffer> {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (data instanceof Uint8Array) return Buffer.from(data);
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of data) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += b.length;
    if (size > MAX_RENDER_BYTES)
      throw new SifterError(
        'INVALID',
        'The report is too large to download from here; export it to a file instead.',
      );
    parts.push(b);
  }
  return Buffer.concat(parts);
}

export function reportFileName(spec: ReportSpec, format: ReportFormat): string {
  return sanitizeFileName(spec.title || 'report', FORMAT_INFO[format].extension);
}

export async function renderReport(
  core: Core,
  spec: ReportSpec,
  format: ReportFormat,
): Promise<RenderedReport> {
  const model = await buildReport(core, spec, { thumbnails: SHOWS_IMAGES.has(format) });
  const bytes = await collect(await renderModel(core, model, format));
  if (bytes.length > MAX_RENDER_BYTES)
    throw new SifterError(
      'INVALID',
      'The report is too large to download from here; export it to a file instead.',
    );
  return {
    fileName: reportFileName(spec, format),
    mime: FORMAT_INFO[format].mime,
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}

/**
 * Where an export goes: an absolute path whose file name is sanitised and carries the format's
 * extension ("Weekly: Kyiv?" → "Weekly Kyiv.html").
 */
export function exportTarget(path: string, format: ReportFormat): string {
  if (!isAbsolute(path)) throw new SifterError('INVALID', `Export to an absolute path, not "${path}".`);
  const ext = `.${FORMAT_INFO[format].extension}`;
  const name = basename(path);
  const stem = extname(name).toLowerCase() === ext ? name.slice(0, -ext.length) : name;
  return join(dirname(path), sanitizeFileName(stem, ext));
}

export async function exportReport(
  core: Core,
  spec: ReportSpec,
  format: ReportFormat,
  path: string,
  job?: JobControl,
): Promise<ReportExportResult> {
  const target = exportTarget(path, format);
  job?.progress({ phase: 'gathering' });
  const model = await buildReport(core, spec, { thumbnails: SHOWS_IMAGES.has(format), job });
  job?.throwIfCancelled();
  job?.progress({ phase: `writing ${FORMAT_INFO[format].label}` });
  const data = await renderModel(core, model, format, job);
  const bytes = await writeFileAtomic(target, data, { signal: job?.signal });
  job?.progress({ phase: 'done', done: model.overview.items, total: model.overview.items });
  return { path: target, format, items: model.overview.items, bytes };
}
