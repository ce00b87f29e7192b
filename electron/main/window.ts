// The one window factory. Every window gets the hardened webPreferences, and the navigation and
// pop-up guards; links out of the app open in the system browser when they are plain http(s).
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { externalUrl, isNavigationAllowed, isSubframeNavigationAllowed } from './navigation';
import { hardenedWebPreferences } from './web-preferences';
import { MIN_SIZE, loadWindowState, restoreBounds, saveWindowState } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  /** What to load: app://sifter/ (or the dev server's URL under `npm run dev`). */
  appUrl: string;
  appOrigin: string;
  /** Where the window's size and position are remembered. */
  stateFile: string;
  title: string;
}

function openOutside(url: string): void {
  const safe = externalUrl(url);
  if (safe) void shell.openExternal(safe);
}

/**
 * Navigation and new-window guards for any web contents. Applied to every one the app creates
 * (app.on('web-contents-created')), so nothing slips through a window made elsewhere.
 */
export function guardContents(contents: WebContents, appOrigin: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (isNavigationAllowed(url, appOrigin)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isSubframeNavigationAllowed(event.url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createWindow(options: WindowOptions): BrowserWindow {
  const saved = loadWindowState(options.stateFile);
  const primary = screen.getPrimaryDisplay();
  const areas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map(
    (d) => d.workArea,
  );
  const bounds = restoreBounds(saved, areas);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false,
    backgroundColor: '#1e1f22',
    webPreferences: hardenedWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // The page's <title> must not replace the workspace name the main process puts there.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', () => {
    try {
      saveWindowState(options.stateFile, {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
      });
    } catch {
      // Not remembering the position is no reason to stand in the way of closing.
    }
  });
  void window.loadURL(options.appUrl);
  return window;
}
