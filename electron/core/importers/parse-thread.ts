// Where a unit is parsed: on a worker thread for big files (parsing and preparing then overlap
// with the main thread's SQLite writes, and the main thread stays responsive), inline for small
// ones (a thread costs more to start than they take). Both give the same records in the same order.
//
// The worker's code is found by workers/worker-script.ts (out/workers/ when built, bundled on the
// fly from source under vitest).
import { Worker } from 'node:worker_threads';
import { SifterError } from '../errors';
import { workerScript } from '../workers/worker-script';
import { ImportError } from './errors';
import { parseStream, type ParseStreamInput } from './parse-stream';
import type { PreparedRecord } from './prepare';

export type ParseThreadMessage =
  | { type: 'records'; records: PreparedRecord[]; bytes: number }
  | { type: 'done'; bytes: number }
  | { type: 'error'; file: string | null; reason: string | null; message: string };

export type ParseMode = 'auto' | 'thread' | 'inline';

/** Below this many bytes a unit is parsed inline. */
export const THREAD_MIN_BYTES = 8 * 1024 * 1024;

const WORKER_NAME = 'import-parse.worker';

const workerScriptPath = (): Promise<string | null> =>
  workerScript(WORKER_NAME, import.meta.url, 'SIFTER_IMPORT_WORKER');

export interface ParseUnitInput extends ParseStreamInput {
  mode: ParseMode;
}

/** The unit's prepared records, from a worker thread or inline. */
export async function* parseUnit(input: ParseUnitInput): AsyncGenerator<PreparedRecord> {
  const size = input.file.size + (input.file.parts ?? []).reduce((n, p) => n + p.size, 0);
  const wantThread = input.mode === 'thread' || (input.mode === 'auto' && size >= THREAD_MIN_BYTES);
  const script = wantThread ? await workerScriptPath() : null;
  if (!script) {
    yield* parseStream(input);
    return;
  }
  yield* parseInThread(script, input);
}

async function* parseInThread(script: string, input: ParseUnitInput): AsyncGenerator<PreparedRecord> {
  const worker = new Worker(script, {
    workerData: {
      format: input.importer.format,
      file: input.file,
      root: input.root,
      options: input.options,
      importId: input.importId,
    },
    // The thread holds a few batches at a time; a bounded heap keeps its garbage from piling up.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  const queue: ParseThreadMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (msg: ParseThreadMessage) => {
    queue.push(msg);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the parse thread stopped (exit code ${code})`);
    notify();
  });
  const onAbort = (): void => {
    failure = new SifterError('CANCELLED', 'Import cancelled.');
    notify();
  };
  input.signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const msg = queue.shift();
      if (!msg) {
        if (failure) throw failure;
        await new Promise<void>((r) => (wake = r));
        continue;
      }
      if (msg.type === 'error') {
        if (msg.file !== null && msg.reason !== null) throw new ImportError(msg.file, msg.reason);
        throw new Error(msg.message);
      }
      input.onBytes(msg.bytes);
      if (msg.type === 'done') return;
      worker.postMessage({ type: 'ack' });
      yield* msg.records;
      if (input.signal.aborted) throw new SifterError('CANCELLED', 'Import cancelled.');
    }
  } finally {
    input.signal.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
