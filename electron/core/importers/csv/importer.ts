// CSV exports of monitoring tools and collectors. Known header sets map automatically (see
// fields.ts); otherwise the import is refused with the columns it could not place and how to pass
// a mapping. Each row is an item: an 'article' when it has a headline and a URL (a press mention),
// else a 'row'. Cells are stored as written — formula-looking text is neutralised at export.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ImportError } from '../errors';
import { parseLooseDate } from '../loose-date';
import { httpUrl } from '../article/metadata';
import type { Importer, ImportRecord, ItemRecord, SourceRecord } from '../types';
import {
  CSV_FIELDS,
  languageCode,
  mergeMapping,
  missingFields,
  type CsvField,
  type CsvMapping,
} from './fields';
import { csvRows, looksLikeCsv } from './reader';

function mappingError(headers: string[], mapping: CsvMapping): string {
  const quoted = headers.map((h) => `"${h}"`).join(', ');
  const mapped = Object.entries(mapping).map(([field, header]) => `${field} ← "${header}"`);
  return (
    `could not find a text or headline column among ${quoted}` +
    (mapped.length ? ` (recognised: ${mapped.join(', ')})` : '') +
    `; pass a column mapping (options.csvMap, or --map text="<column>",title="<column>",date="<column>" in the CLI) naming the columns for ${CSV_FIELDS.join(', ')}`
  );
}

function rowSource(outlet: string | null, fileName: string): SourceRecord {
  if (outlet) return { key: `csv:${outlet}`, kind: 'csv', name: outlet };
  return { key: `csv:${fileName}`, kind: 'csv', name: fileName };
}

export const csvImporter: Importer = {
  format: 'csv',
  label: 'CSV export (monitoring tools, collectors)',
  detect: ({ head }) => looksLikeCsv(head),
  async *parse(file, ctx): AsyncIterable<ImportRecord> {
    const fileName = basename(file.displayName);
    let headers: string[] | null = null;
    let mapping: CsvMapping = {};
    let index: Partial<Record<CsvField, number>> = {};
    const announced = new Set<string>();
    let line = 0;
    for await (const row of csvRows(file, ctx)) {
      line++;
      if (!headers) {
        headers = row.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, '') : h).trim());
        const merged = mergeMapping(headers, ctx.options.csvMap);
        const problem = merged.problems[0];
        if (problem?.kind === 'unknown-field') {
          throw new ImportError(
            file.displayName,
            `the column mapping names "${problem.field}", which is not a Sifter field (use ${CSV_FIELDS.join(', ')})`,
          );
        }
        if (problem?.kind === 'unknown-header') {
          throw new ImportError(
            file.displayName,
            `the column mapping maps ${problem.field} to "${problem.header}", which is not a column of this file (columns: ${headers.map((h) => `"${h}"`).join(', ')})`,
          );
        }
        mapping = merged.mapping;
        if (missingFields(mapping).length)
          throw new ImportError(file.displayName, mappingError(headers, mapping));
        index = Object.fromEntries(
          Object.entries(mapping).map(([field, header]) => [field, headers!.indexOf(header)]),
        );
        continue;
      }
      ctx.signal.throwIfAborted();
      const cell = (field: CsvField): string | null => {
        const at = index[field];
        const value = at === undefined ? undefined : row[at];
        return value?.trim() ? value.trim() : null;
      };
      const extra: Record<string, unknown> = {};
      const mappedColumns = new Set(Object.values(mapping));
      headers.forEach((header, i) => {
        const value = row[i]?.trim();
        if (value && !mappedColumns.has(header)) extra[header] = value;
      });
      if (row.length !== headers.length) extra.columnCountMismatch = row.length;

      const title = cell('title');
      const body = cell('text');
      if (!title && !body) {
        yield { type: 'skipped', reason: `line ${line} has neither text nor a headline` };
        continue;
      }
      const rawUrl = cell('url');
      const url = httpUrl(rawUrl);
      const date = parseLooseDate(cell('date'));
      if (cell('date') && !date) extra.date = cell('date');
      const country = cell('country');
      if (country) extra.country = country;
      const outlet = cell('source');
      const source = rowSource(outlet, fileName);
      if (!announced.has(source.key)) {
        announced.add(source.key);
        yield { type: 'source', source };
      }
      const item: ItemRecord = {
        kind: title && url ? 'article' : 'row',
        externalId:
          url ??
          cell('id') ??
          `row:${createHash('sha256').update(JSON.stringify(row)).digest('hex').slice(0, 40)}`,
        url,
        title,
        author: cell('author'),
        channel: outlet,
        publishedAt: date?.ms ?? null,
        lang: languageCode(cell('lang')),
        // A headline-only row is searched and translated by its headline.
        text: body ?? title ?? '',
        extra,
      };
      if (rawUrl && !url) extra.url = rawUrl;
      if (date && !date.zoneKnown) item.timeZoneUnknown = true;
      yield { type: 'item', sourceKey: source.key, item };
    }
    if (!headers) throw new ImportError(file.displayName, 'the CSV file is empty');
  },
};
