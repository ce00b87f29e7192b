// Sifter's own export format (docs/export-format.md), version 1: full item records with their
// source, tags, clips, note and translations. Written by reports/sifter-export.ts, read back by
// the importer beside this file. The zod schemas here are the one definition of a valid record.
import { z } from 'zod';

export const SIFTER_EXPORT_VERSION = 1;
/** Where an imported item's annotations ride in ItemRecord.extra until annotations.ts applies them. */
export const ANNOTATIONS_KEY = 'sifter:annotations';

const isoTime = z.iso.datetime({ offset: true });
const tagPath = z.string().min(1).max(3000);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const exportTagSchema = z.object({ path: tagPath, color: color.nullish() });

export const exportSourceSchema = z.object({
  key: z.string().min(1).max(2000),
  kind: z.string().min(1).max(40),
  name: z.string().max(2000),
  username: z.string().max(200).nullish(),
  url: z.string().max(10_000).nullish(),
});

export const exportClipSchema = z.object({
  field: z.enum(['text', 'translation']),
  lang: z.string().min(2).max(8).nullish(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: z.string().min(1).max(100_000),
  note: z.string().max(100_000).default(''),
  tags: z.array(exportTagSchema).max(100).default([]),
  createdAt: isoTime.nullish(),
});

export const exportSegmentSchema = z.object({
  field: z.enum(['title', 'text']),
  index: z.number().int(),
  paragraph: z.number().int(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  source: z.string(),
  target: z.string(),
  engine: z.string().max(200).nullable(),
  edited: z.boolean(),
});

export const exportTranslationSchema = z.object({
  to: z.string().regex(/^[a-z]{2}$/),
  from: z.string().max(8).nullish(),
  engine: z.string().min(1).max(200),
  edited: z.boolean().default(false),
  updatedAt: isoTime.nullish(),
  segments: z.array(exportSegmentSchema).max(100_000),
});

export const exportItemSchema = z.object({
  source: exportSourceSchema,
  kind: z.enum(['post', 'article', 'tweet', 'feed-entry', 'row']),
  externalId: z.string().min(1).max(2000),
  url: z.string().max(10_000).nullish(),
  title: z.string().nullish(),
  author: z.string().nullish(),
  channel: z.string().nullish(),
  publishedAt: isoTime.nullish(),
  timeZoneUnknown: z.boolean().default(false),
  lang: z.string().max(8).nullish(),
  text: z.string(),
  html: z.string().nullish(),
  entities: z.array(z.record(z.string(), z.unknown())).default([]),
  media: z.array(z.record(z.string(), z.unknown())).default([]),
  replyToExternalId: z.string().nullish(),
  forwardedFrom: z.string().nullish(),
  editedAt: isoTime.nullish(),
  reactions: z.array(z.object({ emoji: z.string(), count: z.number() })).nullish(),
  extra: z.record(z.string(), z.unknown()).default({}),
  tags: z.array(exportTagSchema).max(1000).default([]),
  note: z.object({ body: z.string(), updatedAt: isoTime.nullish() }).nullish(),
  clips: z.array(exportClipSchema).max(10_000).default([]),
  translations: z.array(exportTranslationSchema).max(200).default([]),
});

export const exportHeaderSchema = z.object({
  sifterExport: z.literal(SIFTER_EXPORT_VERSION),
  generator: z.string().optional(),
  exportedAt: isoTime.optional(),
  report: z
    .object({
      title: z.string().optional(),
      author: z.string().optional(),
      summary: z.string().optional(),
      criteria: z.array(z.string()).optional(),
    })
    .optional(),
  tags: z.array(exportTagSchema).default([]),
});

export type ExportItem = z.input<typeof exportItemSchema>;
export type ParsedExportItem = z.output<typeof exportItemSchema>;
export type ExportHeader = z.input<typeof exportHeaderSchema>;

/** What an imported item carries in extra[ANNOTATIONS_KEY]. */
export interface ItemAnnotations {
  tags: { path: string; color?: string | null }[];
  note: { body: string; updatedAt?: string | null } | null;
  clips: z.output<typeof exportClipSchema>[];
  translations: z.output<typeof exportTranslationSchema>[];
}

/** A Sifter export starts with {"sifterExport": <version> — as a JSON document or an NDJSON header line. */
export function looksLikeSifterExport(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 512)).replace(/^\uFEFF/, '');
  return /^\s*\{\s*"sifterExport"\s*:\s*\d+/.test(text);
}
