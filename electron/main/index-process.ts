// Big index builds in the app run in Electron utility processes: each has its own V8 heap (Electron
// caps a process's heap at 4 GB, worker threads included), and Chromium's process model watches
// them. At startup the main process calls
//   useIndexProcessFactory(forkUtilityIndexProcess)   // from electron/core/search/index-process
// before any workspace is opened; core itself never imports electron.
import { utilityProcess } from 'electron';
import type { IndexProcess, IndexProcessFactory } from '../core/search/index-process';

export const forkUtilityIndexProcess: IndexProcessFactory = (script, options) => {
  const child = utilityProcess.fork(script, [], {
    serviceName: 'Sifter index builder',
    execArgv: [`--max-old-space-size=${options.maxHeapMb}`],
    stdio: 'inherit',
  });
  // Messages wait for the process to be up (sending earlier is not documented to queue).
  let queue: unknown[] | null = [];
  let exited: string | null = null;
  let exitListener: ((reason: string) => void) | null = null;
  child.once('spawn', () => {
    const waiting = queue ?? [];
    queue = null;
    for (const message of waiting) child.postMessage(message);
  });
  child.once('exit', (code) => {
    exited = `exited with code ${code}`;
    queue = null;
    exitListener?.(exited);
  });
  const handle: IndexProcess = {
    postMessage: (message) => {
      if (exited !== null) return;
      if (queue) queue.push(message);
      else child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      exitListener = listener;
      if (exited !== null) listener(exited);
    },
    kill: () => {
      child.kill();
    },
  };
  return handle;
};
