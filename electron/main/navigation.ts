// Where the app's windows may go, and which links may leave the app for the system browser.
// Pure functions over URLs (no electron import), tested in plain Node.

/** The custom protocol the app's own pages and media are served from (protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sifter';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of a URL as the app compares it ("app://sifter", "http://localhost:5173"); null if unparsable. */
export function originOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  // Non-special schemes have an opaque origin ("null") in WHATWG URL; build it from the parts.
  return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
}

/** A window may navigate only within the app itself (reloads, in-app links). */
export function isNavigationAllowed(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin;
}

/**
 * The URL to hand to shell.openExternal, or null to refuse: only http(s) links, parsed with
 * `new URL` (never string checks), and without embedded credentials, which only ever serve to
 * disguise where a link goes. javascript:, file:, custom schemes (which start other programs)
 * and everything else are refused.
 */
export function externalUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

/**
 * An embedded frame (e.g. a sanitised archived article shown in a sandboxed iframe) may hold the
 * app's own pages or an inline document, never a remote page.
 */
export function isSubframeNavigationAllowed(url: string, appOrigin: string): boolean {
  return url === 'about:blank' || url === 'about:srcdoc' || isNavigationAllowed(url, appOrigin);
}
