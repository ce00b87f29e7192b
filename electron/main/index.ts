// The Electron app's entry: one Core for the open workspace, the app:// protocol, the IPC channel,
// the menu and the window. Security defaults (DESIGN §5) are set before anything loads: sandbox
// for every renderer, navigation/pop-up guards on every web contents, all permissions denied.
import { BrowserWindow, Menu, app, dialog, safeStorage, session } from 'electron';
import Store from 'electron-store';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../core/core';
import { RecentWorkspaces } from '../core/workspace/recent';
import { useSecretStore } from '../core/translate/secrets';
import { usePdfPrinter } from '../core/reports/pdf';
import { useIndexProcessFactory } from '../core/search/index-process';
import { registerIpc } from './ipc';
import { buildMenu } from './menu';
import { APP_ORIGIN, originOf } from './navigation';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { printReportPdf } from './print-pdf';
import { forkUtilityIndexProcess } from './index-process';
import { safeStorageSecretStore } from './secret-store';
import { storeSettingsBackend } from './settings-store';
import { createWindow, guardContents } from './window';

const here = dirname(fileURLToPath(import.meta.url)); // out/main
const PRELOAD = join(here, '../preload/index.cjs');
const RENDERER_DIR = join(here, '../renderer');
// `npm run dev`: electron-vite serves the renderer with hot reload and passes its address.
const DEV_URL = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const APP_URL = DEV_URL ?? `${APP_ORIGIN}/`;
const APP_URL_ORIGIN = originOf(APP_URL) ?? APP_ORIGIN;

registerAppScheme();
app.enableSandbox();

/** Opens the last workspace used if it is still there, else the default one in the user-data folder. */
function openCore(userData: string): Core {
  const recentFile = join(userData, 'recent.json');
  const settingsFile = join(userData, 'settings.json');
  const settings = storeSettingsBackend(
    // clearInvalidConfig off: a damaged file is reported and set aside, not silently emptied.
    () => new Store({ name: 'settings', cwd: userData, clearInvalidConfig: false }),
    settingsFile,
  );
  const fallback = join(userData, 'workspace');
  const last = new RecentWorkspaces(recentFile).list()[0]?.dir;
  const candidates = last && last !== fallback && existsSync(last) ? [last, fallback] : [fallback];
  let lastError: unknown = new Error('no workspace to open');
  for (const workspaceDir of candidates) {
    try {
      return new Core({
        mode: 'electron',
        workspaceDir,
        version: app.getVersion(),
        settingsBackend: () => settings,
        recentFile,
      });
    } catch (err) {
      lastError = err;
      dialog.showErrorBox('Could not open the workspace', `${workspaceDir}\n\n${(err as Error).message}`);
    }
  }
  throw lastError;
}

function windowTitle(core: Core): string {
  return `Sifter — ${basename(core.workspace.paths.dir)}`;
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  // Big index builds run in utility processes (a heap of their own each); only possible once ready.
  useIndexProcessFactory(forkUtilityIndexProcess);

  // Nothing the app shows needs the camera, location, notifications… Every request is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  let core: Core;
  try {
    core = openCore(userData);
  } catch {
    app.exit(1);
    return;
  }
  // API keys for translation engines: encrypted with the OS keychain (safeStorage), which is only
  // usable after 'ready'; keys never go into settings.
  useSecretStore(core, safeStorageSecretStore(safeStorage, join(userData, 'keys.json')));
  // PDF reports print with Electron's own printToPDF in the app (headless Chromium elsewhere).
  usePdfPrinter(printReportPdf);
  serveAppProtocol(() => ({ rendererDir: RENDERER_DIR, mediaDir: core.workspace.paths.media }));
  registerIpc(core, APP_URL_ORIGIN);

  const dev = !app.isPackaged;
  const refreshMenu = () => Menu.setApplicationMenu(buildMenu({ core, dev }));
  refreshMenu();

  const openWindow = () =>
    createWindow({
      preloadPath: PRELOAD,
      appUrl: APP_URL,
      appOrigin: APP_URL_ORIGIN,
      stateFile: join(userData, 'window-state.json'),
      title: windowTitle(core),
    });
  openWindow();

  core.events.subscribe((event) => {
    if (event !== 'workspace.changed') return;
    refreshMenu(); // the Open Recent list changed
    for (const window of BrowserWindow.getAllWindows()) window.setTitle(windowTitle(core));
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Close the workspace (running jobs cancelled, SQLite closed) before the process ends.
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    closed = true;
    core.close().finally(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => guardContents(contents, APP_URL_ORIGIN));

// One instance per user: two would open the same workspace database twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((err: unknown) => {
    dialog.showErrorBox('Sifter could not start', (err as Error).stack ?? String(err));
    app.exit(1);
  });
}
