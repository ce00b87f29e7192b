// The webPreferences of every window, in one place (DESIGN §5). The renderer gets no Node, runs
// sandboxed in an isolated world, and reaches the back end only through the preload's bridge.
// Type-only import: this module must load in plain Node so the hardened set can be tested.
import type { WebPreferences } from 'electron';

export function hardenedWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    // A file dropped outside the drop zone must not navigate the window to file://.
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}
