// Worker thread entry: builds segments off the main thread, one task per message, for as long as
// its pool lane lives — so its stem caches stay warm from one segment to the next. Bundled to
// out/workers/segment-build.worker.mjs by scripts/build-node.mjs.
import { parentPort } from 'node:worker_threads';
import { runSegmentTask, type SegmentTask } from './segment-task';

parentPort?.on('message', (task: SegmentTask) => {
  try {
    parentPort?.postMessage({ ok: true, result: runSegmentTask(task) });
  } catch (err) {
    parentPort?.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
