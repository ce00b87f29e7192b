// Index work in a separate OS process. Worker threads share their process's heap cap (Electron caps
// a process's V8 heap at 4 GB, all isolates together), so big segment builds run in processes of
// their own: `child_process.fork` in plain Node (CLI, `sifter serve`, tests), Electron's
// `utilityProcess.fork` in the app. Core never imports electron: the app's main process injects its
// factory with useIndexProcessFactory (electron/main/index-process.ts), as it does for PDF printing.
import { fork } from 'node:child_process';

/** The parent's view of one index process (the same shape over both kinds of process). */
export interface IndexProcess {
  /** Sends a structured-cloneable message (typed arrays included). */
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the process ends, however it ends (crash, kill, exit). */
  onExit(listener: (reason: string) => void): void;
  kill(): void;
}

export interface IndexProcessOptions {
  /** V8 old-space cap of the process: its own budget, not the parent's. */
  maxHeapMb: number;
}

/** Starts the bundled worker entry `script` in a new process. */
export type IndexProcessFactory = (script: string, options: IndexProcessOptions) => IndexProcess;

/** Node's child_process.fork of the worker bundle, on the same Node binary as this process. */
export const forkNodeIndexProcess: IndexProcessFactory = (script, options) => {
  const child = fork(script, [], {
    // Structured clone over the IPC channel, so an Int32Array of ids travels as one.
    serialization: 'advanced',
    // Not this process's flags (vitest's loaders, inspector ports): only the heap budget.
    execArgv: [`--max-old-space-size=${options.maxHeapMb}`],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exitListener: ((reason: string) => void) | null = null;
  let exited: string | null = null;
  const finish = (reason: string): void => {
    if (exited !== null) return;
    exited = reason;
    exitListener?.(reason);
  };
  child.on('exit', (code, signal) => finish(signal ? `was killed (${signal})` : `exited with code ${code}`));
  child.on('error', (err) => finish(`could not run (${err.message})`));
  return {
    postMessage: (message) => {
      if (exited === null && child.connected) child.send(message as never);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      exitListener = listener;
      if (exited !== null) listener(exited);
    },
    kill: () => {
      child.kill('SIGKILL');
    },
  };
};

let factory: IndexProcessFactory = forkNodeIndexProcess;

/** The app's main process passes utilityProcess.fork here; null restores child_process.fork. */
export function useIndexProcessFactory(next: IndexProcessFactory | null): void {
  factory = next ?? forkNodeIndexProcess;
}

export function indexProcessFactory(): IndexProcessFactory {
  return factory;
}
