// PDF reports in the app: Electron's printToPDF of the HTML report, in a hidden window that runs
// no script and loads nothing but the report itself (its own session refuses every other request).
// Not wired yet: at startup the main process calls
//   usePdfPrinter(printReportPdf)   // from electron/core/reports/pdf
// so that reports.export/reports.render with format 'pdf' print here instead of spawning Chromium.
import { BrowserWindow, session } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PARTITION = 'sifter-report-print';
let guarded = false;

/** The print session loads the report file and data: images; every other request is cancelled. */
function printSession(): Electron.Session {
  const printing = session.fromPartition(PARTITION, { cache: false });
  if (!guarded) {
    printing.webRequest.onBeforeRequest((details, callback) => {
      const url = details.url;
      callback({
        cancel: !(url.startsWith('data:') || (url.startsWith('file:') && url.includes('/sifter-print-'))),
      });
    });
    printing.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    guarded = true;
  }
  return printing;
}

export async function printReportPdf(html: string, tmpRoot: string, signal?: AbortSignal): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpRoot, 'sifter-print-'));
  const file = join(dir, 'report.html');
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      session: printSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  const abort = (): void => {
    if (!win.isDestroyed()) win.destroy();
  };
  signal?.addEventListener('abort', abort, { once: true });
  try {
    await writeFile(file, html, 'utf8');
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    await win.loadURL(pathToFileURL(file).href);
    const pdf = await win.webContents.printToPDF({
      printBackground: true,
      pageSize: 'A4',
      displayHeaderFooter: false,
      preferCSSPageSize: true,
    });
    return Buffer.from(pdf);
  } finally {
    signal?.removeEventListener('abort', abort);
    abort();
    await rm(dir, { recursive: true, force: true });
  }
}
