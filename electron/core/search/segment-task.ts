// One unit of index work, the same whether it runs in a worker thread or in-process: read items from
// the store, build the segment with Lunr, write it next to the manifest (via a temporary name, so a
// crash never leaves a half-written segment under its real name).
import { DatabaseSync } from 'node:sqlite';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSegment } from './segment-builder';
import { readSegmentDocs } from './segment-docs';
import { checksum, encodeSegment } from './segment-format';

export interface SegmentTask {
  dbPath: string;
  indexDir: string;
  file: string;
  ids: Int32Array;
}

export interface SegmentTaskResult {
  file: string;
  docs: number;
  minId: number;
  maxId: number;
  bytes: number;
  checksum: string;
}

export function runSegmentTask(task: SegmentTask): SegmentTaskResult {
  const db = new DatabaseSync(task.dbPath, { readOnly: true });
  let docs;
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    docs = readSegmentDocs(db, task.ids);
  } finally {
    db.close();
  }
  const segment = buildSegment(docs);
  const bytes = encodeSegment(segment);
  const target = join(task.indexDir, task.file);
  writeFileSync(`${target}.tmp`, bytes);
  renameSync(`${target}.tmp`, target);
  return {
    file: task.file,
    docs: segment.docIds.length,
    minId: segment.docIds.length ? segment.docIds[0]! : 0,
    maxId: segment.docIds.length ? segment.docIds[segment.docIds.length - 1]! : 0,
    bytes: bytes.length,
    checksum: checksum(bytes),
  };
}
