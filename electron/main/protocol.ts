// The app:// protocol that serves the built UI and workspace media to the app's windows.
// Decisions (what a URL may read, which headers) are in protocol-paths.ts; this is the wiring.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_SCHEME } from './navigation';
import { resolveAppRequest, type AppFolders } from './protocol-paths';

/** Must run before `app` is ready: app:// behaves like https (a secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
    },
  ]);
}

/** `folders` is read per request: the media folder follows the open workspace. */
export function serveAppProtocol(folders: () => AppFolders): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppRequest(request.url, folders());
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    const file = await net.fetch(pathToFileURL(resolved.file).href);
    return new Response(request.method === 'HEAD' ? null : file.body, {
      status: file.status,
      headers: resolved.headers,
    });
  });
}
