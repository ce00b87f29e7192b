// Index worker entry: builds segments, one task per message, for as long as its pool lane lives —
// so its stem caches stay warm from one segment to the next. Bundled to
// out/workers/segment-build.worker.mjs by scripts/build-node.mjs. The same file runs as a worker
// thread, as a Node child process (child_process.fork) and as an Electron utility process: only the
// way messages come and go differs.
import { parentPort } from 'node:worker_threads';
import { runSegmentTask, type SegmentTask } from './segment-task';

interface Channel {
  post(message: unknown): void;
  listen(handler: (task: SegmentTask) => void): void;
}

/** Electron's utilityProcess child: messages arrive as events whose `data` is the payload. */
interface UtilityParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function channel(): Channel | null {
  if (parentPort) {
    const port = parentPort;
    return { post: (m) => port.postMessage(m), listen: (h) => port.on('message', h) };
  }
  const utility = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  if (utility) {
    return {
      post: (m) => utility.postMessage(m),
      listen: (h) => utility.on('message', (event) => h(event.data as SegmentTask)),
    };
  }
  if (process.send) {
    // A forked child whose parent went away has nothing left to do.
    process.on('disconnect', () => process.exit(0));
    return {
      post: (m) => process.send?.(m as never),
      listen: (h) => process.on('message', (m) => h(m as SegmentTask)),
    };
  }
  return null;
}

const port = channel();
port?.listen((task) => {
  // "started" lets the parent tell a crash mid-build from one at start-up (and tests kill here).
  port.post({ started: task.file });
  try {
    port.post({ ok: true, result: runSegmentTask(task) });
  } catch (err) {
    port.post({ ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
