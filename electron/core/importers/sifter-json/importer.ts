// Imports Sifter's own JSON/NDJSON export (docs/export-format.md) back into a workspace: items
// with their source identity, and — through extra[ANNOTATIONS_KEY], applied by annotations.ts
// inside the import's transaction — their tags, clips, note and translations. Detected by content:
// the file starts with {"sifterExport": 1. Strict: a malformed record refuses the whole file,
// naming the record.
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportError } from '../errors';
import type {
  Importer,
  ImportRecord,
  ImporterContext,
  InputFile,
  ItemRecord,
  MediaRef,
  SourceRecord,
} from '../types';
import { jsonTokens, ValueBuilder } from '../json/tokens';
import { jsonLines } from '../ndjson/lines';
import {
  ANNOTATIONS_KEY,
  SIFTER_EXPORT_VERSION,
  exportHeaderSchema,
  exportItemSchema,
  looksLikeSifterExport,
  type ItemAnnotations,
  type ParsedExportItem,
} from './format';

/** The NDJSON header line (with every tag of the workspace) fits well within this. */
const HEADER_PROBE_BYTES = 4 * 1024 * 1024;

const SOURCE_KINDS: readonly SourceRecord['kind'][] = [
  'telegram',
  'feed',
  'site',
  'x',
  'warc',
  'csv',
  'ndjson',
  'opml',
];

function problem(issues: { path: PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return 'malformed';
  return `${issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : ''}${issue.message}`;
}

function checkHeader(value: unknown, file: InputFile): void {
  const version = (value as { sifterExport?: unknown } | null)?.sifterExport;
  if (typeof version === 'number' && version > SIFTER_EXPORT_VERSION) {
    throw new ImportError(
      file.displayName,
      `it is a Sifter export of format version ${version}; this Sifter reads version ${SIFTER_EXPORT_VERSION}. Update Sifter to import it.`,
    );
  }
  const parsed = exportHeaderSchema.safeParse(value);
  if (!parsed.success)
    throw new ImportError(
      file.displayName,
      `the export's header is not valid (${problem(parsed.error.issues)})`,
    );
}

const ms = (iso: string | null | undefined): number | null => (iso ? Date.parse(iso) : null);

async function toRecords(
  item: ParsedExportItem,
  ctx: ImporterContext,
): Promise<{ source: SourceRecord; item: ItemRecord }> {
  const kind = (SOURCE_KINDS as readonly string[]).includes(item.source.kind)
    ? (item.source.kind as SourceRecord['kind'])
    : 'ndjson';
  const media: MediaRef[] = [];
  for (const raw of item.media) {
    const ref = raw as Partial<MediaRef>;
    // Media travel beside an export as media/<path> (copy the workspace's media folder next to it);
    // otherwise they are kept as names marked missing.
    const stored = typeof ref.path === 'string' ? await ctx.copyMedia(`media/${ref.path}`) : null;
    media.push({
      kind: (ref.kind ?? 'file') as MediaRef['kind'],
      path: stored,
      name: typeof ref.name === 'string' ? ref.name : null,
      mime: typeof ref.mime === 'string' ? ref.mime : null,
      missing: stored === null,
      ...(typeof ref.width === 'number' ? { width: ref.width } : {}),
      ...(typeof ref.height === 'number' ? { height: ref.height } : {}),
    });
  }
  const annotations: ItemAnnotations = {
    tags: item.tags,
    note: item.note ?? null,
    clips: item.clips,
    translations: item.translations,
  };
  const hasAnnotations =
    annotations.tags.length + annotations.clips.length + annotations.translations.length > 0 ||
    annotations.note !== null;
  const extra = { ...item.extra };
  delete extra[ANNOTATIONS_KEY];
  return {
    source: {
      key: item.source.key,
      kind,
      name: item.source.name,
      username: item.source.username ?? null,
      url: item.source.url ?? null,
    },
    item: {
      kind: item.kind,
      externalId: item.externalId,
      url: item.url ?? null,
      title: item.title ?? null,
      author: item.author ?? null,
      channel: item.channel ?? null,
      publishedAt: ms(item.publishedAt),
      timeZoneUnknown: item.timeZoneUnknown,
      lang: item.lang ?? null,
      text: item.text,
      html: item.html ?? null,
      entities: item.entities as unknown as ItemRecord['entities'],
      media,
      replyToExternalId: item.replyToExternalId ?? null,
      forwardedFrom: item.forwardedFrom ?? null,
      editedAt: ms(item.editedAt),
      reactions: item.reactions ?? null,
      extra: hasAnnotations ? { ...extra, [ANNOTATIONS_KEY]: annotations } : extra,
    },
  };
}

/** Validates one exported record; `where` names it in the error ("item 3", "line 7"). */
function parseItem(value: unknown, file: InputFile, where: string): ParsedExportItem {
  const parsed = exportItemSchema.safeParse(value);
  if (!parsed.success)
    throw new ImportError(
      file.displayName,
      `${where} is not a valid Sifter record (${problem(parsed.error.issues)})`,
    );
  return parsed.data;
}

async function* emit(
  item: ParsedExportItem,
  ctx: ImporterContext,
  announced: Set<string>,
): AsyncGenerator<ImportRecord> {
  const { source, item: record } = await toRecords(item, ctx);
  if (!announced.has(source.key)) {
    announced.add(source.key);
    yield { type: 'source', source };
  }
  yield { type: 'item', sourceKey: source.key, item: record };
}

async function* parseNdjson(file: InputFile, ctx: ImporterContext): AsyncGenerator<ImportRecord> {
  const announced = new Set<string>();
  let sawHeader = false;
  for await (const { line, value } of jsonLines(file, ctx)) {
    ctx.signal.throwIfAborted();
    if (!sawHeader) {
      checkHeader(value, file);
      sawHeader = true;
      continue;
    }
    if (value.type !== 'item')
      throw new ImportError(
        file.displayName,
        `line ${line} is not an item record (its "type" is ${JSON.stringify(value.type ?? null)})`,
      );
    const { type: _type, ...rest } = value;
    yield* emit(parseItem(rest, file, `line ${line}`), ctx, announced);
  }
  if (!sawHeader) throw new ImportError(file.displayName, 'the file is empty');
}

/** The JSON document, streamed: the header's fields are read first, then each element of "items". */
async function* parseJson(file: InputFile, ctx: ImporterContext): AsyncGenerator<ImportRecord> {
  const announced = new Set<string>();
  const header: Record<string, unknown> = {};
  let depth = 0;
  let key: string | null = null;
  let inItems = false;
  let sawItems = false;
  let headerChecked = false;
  let builder: ValueBuilder | null = null;
  let builderKey: string | null = null;
  let index = 0;
  const ready: ParsedExportItem[] = [];
  for await (const tokens of jsonTokens(file, ctx.signal, (b) => ctx.reportBytes(b))) {
    for (const token of tokens) {
      if (builder) {
        builder.consume(token);
        if (builder.done) {
          if (builderKey === null) ready.push(parseItem(builder.value, file, `item ${++index}`));
          else header[builderKey] = builder.value;
          builder = null;
        }
        continue;
      }
      if (depth === 0) {
        if (token.name !== 'startObject')
          throw new ImportError(file.displayName, 'not a Sifter export (the file is not a JSON object)');
        depth = 1;
        continue;
      }
      if (inItems) {
        if (token.name === 'endArray') {
          inItems = false;
          continue;
        }
        builder = new ValueBuilder();
        builderKey = null;
        builder.consume(token);
        if (builder.done) {
          ready.push(parseItem(builder.value, file, `item ${++index}`));
          builder = null;
        }
        continue;
      }
      if (token.name === 'keyValue') {
        key = token.value;
        continue;
      }
      if (token.name === 'endObject') {
        depth = 0;
        continue;
      }
      if (key === 'items') {
        if (token.name !== 'startArray') throw new ImportError(file.displayName, '"items" is not a list');
        if (!headerChecked) {
          checkHeader(header, file);
          headerChecked = true;
        }
        inItems = true;
        sawItems = true;
        key = null;
        continue;
      }
      // Any other top-level field: built whole (they are small) for the header check.
      builder = new ValueBuilder();
      builderKey = key ?? '';
      builder.consume(token);
      if (builder.done) {
        header[builderKey] = builder.value;
        builder = null;
      }
      key = null;
    }
    for (const item of ready.splice(0)) yield* emit(item, ctx, announced);
  }
  if (!headerChecked) checkHeader(header, file);
  if (!sawItems) throw new ImportError(file.displayName, 'the Sifter export has no "items" list');
}

export const sifterJsonImporter: Importer = {
  format: 'sifter-json',
  label: 'Sifter export (JSON or NDJSON)',
  detect: ({ head }) => looksLikeSifterExport(head),
  async *parse(file, ctx) {
    // NDJSON's header is one line; the JSON document's first line runs on to "items":[ and beyond.
    const ndjson = /\.ndjson$|\.jsonl$/i.test(basename(file.displayName)) || (await firstLineIsHeader(file));
    yield* ndjson ? parseNdjson(file, ctx) : parseJson(file, ctx);
  },
};

/** Whether the first line alone is a complete JSON object (the NDJSON header). */
async function firstLineIsHeader(file: InputFile): Promise<boolean> {
  const handle = await open(file.path, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(HEADER_PROBE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const newline = head.indexOf('\n');
  if (newline === -1) return false;
  try {
    const value = JSON.parse(head.slice(0, newline)) as { type?: unknown };
    return value !== null && typeof value === 'object' && value.type === 'header';
  } catch {
    return false;
  }
}
