// The one IPC channel into the back end (DESIGN §2): every call is checked for its sender frame,
// then goes through the same `dispatch` as HTTP and the CLI. Pushed events go to every window
// that shows the app.
import { BrowserWindow, ipcMain } from 'electron';
import { dispatch } from '../core/api';
import type { Core } from '../core/core';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import { originOf } from './navigation';
import { isTrustedSender } from './sender';

export function registerIpc(core: Core, appOrigin: string): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, request: unknown) => {
    const frame = event.senderFrame;
    const info = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
    if (!isTrustedSender(info, appOrigin)) {
      return { ok: false, error: { code: 'REFUSED', message: 'Refused: this frame may not call Sifter.' } };
    }
    return dispatch(core, typeof method === 'string' ? method : String(method), request);
  });
  const unsubscribe = core.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (window.isDestroyed() || contents.isDestroyed()) continue;
      if (originOf(contents.getURL()) !== appOrigin) continue;
      contents.send(EVENT_CHANNEL, event, payload);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
