// Runs segment builds in worker threads, a few at a time (one per core, at most), so indexing never
// blocks the main thread (the Electron main process or the HTTP server) and uses both cores.
//
// Where the worker's code lives depends on how Sifter runs: the built CLI and the Electron main
// bundle find out/workers/segment-build.worker.mjs (scripts/build-node.mjs bundles it); when running
// from source (vitest, tsx) the worker is bundled once per process with esbuild (into node_modules/.cache).
import { Worker } from 'node:worker_threads';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSegmentTask, type SegmentTask, type SegmentTaskResult } from './segment-task';

const WORKER_NAME = 'segment-build.worker';

let sourceBuild: Promise<string> | null = null;

async function bundleFromSource(here: string): Promise<string> {
  // esbuild is a dev dependency: this path only runs from the source tree.
  const { build } = await import('esbuild');
  // Inside the repository's node_modules/.cache, so the bundle's external packages resolve.
  const cache = join(dirname(here), '../../../node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, 'sifter-workers-'));
  // One bundle per process, gone when the process ends (test runs start many processes).
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: { [WORKER_NAME]: join(dirname(here), `${WORKER_NAME}.ts`) },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  return join(outdir, `${WORKER_NAME}.mjs`);
}

/** The worker script to start, or null when none can be found (builds then run in-process). */
export async function resolveWorkerScript(): Promise<string | null> {
  const override = process.env.SIFTER_SEGMENT_WORKER;
  if (override && existsSync(override)) return override;
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    sourceBuild ??= bundleFromSource(here);
    return sourceBuild;
  }
  const candidates = [
    join(dirname(here), '../workers', `${WORKER_NAME}.mjs`),
    join(dirname(here), 'workers', `${WORKER_NAME}.mjs`),
  ];
  return candidates.find((c) => existsSync(c)) ?? null;
}

export interface PoolOptions {
  /** Run builds in-process instead of in worker threads. */
  inProcess?: boolean;
  concurrency?: number;
}

/** One worker thread that builds the tasks it is given, one after another. */
class LaneWorker {
  private readonly worker: Worker;
  private pending: { resolve: (r: SegmentTaskResult) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(script: string) {
    this.worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    this.worker.on(
      'message',
      (msg: { ok: true; result: SegmentTaskResult } | { ok: false; error: string }) => {
        const p = this.pending;
        this.pending = null;
        if (!p) return;
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(`Index build failed: ${msg.error}`));
      },
    );
    const fail = (err: Error): void => {
      this.failure = err;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`Index worker exited with code ${code}`)));
  }

  run(task: SegmentTask): Promise<SegmentTaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(task);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

/** How many segments were built in worker threads and in-process (diagnostics and tests). */
export const poolStats = { threadBuilds: 0, inProcessBuilds: 0 };

/** Builds segments, `concurrency` at a time; results come back in task order. */
export async function buildSegments(
  tasks: SegmentTask[],
  options: PoolOptions = {},
  onDone?: (r: SegmentTaskResult) => void,
): Promise<SegmentTaskResult[]> {
  const script = options.inProcess ? null : await resolveWorkerScript();
  // Diagnostics (and the CLI test): insist on threads instead of quietly building in-process.
  if (!script && !options.inProcess && process.env.SIFTER_REQUIRE_INDEX_WORKER === '1') {
    throw new Error('The index worker (segment-build.worker.mjs) was not found next to this build.');
  }
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, availableParallelism()));
  const results: SegmentTaskResult[] = new Array(tasks.length);
  let next = 0;
  let workerBroken = false;
  const lane = async (): Promise<void> => {
    const worker = script ? new LaneWorker(script) : null;
    try {
      while (next < tasks.length) {
        const i = next++;
        const task = tasks[i]!;
        let result: SegmentTaskResult;
        if (worker && !workerBroken) {
          try {
            result = await worker.run(task);
            poolStats.threadBuilds++;
          } catch (err) {
            // A worker that cannot start or dies (out of memory, a missing module) must not leave the
            // workspace unsearchable: build here instead — slower, but the index is complete.
            if (process.env.SIFTER_REQUIRE_INDEX_WORKER === '1') throw err;
            workerBroken = true;
            result = runSegmentTask(task);
            poolStats.inProcessBuilds++;
          }
        } else {
          result = runSegmentTask(task);
          poolStats.inProcessBuilds++;
        }
        results[i] = result;
        onDone?.(result);
      }
    } finally {
      await worker?.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, lane));
  return results;
}
