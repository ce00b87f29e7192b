// Report calls (issue 7): what goes into a report (tags, a saved search, a query, a date range),
// how it is ordered and what each entry shows; a live HTML preview, the rendered file for a browser
// download, and an export job that writes the file atomically where the app or CLI asks.
import { z } from 'zod';
import { defineCall } from './define';

export const reportFormats = ['html', 'docx', 'pdf', 'csv', 'json', 'ndjson', 'md'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportGroupings = ['none', 'tag', 'source', 'day'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

const id = z.number().int().positive();
/** A civil day (in the analyst's time zone, Settings → timeZone), both ends inclusive. */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');

/** One chosen tag: by id or by path ("Actors/Way Home"), with or without the tags under it. */
export const reportTagSchema = z
  .object({
    id: id.optional(),
    path: z.string().trim().min(1).max(1000).optional(),
    children: z.boolean().default(true),
  })
  .strict()
  .refine((t) => (t.id === undefined) !== (t.path === undefined), 'give a tag by either id or path');

/** What each entry of the report shows. */
export const reportShowSchema = z
  .object({
    /** The item's original text (clips are shown either way when `clips` is on). */
    text: z.boolean().default(true),
    /** A stored translation beside the original, after it, or not at all. */
    translation: z.enum(['none', 'side-by-side', 'after']).default('after'),
    /** The translation's language; defaults to Settings → target language. */
    translationLang: z
      .string()
      .regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code')
      .optional(),
    clips: z.boolean().default(true),
    note: z.boolean().default(true),
    /** Image thumbnails, embedded in the file. */
    media: z.boolean().default(true),
    /** Source, channel, author, times (UTC and the analyst's zone), permalink. */
    metadata: z.boolean().default(true),
    /** Counts per tag and per source, and the timeline chart. */
    overview: z.boolean().default(true),
  })
  .strict();

export const reportSpecSchema = z
  .object({
    title: z.string().trim().max(300).default('Report'),
    author: z.string().trim().max(200).default(''),
    /** The analyst's summary paragraph(s): plain text, blank lines separate paragraphs. */
    summary: z.string().max(50_000).default(''),
    /** Items carrying any of these tags (or holding a clip that carries one). */
    tags: z.array(reportTagSchema).max(500).default([]),
    /** A saved search, by id or by name. */
    saved: z.union([id, z.string().trim().min(1).max(200)]).optional(),
    /** A search query (the Search area's current one). */
    query: z.string().max(10_000).optional(),
    from: day.optional(),
    to: day.optional(),
    /** Only items with clips, and of them only the clipped passages. */
    clippedOnly: z.boolean().default(false),
    groupBy: z.enum(reportGroupings).default('none'),
    newestFirst: z.boolean().default(false),
    /** CSV: one row per item, or one per clip. */
    csvRows: z.enum(['item', 'clip']).default('item'),
    show: reportShowSchema.prefault({}),
  })
  .strict();

export type ReportSpec = z.output<typeof reportSpecSchema>;
export type ReportSpecInput = z.input<typeof reportSpecSchema>;

export interface ReportPreview {
  /** The report as a self-contained HTML document (the same as the HTML export). */
  html: string;
  /**
   * The report's stylesheet (also inlined in `html`). A srcdoc preview inherits the app's CSP,
   * which refuses inline <style>: the renderer adopts this as a constructed stylesheet instead.
   */
  css: string;
  items: number;
  clips: number;
  /** The preview shows at most this many entries; the export has them all. */
  truncated: boolean;
  warnings: string[];
}

export interface RenderedReport {
  fileName: string;
  mime: string;
  base64: string;
  bytes: number;
}

/** JobInfo.result of an export job. */
export interface ReportExportResult {
  path: string;
  format: ReportFormat;
  items: number;
  bytes: number;
}

const format = z.enum(reportFormats);

export const reportCalls = {
  /** The report as HTML for the live preview (shown in a sandboxed iframe). */
  'reports.preview': defineCall<ReportPreview>()(z.object({ spec: reportSpecSchema }).strict()),
  /** The report file's bytes (base64) for a browser download; large reports should use reports.export. */
  'reports.render': defineCall<RenderedReport>()(z.object({ spec: reportSpecSchema, format }).strict()),
  /**
   * Writes the report to `path` (a file path on the back end's disk) in a job; the job's result is a
   * ReportExportResult. The file appears whole or not at all.
   */
  'reports.export': defineCall<{ jobId: string }>()(
    z.object({ spec: reportSpecSchema, format, path: z.string().min(1).max(4096) }).strict(),
  ),
} as const;
