// The preload: the one bridge between the sandboxed renderer and the main process (DESIGN §2).
// It exposes `window.sifter = { call, on, pathForFile }` and nothing else — no ipcRenderer, no
// generic send. Bundled as one CommonJS file: a sandboxed preload cannot require other files.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { ApiEvents, EventName, Method, Req, Res, Result, SifterBridge } from '../../shared/api';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../main/channels';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all events, however many subscriptions the page makes.
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) {
    try {
      listener(payload);
    } catch (err) {
      console.error(`A listener for ${name} failed:`, err);
    }
  }
});

const bridge = {
  call<M extends Method>(method: M, req: Req<M>): Promise<Result<Res<M>>> {
    return ipcRenderer.invoke(CALL_CHANNEL, method, req) as Promise<Result<Res<M>>>;
  },
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const entry = listener as Listener;
    set.add(entry);
    return () => {
      set.delete(entry);
    };
  },
  pathForFile(file: File): string | null {
    // Empty for a File that is not on disk (made in memory by the page).
    return webUtils.getPathForFile(file) || null;
  },
} satisfies SifterBridge;

contextBridge.exposeInMainWorld('sifter', bridge);
