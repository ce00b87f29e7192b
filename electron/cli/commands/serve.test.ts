// `sifter serve` as the user runs it: the built CLI in a child process, a temp workspace, a real
// port. The bundle is built first when it is missing or predates the serve command.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'out/cli/sifter.mjs');
let dir: string;
let child: ChildProcess | null = null;

beforeAll(() => {
  if (!existsSync(CLI) || !readFileSync(CLI, 'utf8').includes('Sifter is running at')) {
    const built = spawnSync(process.execPath, ['scripts/build-node.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`build-node failed: ${built.stderr}`);
  }
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sifter-serve-'));
});

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = null;
  rmSync(dir, { recursive: true, force: true });
});

/** Starts `sifter serve` with the user's config folder inside the temp folder. */
function serve(args: string[]) {
  const proc = spawn(process.execPath, [CLI, 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, XDG_CONFIG_HOME: join(dir, 'config'), SIFTER_WORKSPACE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  const url = new Promise<string>((resolveUrl, reject) => {
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /(http:\/\/\S+)/.exec(stdout);
      if (match?.[1]) resolveUrl(match[1]);
    });
    void exited.then((code) => reject(new Error(`sifter serve exited with ${code}: ${stderr}`)));
  });
  url.catch(() => {}); // tests that expect a refusal never wait for the address
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { proc, url, exited, output: () => ({ stdout, stderr }) };
}

describe('sifter serve', () => {
  it('prints one line with the address and token, answers API calls, and stops cleanly on SIGTERM', async () => {
    const workspace = join(dir, 'ws');
    const run = serve(['--port', '0', '--workspace', workspace]);
    const address = await run.url;
    expect(run.output().stdout).toMatch(
      /^Sifter is running at http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{43}\n$/,
    );

    const url = new URL(address);
    const token = url.hash.replace('#token=', '');
    const info = await fetch(new URL('/api/app.info', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sifter-token': token },
      body: '{}',
    });
    expect(await info.json()).toMatchObject({ ok: true, value: { mode: 'browser', workspace } });
    const refused = await fetch(new URL('/api/app.info', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);

    run.proc.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output().stderr).toContain('stopping');
    expect(run.output().stdout.trim().split('\n')).toHaveLength(1);
    // The workspace was created, and remembered among the recent ones in the user's config folder.
    expect(existsSync(join(workspace, 'sifter.db'))).toBe(true);
    expect(readFileSync(join(dir, 'config', 'sifter', 'recent.json'), 'utf8')).toContain(workspace);
  });

  it('refuses a bad port with a usage error and exit code 2, printing nothing on stdout', async () => {
    const run = serve(['--port', 'eighty', '--workspace', join(dir, 'ws')]);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('--port must be a number');
    expect(run.output().stdout).toBe('');
  });

  it('refuses to start without a workspace', async () => {
    const run = serve(['--port', '0']);
    expect(await run.exited).toBe(2);
    expect(run.output().stderr).toContain('--workspace');
  });
});
