// `sifter serve`: browser mode. Opens the workspace, serves the UI and the API on 127.0.0.1, prints
// the address (with the per-run token) as the one line on stdout, and runs until SIGINT/SIGTERM.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, type Command } from '../command';
import { Core } from '../../core/core';
import { startServer } from '../../server/server';

/** Per-user configuration folder (recent workspaces), following each OS's convention. */
export function userConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'sifter');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'sifter');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sifter');
}

/**
 * The built UI. The bundle lives in out/cli/, the UI in out/renderer/; when this file runs from
 * source (tests), out/ is three folders up. SIFTER_RENDERER_DIR overrides both.
 */
export function locateRendererDir(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.SIFTER_RENDERER_DIR,
    fileURLToPath(new URL('../renderer', import.meta.url)),
    fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
  ].filter((dir): dir is string => Boolean(dir));
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0] ?? 'out/renderer';
}

function parsePort(value: string | boolean | string[] | undefined): number {
  if (value === undefined) return 0;
  const port = typeof value === 'string' && /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(
      `--port must be a number from 0 to 65535 (0 picks a free port), not "${String(value)}"`,
    );
  return port;
}

export const serve: Command = {
  name: 'serve',
  summary: 'Serve the app in a browser (browser mode) on 127.0.0.1',
  usage: 'sifter serve --workspace DIR [--port N] [--host 127.0.0.1]',
  options: { port: { type: 'string' }, host: { type: 'string' } },
  async run(ctx) {
    const port = parsePort(ctx.flags.port);
    const host = typeof ctx.flags.host === 'string' ? ctx.flags.host : '127.0.0.1';
    if (host.trim() === '') throw new UsageError('--host must not be empty');
    const core = new Core({
      mode: 'browser',
      workspaceDir: ctx.workspaceDir(),
      version: ctx.version,
      recentFile: join(userConfigDir(), 'recent.json'),
    });
    let server;
    try {
      const rendererDir = locateRendererDir();
      if (!existsSync(join(rendererDir, 'index.html'))) {
        ctx.io.stderr(
          `sifter serve: the UI is not built (no ${join(rendererDir, 'index.html')}); run \`npm run build\`. The API still answers.\n`,
        );
      }
      server = await startServer({ core, rendererDir, host, port });
    } catch (err) {
      await core.close();
      throw err;
    }
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      ctx.io.stderr(
        `sifter serve: listening on ${host}: anyone who can reach this machine and has the address with its token can use this workspace.\n`,
      );
    }
    ctx.io.stderr(`sifter serve: workspace ${core.workspace.paths.dir}; press Ctrl+C to stop.\n`);
    ctx.io.stdout(`Sifter is running at ${server.appUrl}\n`);

    const running = server;
    return new Promise<number>((resolveExit) => {
      let stopping = false;
      const stop = (signal: NodeJS.Signals) => {
        if (stopping) return;
        stopping = true;
        ctx.io.stderr(`sifter serve: ${signal}, stopping.\n`);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        running
          .close()
          .then(() => core.close())
          .then(
            () => resolveExit(0),
            (err: unknown) => {
              ctx.io.stderr(`sifter serve: error while stopping: ${(err as Error).message}\n`);
              resolveExit(1);
            },
          );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
};
