// Worker thread entry (bundled to out/workers/import-parse.worker.mjs): parses and prepares one
// import unit while the main thread stores the previous batches. Batches go out as messages; the
// main thread acknowledges each, and at most a few are in flight, so memory stays flat however
// large the file is.
import { parentPort, workerData } from 'node:worker_threads';
import { importers } from './registry';
import { parseStream } from './parse-stream';
import { ImportError } from './errors';
import type { ImportOptions, InputFile } from './types';
import type { PreparedRecord } from './prepare';
import type { ParseThreadMessage } from './parse-thread';

interface Data {
  format: string;
  file: InputFile;
  root: string;
  options: ImportOptions;
  importId: number;
}

const BATCH = 256;
const MAX_IN_FLIGHT = 4;

const data = workerData as Data;
const port = parentPort!;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', (msg: { type: 'ack' }) => {
  if (msg.type === 'ack') {
    inFlight--;
    wake?.();
    wake = null;
  }
});

const post = (message: ParseThreadMessage): void => port.postMessage(message);

async function main(): Promise<void> {
  const importer = importers.find((i) => i.format === data.format);
  if (!importer) throw new Error(`no importer for ${data.format}`);
  let bytes = 0;
  let batch: PreparedRecord[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((r) => (wake = r));
    inFlight++;
    post({ type: 'records', records: batch, bytes });
    batch = [];
  };
  const stream = parseStream({
    importer,
    file: data.file,
    root: data.root,
    options: data.options,
    importId: data.importId,
    signal: new AbortController().signal, // the main thread terminates this thread to cancel
    onBytes: (b) => (bytes = b),
  });
  for await (const record of stream) {
    batch.push(record);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  post({ type: 'done', bytes });
}

main().catch((err: unknown) => {
  if (err instanceof ImportError)
    post({ type: 'error', file: err.file, reason: err.reason, message: err.message });
  else
    post({
      type: 'error',
      file: null,
      reason: null,
      message: err instanceof Error ? err.message : String(err),
    });
});
