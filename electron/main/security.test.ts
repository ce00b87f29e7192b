// The Electron shell's security decisions (DESIGN §5), tested as the pure functions they are: the
// shell itself cannot run here, but every yes/no it makes comes from these.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, externalUrl, isNavigationAllowed, isSubframeNavigationAllowed } from './navigation';
import { resolveAppRequest, type AppFolders } from './protocol-paths';
import { isTrustedSender } from './sender';
import { hardenedWebPreferences } from './web-preferences';

describe('window factory webPreferences', () => {
  it('equal the hardened set', () => {
    expect(hardenedWebPreferences('/app/out/preload/index.cjs')).toEqual({
      preload: '/app/out/preload/index.cjs',
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
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    });
  });
});

describe('navigation guard', () => {
  it('lets a window move only within the app', () => {
    expect(isNavigationAllowed('app://sifter/', APP_ORIGIN)).toBe(true);
    expect(isNavigationAllowed('app://sifter/index.html#/search?q=x', APP_ORIGIN)).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'app://other/',
      'app://sifter.evil.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url, APP_ORIGIN), url).toBe(false);
    }
  });

  it('follows the dev server origin under `npm run dev`', () => {
    expect(isNavigationAllowed('http://localhost:5173/#/tags', 'http://localhost:5173')).toBe(true);
    expect(isNavigationAllowed('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('lets embedded frames hold inline documents but no remote page', () => {
    expect(isSubframeNavigationAllowed('about:srcdoc', APP_ORIGIN)).toBe(true);
    expect(isSubframeNavigationAllowed('about:blank', APP_ORIGIN)).toBe(true);
    expect(isSubframeNavigationAllowed('https://tracker.example/pixel', APP_ORIGIN)).toBe(false);
    expect(isSubframeNavigationAllowed('javascript:alert(1)', APP_ORIGIN)).toBe(false);
  });
});

describe('openExternal guard', () => {
  it('passes plain http and https links, normalised by URL parsing', () => {
    expect(externalUrl('https://t.me/channel/42')).toBe('https://t.me/channel/42');
    expect(externalUrl('HTTP://Example.COM/a b')).toBe('http://example.com/a%20b');
  });

  it('refuses javascript:, file:, data: and custom schemes that would start other programs', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'file:///etc/passwd',
      'file://server/share/x.exe',
      'data:text/html,hi',
      'vbscript:msgbox',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'tg://resolve?domain=x',
      'smb://host/share',
      'app://sifter/',
      'mailto:a@example.com',
      '//example.com/',
      'https://',
      'not a url',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('refuses links that hide their destination behind credentials', () => {
    expect(externalUrl('https://trusted.example@evil.example/')).toBeNull();
    expect(externalUrl('https://user:pass@example.com/')).toBeNull();
  });
});

describe('IPC sender check', () => {
  it('accepts only the main frame of the app', () => {
    expect(isTrustedSender({ url: 'app://sifter/', isMainFrame: true }, APP_ORIGIN)).toBe(true);
    expect(isTrustedSender({ url: 'app://sifter/index.html', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }, APP_ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'about:srcdoc', isMainFrame: false }, APP_ORIGIN)).toBe(false);
    expect(
      isTrustedSender({ url: 'file:///app/out/renderer/index.html', isMainFrame: true }, APP_ORIGIN),
    ).toBe(false);
    expect(isTrustedSender(null, APP_ORIGIN)).toBe(false);
  });
});

describe('app:// protocol path guard', () => {
  let dir: string;
  let folders: AppFolders;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sifter-protocol-'));
    folders = { rendererDir: join(dir, 'renderer'), mediaDir: join(dir, 'ws', 'media') };
    mkdirSync(join(folders.rendererDir, 'assets'), { recursive: true });
    mkdirSync(join(folders.mediaDir, 'channel'), { recursive: true });
    writeFileSync(join(folders.rendererDir, 'index.html'), '<!doctype html>');
    writeFileSync(join(folders.rendererDir, 'assets', 'app.js'), '');
    writeFileSync(join(folders.mediaDir, 'channel', 'photo 1.jpg'), '');
    writeFileSync(join(folders.mediaDir, 'page.html'), '<script>alert(1)</script>');
    writeFileSync(join(dir, 'ws', 'sifter.db'), 'database');
    symlinkSync(join(dir, 'ws', 'sifter.db'), join(folders.mediaDir, 'db-link.jpg'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the UI and media of the workspace with MIME types and a CSP', () => {
    const index = resolveAppRequest('app://sifter/', folders);
    expect(index).toMatchObject({ ok: true, file: join(folders.rendererDir, 'index.html') });
    expect(index.ok && index.headers['Content-Security-Policy']).toContain("script-src 'self'");
    expect(resolveAppRequest('app://sifter/assets/app.js', folders)).toMatchObject({
      ok: true,
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
    const photo = resolveAppRequest('app://sifter/media/channel/photo%201.jpg', folders);
    expect(photo).toMatchObject({
      ok: true,
      file: join(folders.mediaDir, 'channel', 'photo 1.jpg'),
      headers: { 'Content-Type': 'image/jpeg' },
    });
    // An HTML file among the media is bytes to download, never a page of the app's origin.
    expect(resolveAppRequest('app://sifter/media/page.html', folders)).toMatchObject({
      ok: true,
      headers: { 'Content-Type': 'application/octet-stream' },
    });
  });

  it('refuses traversal, encoded separators, symlinks out of the folder and other hosts', () => {
    for (const url of [
      'app://sifter/../ws/sifter.db',
      'app://sifter/..%2fws%2fsifter.db',
      'app://sifter/%2e%2e/%2e%2e/etc/passwd',
      'app://sifter/media/..%2fsifter.db',
      'app://sifter/media/%2e%2e%2fsifter.db',
      'app://sifter/media/..%5csifter.db',
      'app://sifter/media/db-link.jpg',
      'app://sifter/media/%00.jpg',
      'app://sifter/%E0%A4%A',
    ]) {
      const result = resolveAppRequest(url, folders);
      expect(result.ok, url).toBe(false);
    }
    expect(resolveAppRequest('app://other/index.html', folders)).toEqual({ ok: false, status: 403 });
    expect(resolveAppRequest('file:///etc/passwd', folders)).toEqual({ ok: false, status: 403 });
  });
});
