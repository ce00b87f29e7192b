// `npm start`: the Electron app where Electron can run; browser mode everywhere else.
// Builds first when out/ is incomplete. The Electron binary is looked for on disk — never through
// require('electron'), which starts a download where the binary is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);
const extraArgs = process.argv.slice(2);

const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/cli/sifter.mjs'];

function ensureBuilt() {
  const missing = BUILT.filter((file) => !existsSync(at(file)));
  if (missing.length === 0) return;
  process.stderr.write(`Building Sifter first (missing ${missing.join(', ')})…\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write('The build failed; see the messages above.\n');
    process.exit(result.status ?? 1);
  }
}

/** The Electron executable if it is installed, else null with the reason. */
function findElectron() {
  const dir = at('node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      binary: null,
      reason: 'its binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist');
  const binary = join(distDir, relative);
  if (!existsSync(binary)) return { binary: null, reason: `its binary ${binary} is missing` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { binary: null, reason: 'there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { binary, reason: null };
}

/** Where browser mode keeps its workspace unless SIFTER_WORKSPACE says otherwise. */
function defaultWorkspace() {
  if (process.env.SIFTER_WORKSPACE) return process.env.SIFTER_WORKSPACE;
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'sifter', 'workspace');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'sifter', 'workspace');
  return join(process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'sifter', 'workspace');
}

/** Runs a child in the foreground: signals go to it, its exit code becomes ours. */
function runForeground(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    process.stderr.write(`Could not start ${command}: ${err.message}\n`);
    process.exit(1);
  });
}

ensureBuilt();
const electron = findElectron();
if (electron.binary) {
  runForeground(electron.binary, [root, ...extraArgs]);
} else {
  // The one line that says what happens (the server then prints the address on stdout).
  process.stderr.write(
    `Electron is unavailable on this machine (${electron.reason}), so Sifter starts in browser mode: open the address below in a browser.\n`,
  );
  const args = [
    at('out', 'cli', 'sifter.mjs'),
    'serve',
    '--host',
    '127.0.0.1',
    '--workspace',
    defaultWorkspace(),
    ...extraArgs,
  ];
  runForeground(process.execPath, args);
}
