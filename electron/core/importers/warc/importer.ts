// WARC and WARC.gz web archives, streamed record by record with warcio. HTML `response` records
// become articles through the same extraction as saved pages, identified by their target URI;
// requests, warcinfo, metadata, revisits and non-HTML responses are skipped (and counted).
import { createReadStream } from 'node:fs';
import { gunzipSync, constants as zlib } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import { ImportError } from '../errors';
import { charsetFromContentType, decodeBytes, detectHtmlEncoding } from '../encoding';
import { parseLooseDate } from '../loose-date';
import { extractArticle } from '../article/extract';
import { httpUrl } from '../article/metadata';
import { articleItem, articleSource } from '../article/records';
import type { Importer, ImporterContext, ImportRecord, InputFile } from '../types';

/** A page bigger than this (after content decoding) is skipped, not loaded into memory. */
const MAX_PAGE_BYTES = 32 * 1024 * 1024;

function startsWithWarc(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 8)).toString('latin1').startsWith('WARC/');
}

/** Whether the head is a WARC file, plain or gzipped (the first member is inflated, bounded). */
export function looksLikeWarc(head: Uint8Array): boolean {
  if (startsWithWarc(head)) return true;
  if (head[0] !== 0x1f || head[1] !== 0x8b) return false;
  try {
    // The head is a prefix of the file: flush what inflates, and never inflate more than a few KiB.
    const inflated = gunzipSync(head, { finishFlush: zlib.Z_SYNC_FLUSH, maxOutputLength: 16 * 1024 });
    return startsWithWarc(inflated);
  } catch (error) {
    // maxOutputLength throws once reached: the output so far is still not available, so retry small.
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      try {
        return startsWithWarc(gunzipSync(head.subarray(0, 512), { finishFlush: zlib.Z_SYNC_FLUSH }));
      } catch {
        return false;
      }
    }
    return false;
  }
}

async function* countedBytes(file: InputFile, ctx: ImporterContext): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const chunk of createReadStream(file.path, {
    signal: ctx.signal,
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    ctx.reportBytes(bytes);
    yield chunk;
  }
}

/** The decoded HTTP payload, or null when it is larger than the cap (the rest is skipped). */
async function readPayload(record: WARCRecord): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of record.contentReader) {
    total += chunk.length;
    if (total > MAX_PAGE_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

function isHtmlType(contentType: string | null): boolean {
  const mime = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return mime === 'text/html' || mime === 'application/xhtml+xml';
}

export const warcImporter: Importer = {
  format: 'warc',
  label: 'Web archive (WARC / WARC.gz)',
  detect: ({ head }) => looksLikeWarc(head),
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const announced = new Set<string>();
    let records = 0;
    let articles = 0;
    const parser = new WARCParser(countedBytes(file, ctx));
    const next = async (): Promise<WARCRecord | null> => {
      try {
        return await parser.parse();
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        throw new ImportError(
          file.displayName,
          `not a readable WARC file after ${records} record(s): ${(error as Error).message}`,
        );
      }
    };
    for (let record = await next(); record; record = await next()) {
      ctx.signal.throwIfAborted();
      // warcio reads any header block as a record; a WARC record starts with its version line.
      if (!record.warcHeaders.statusline.startsWith('WARC/')) {
        throw new ImportError(
          file.displayName,
          records === 0
            ? 'not a WARC file (it does not start with a WARC/1.x record)'
            : `record ${records + 1} is not a WARC record (corrupt or truncated archive)`,
        );
      }
      records++;
      const type = record.warcType ?? 'unknown';
      const uri = record.warcTargetURI ?? null;
      if (type !== 'response') {
        yield { type: 'skipped', reason: `WARC ${type} record${uri ? ` for ${uri}` : ''}` };
        continue;
      }
      const url = httpUrl(uri);
      const contentType = record.httpHeaders?.headers.get('content-type') ?? null;
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (!url || !isHtmlType(contentType) || status < 200 || status >= 300) {
        const why = !url
          ? 'no http(s) target URI'
          : !isHtmlType(contentType)
            ? `not HTML (${contentType ?? 'no content type'})`
            : `HTTP status ${status}`;
        yield { type: 'skipped', reason: `WARC response for ${uri ?? 'an unknown address'}: ${why}` };
        continue;
      }
      const payload = await readPayload(record);
      if (!payload) {
        yield {
          type: 'skipped',
          reason: `WARC response for ${url}: page larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB`,
        };
        continue;
      }
      const encoding = detectHtmlEncoding(payload, charsetFromContentType(contentType));
      const extracted = extractArticle(decodeBytes(payload, encoding.encoding), { url });
      if (!extracted.text.trim()) {
        yield { type: 'skipped', reason: `WARC response for ${url}: no article text` };
        continue;
      }
      // The capture's address is its identity, whatever canonical link the page claims.
      const article = { ...extracted, url };
      const captured = parseLooseDate(record.warcDate ?? null);
      const source = articleSource(article, 'warc');
      if (!announced.has(source.key)) {
        announced.add(source.key);
        yield { type: 'source', source };
      }
      const item = articleItem(article, {
        ...(captured ? { capturedAt: captured.ms } : {}),
        ...(extracted.url && extracted.url !== url ? { canonicalUrl: extracted.url } : {}),
        encoding: encoding.encoding,
        warcRecordId: record.warcHeader('WARC-Record-ID') ?? null,
      });
      if (item.publishedAt === null && captured) item.publishedAt = captured.ms;
      articles++;
      yield { type: 'item', sourceKey: source.key, item };
    }
    if (records === 0) throw new ImportError(file.displayName, 'not a WARC file (no WARC records found)');
    if (articles === 0)
      yield {
        type: 'warning',
        message: `${file.displayName}: no HTML pages among ${records} WARC record(s)`,
      };
  },
};
