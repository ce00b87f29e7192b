// Starts Debian's apertium-apy (with apertium-eng-spa) for tests, bound to 127.0.0.1 on a free
// port. APY binds every interface and has no option for the address, so a small Python launcher
// replaces tornado's TCPServer.bind with one that binds 127.0.0.1 port 0, prints the port it got,
// and then runs APY's own main().
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const APY_BIN = '/usr/bin/apertium-apy';
export const APERTIUM_MODES = '/usr/share/apertium/modes';

const LAUNCHER = `
import socket, sys
import tornado.netutil, tornado.tcpserver

def bind_loopback(self, port, address=None, *args, **kwargs):
    sockets = tornado.netutil.bind_sockets(0, '127.0.0.1', family=socket.AF_INET)
    print('SIFTER_APY_PORT=%d' % sockets[0].getsockname()[1], flush=True)
    self._pending_sockets.extend(sockets)

tornado.tcpserver.TCPServer.bind = bind_loopback
from apertium_apy.apy import main
sys.argv = ['apertium-apy'] + sys.argv[1:]
main()
`;

export interface ApertiumServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Whether APY and the Spanish–English pair are installed (CI installs them with apt). */
export function apertiumAvailable(): boolean {
  return existsSync(APY_BIN) && existsSync(`${APERTIUM_MODES}/spa-eng.mode`);
}

/** The Python that runs apertium-apy: its shebang (Debian's /usr/bin/python3, not a pyenv one). */
function apyPython(): string {
  const first = readFileSync(APY_BIN, 'utf8').split('\n', 1)[0] ?? '';
  return first.startsWith('#!')
    ? (first.slice(2).trim().split(/\s+/)[0] ?? '/usr/bin/python3')
    : '/usr/bin/python3';
}

async function waitForPairs(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  let lastError = '';
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`apertium-apy exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) {
        const body = (await res.json()) as { responseData?: unknown[] };
        if (Array.isArray(body.responseData) && body.responseData.length > 0) return;
      }
      lastError = `HTTP ${res.status}`;
    } catch (err) {
      lastError = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`apertium-apy did not answer /listPairs at ${url} (${lastError})`);
}

export async function startApertium(
  options: { modes?: string; startupMs?: number } = {},
): Promise<ApertiumServer> {
  if (!apertiumAvailable()) {
    throw new Error(
      `${APY_BIN} or the Spanish–English pair is missing: apt-get install apertium-apy apertium-eng-spa`,
    );
  }
  const child = spawn(apyPython(), ['-c', LAUNCHER, '-j', '1', options.modes ?? APERTIUM_MODES], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error('apertium-apy did not report its port')),
        options.startupMs ?? 30_000,
      );
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const m = /SIFTER_APY_PORT=(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`apertium-apy exited (code ${code}) before listening: ${stderr}`));
      });
      child.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForPairs(url, child, options.startupMs ?? 30_000);
    return { url, port, stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${stderr}`);
  }
}
