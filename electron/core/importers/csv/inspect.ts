// What the CSV mapping dialog shows: the file's headers, the mapping Sifter recognised, what is
// still missing, and a few sample rows.
import { basename } from 'node:path';
import { stat } from 'node:fs/promises';
import type { CsvInspection } from '../../../../shared/domain';
import { ImportError } from '../errors';
import { autoMapping, missingFields } from './fields';
import { readFileHead, sampleRows } from './reader';

const SAMPLE_ROWS = 5;

export async function inspectCsv(path: string): Promise<CsvInspection> {
  const file = basename(path);
  const size = (await stat(path)).size;
  const head = await readFileHead(path);
  const { rows } = sampleRows(head, size > head.length, SAMPLE_ROWS + 1);
  const headers = rows[0];
  if (!headers || headers.length === 0) throw new ImportError(file, 'the CSV file is empty');
  const mapping = autoMapping(headers);
  return {
    file,
    headers,
    mapping: mapping as Record<string, string>,
    missing: missingFields(mapping),
    sample: rows.slice(1).map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? '']))),
  };
}
