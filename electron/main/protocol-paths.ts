// What an app:// request may read (DESIGN §5: no file:// for app content). app://sifter/… is a file
// of the built renderer, app://sifter/media/… a file of the open workspace's media/ folder; both
// go through the same path guard as browser mode, so `..`, encoded separators and symlinks out of
// the folder are refused. No electron import: tested in plain Node.
import { APP_CSP, MEDIA_CSP } from '../server/http-util';
import { isInlineMedia, mimeFor } from '../server/mime';
import { decodeUrlPath, resolveForReading } from '../server/paths';
import { APP_HOST, APP_SCHEME } from './navigation';

export interface AppFolders {
  rendererDir: string;
  mediaDir: string;
}

export type AppResolution =
  { ok: true; file: string; headers: Record<string, string> } | { ok: false; status: 403 | 404 };

export function resolveAppRequest(url: string, folders: AppFolders): AppResolution {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 403 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  const decoded = decodeUrlPath(parsed.pathname);
  if (decoded === null) return { ok: false, status: 404 };
  const common = { 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };
  if (decoded.startsWith('/media/')) {
    const file = resolveForReading(folders.mediaDir, decoded.slice('/media/'.length));
    if (!file) return { ok: false, status: 404 };
    const type = mimeFor(file);
    return {
      ok: true,
      file,
      headers: {
        ...common,
        'Content-Type': isInlineMedia(type) ? type : 'application/octet-stream',
        'Content-Security-Policy': MEDIA_CSP,
      },
    };
  }
  const file = resolveForReading(
    folders.rendererDir,
    decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, ''),
  );
  if (!file) return { ok: false, status: 404 };
  return {
    ok: true,
    file,
    headers: { ...common, 'Content-Type': mimeFor(file), 'Content-Security-Policy': APP_CSP },
  };
}
