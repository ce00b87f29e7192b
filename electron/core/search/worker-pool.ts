// Runs segment builds off the main thread, a few at a time (one per core, at most), so indexing never
// blocks the main thread (the Electron main process or the HTTP server) and uses both cores. Small
// builds (an ordinary import) run in worker threads, which start fast; big ones (a first index or a
// rebuild of a large workspace) run in separate processes (index-process.ts), because threads share
// their process's heap cap — in Electron 4 GB for the whole main process, which also holds the
// loaded segments — while each process gets a budget of its own.
//
// The worker's code is found by workers/worker-script.ts (out/workers/ when built, bundled on the
// fly from source under vitest).
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { workerScript } from '../workers/worker-script';
import { indexProcessFactory, type IndexProcess } from './index-process';
import { runSegmentTask, type SegmentTask, type SegmentTaskResult } from './segment-task';

const WORKER_NAME = 'segment-build.worker';

/** The worker script to start, or null when none can be found (builds then run in-process). */
export function resolveWorkerScript(): Promise<string | null> {
  return workerScript(WORKER_NAME, import.meta.url, 'SIFTER_SEGMENT_WORKER');
}

export interface PoolOptions {
  /** Run builds in-process instead of in worker threads or processes. */
  inProcess?: boolean;
  concurrency?: number;
  /**
   * Builds of at least this many documents run in separate processes instead of worker threads.
   * Default PROCESS_BUILD_DOCS; 0 sends every build to a process (tests).
   */
  processThresholdDocs?: number;
}

/**
 * Two full segments (index-store's SEGMENT_DOCS): one round of both lanes. Below it a build is an
 * ordinary import whose few hundred MB fit beside the main process's own heap; above it (a first
 * index, a rebuild, a huge import) the build's memory grows with the corpus and belongs in its own
 * processes. A process costs ~0.2 s to start, nothing next to building 40,000 documents.
 */
export const PROCESS_BUILD_DOCS = 40_000;
/** Heap budget of each index process or thread: a 20k-document build peaks well below it. */
const LANE_HEAP_MB = 3072;

type LaneMessage =
  { started: string } | { ok: true; result: SegmentTaskResult } | { ok: false; error: string };

/** Something that builds the tasks it is given, one after another. */
interface Lane {
  run(task: SegmentTask): Promise<SegmentTaskResult>;
  close(): Promise<void>;
}

/** One worker thread of this process. */
class ThreadLane implements Lane {
  private readonly worker: Worker;
  private pending: { resolve: (r: SegmentTaskResult) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;

  constructor(script: string) {
    this.worker = new Worker(script, { resourceLimits: { maxOldGenerationSizeMb: LANE_HEAP_MB } });
    this.worker.on('message', (msg: LaneMessage) => {
      if ('started' in msg) return;
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`Index build failed: ${msg.error}`));
    });
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

/** A process that ended while it held a task (killed, out of memory, crashed). */
export class IndexProcessCrash extends Error {}

/**
 * One separate process at a time: started on first use, and started afresh after a crash, so one
 * crash costs only the task it held.
 */
class ProcessLane implements Lane {
  private proc: IndexProcess | null = null;
  private pending: {
    file: string;
    resolve: (r: SegmentTaskResult) => void;
    reject: (e: Error) => void;
  } | null = null;

  constructor(private readonly script: string) {}

  private start(): IndexProcess {
    const proc = indexProcessFactory()(this.script, { maxHeapMb: LANE_HEAP_MB });
    proc.onMessage((raw) => {
      const msg = raw as LaneMessage;
      if ('started' in msg) return;
      const p = this.pending;
      this.pending = null;
      if (!p) return;
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`Index build failed: ${msg.error}`));
    });
    proc.onExit((reason) => {
      if (this.proc === proc) this.proc = null;
      const p = this.pending;
      this.pending = null;
      p?.reject(new IndexProcessCrash(`The index process building ${p.file} ${reason}.`));
    });
    return proc;
  }

  run(task: SegmentTask): Promise<SegmentTaskResult> {
    const proc = (this.proc ??= this.start());
    return new Promise((resolve, reject) => {
      this.pending = { file: task.file, resolve, reject };
      proc.postMessage(task);
    });
  }

  async close(): Promise<void> {
    this.proc?.kill();
    this.proc = null;
  }
}

/** How segments were built (diagnostics and tests). */
export const poolStats = { threadBuilds: 0, processBuilds: 0, processCrashes: 0, inProcessBuilds: 0 };

/** Builds segments, `concurrency` at a time; results come back in task order. */
export async function buildSegments(
  tasks: SegmentTask[],
  options: PoolOptions = {},
  onDone?: (r: SegmentTaskResult) => void,
): Promise<SegmentTaskResult[]> {
  const script = options.inProcess ? null : await resolveWorkerScript();
  // Diagnostics (and the CLI test): insist on a worker instead of quietly building in-process.
  if (!script && !options.inProcess && process.env.SIFTER_REQUIRE_INDEX_WORKER === '1') {
    throw new Error('The index worker (segment-build.worker.mjs) was not found next to this build.');
  }
  const docs = tasks.reduce((n, t) => n + t.ids.length, 0);
  const useProcesses = docs >= (options.processThresholdDocs ?? PROCESS_BUILD_DOCS);
  const concurrency = Math.max(1, options.concurrency ?? Math.min(2, availableParallelism()));
  const results: SegmentTaskResult[] = new Array(tasks.length);
  let next = 0;
  let workerBroken = false;
  let failed = false;

  const inProcess = (task: SegmentTask): SegmentTaskResult => {
    poolStats.inProcessBuilds++;
    return runSegmentTask(task);
  };
  const viaProcess = async (lane: ProcessLane, task: SegmentTask): Promise<SegmentTaskResult> => {
    // A crash may be the task's own fault (memory) or the process's (killed): one retry in a fresh
    // process tells them apart. A second crash fails the build with a clear message; building here
    // instead would put the memory the process was for back into the main process. Nothing is
    // adopted from a failed build, so the index stays as it was and the items are indexed again
    // on the next import or start.
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await lane.run(task);
        poolStats.processBuilds++;
        return result;
      } catch (err) {
        if (!(err instanceof IndexProcessCrash)) throw err;
        poolStats.processCrashes++;
        if (attempt >= 2)
          throw new IndexProcessCrash(
            `${err.message} It crashed on a retry too; the index was left unchanged.`,
          );
      }
    }
  };
  const viaThread = async (lane: ThreadLane | null, task: SegmentTask): Promise<SegmentTaskResult> => {
    if (!lane || workerBroken) return inProcess(task);
    try {
      const result = await lane.run(task);
      poolStats.threadBuilds++;
      return result;
    } catch (err) {
      // A worker that cannot start or dies (out of memory, a missing module) must not leave the
      // workspace unsearchable: build here instead — slower, but the index is complete.
      if (process.env.SIFTER_REQUIRE_INDEX_WORKER === '1') throw err;
      workerBroken = true;
      return inProcess(task);
    }
  };

  const lane = async (): Promise<void> => {
    const processLane = script && useProcesses ? new ProcessLane(script) : null;
    const thread = script && !useProcesses ? new ThreadLane(script) : null;
    try {
      while (next < tasks.length && !failed) {
        const i = next++;
        const task = tasks[i]!;
        const result = processLane ? await viaProcess(processLane, task) : await viaThread(thread, task);
        results[i] = result;
        onDone?.(result);
      }
    } catch (err) {
      failed = true; // the other lanes stop taking tasks
      throw err;
    } finally {
      await (processLane ?? thread)?.close();
    }
  };
  // Every lane settles before a failure is reported, so no lane is still writing when the caller
  // cleans up after it.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(concurrency, tasks.length) }, lane));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
  return results;
}
