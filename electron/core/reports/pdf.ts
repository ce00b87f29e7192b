// PDF in browser and CLI mode: the HTML report printed by an installed Chromium (headless
// --print-to-pdf). The HTML goes to a temporary file under the workspace's tmp/ and makes no
// network request (its CSP forbids every load). In the app, electron/main/print-pdf.ts prints the
// same HTML with Electron's printToPDF instead.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SifterError } from '../errors';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const PRINT_TIMEOUT_MS = 120_000;

export const NO_CHROMIUM_MESSAGE =
  'PDF export needs Chromium or Google Chrome, and none was found. Install Chromium (e.g. `apt install chromium` on Debian/Ubuntu) or Google Chrome, or set SIFTER_CHROMIUM to its executable; or export HTML and print it to PDF from a browser.';

/** The Chromium to print with: SIFTER_CHROMIUM, else the first installed candidate; null when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = env.SIFTER_CHROMIUM ? [env.SIFTER_CHROMIUM] : CANDIDATES;
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  return null;
}

function run(
  executable: string,
  args: string[],
  signal: AbortSignal | undefined,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    const kill = (): void => {
      child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, PRINT_TIMEOUT_MS);
    signal?.addEventListener('abort', kill, { once: true });
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      resolvePromise({ code, stderr });
    });
  });
}

/** Prints `html` to PDF bytes with headless Chromium. UNAVAILABLE when no Chromium is installed. */
export async function htmlToPdf(
  html: string,
  tmpRoot: string,
  signal?: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Buffer> {
  const chromium = findChromium(env);
  if (!chromium) throw new SifterError('UNAVAILABLE', NO_CHROMIUM_MESSAGE);
  const dir = await mkdtemp(join(tmpRoot, 'pdf-'));
  try {
    const input = join(dir, 'report.html');
    const output = join(dir, 'report.pdf');
    await writeFile(input, html, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-extensions',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      '--mute-audio',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${output}`,
      pathToFileURL(input).href,
    ];
    // Chromium's sandbox cannot start as root (containers, CI); elsewhere it stays on.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    const { code, stderr } = await run(chromium, args, signal);
    if (signal?.aborted) throw new SifterError('CANCELLED', 'PDF export cancelled.');
    let pdf: Buffer;
    try {
      pdf = await readFile(output);
    } catch {
      const why = stderr.trim().split('\n').slice(-3).join(' ').slice(0, 500);
      throw new SifterError(
        'INTERNAL',
        `Chromium (${chromium}) did not produce a PDF (exit code ${code})${why ? `: ${why}` : ''}.`,
      );
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new SifterError('INTERNAL', `Chromium (${chromium}) wrote something that is not a PDF.`);
    }
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Prints a report's HTML to PDF bytes. */
export type PdfPrinter = (html: string, tmpRoot: string, signal?: AbortSignal) => Promise<Buffer>;

let printer: PdfPrinter = (html, tmpRoot, signal) => htmlToPdf(html, tmpRoot, signal);

/**
 * Replaces how PDFs are printed: the Electron app installs Electron's printToPDF
 * (electron/main/print-pdf.ts) at startup; browser and CLI mode keep headless Chromium.
 */
export function usePdfPrinter(next: PdfPrinter): void {
  printer = next;
}

export function printPdf(html: string, tmpRoot: string, signal?: AbortSignal): Promise<Buffer> {
  return printer(html, tmpRoot, signal);
}
