// Storing API keys from Settings in browser mode: translate.setKey writes a key file only the user
// can read (never settings.json), translate.keyStatus tells where a key comes from without ever
// returning it, and the engines then find the key.
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyStatus } from '../../../shared/api/translate';
import { dispatch } from '../api';
import { Core } from '../core';
import { keyFilePath } from './key-files';

const KEY = 'deepl-7f6e5d4c-SECRET:fx';
const cores: Core[] = [];

afterEach(async () => {
  vi.unstubAllEnvs();
  for (const core of cores.splice(0)) await core.close();
});

function openCore(): { core: Core; configDir: string; workspace: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sifter-keys-'));
  // The browser-mode key store reads and writes under $XDG_CONFIG_HOME/sifter.
  vi.stubEnv('XDG_CONFIG_HOME', join(dir, 'config'));
  vi.stubEnv('SIFTER_DEEPL_KEY', '');
  vi.stubEnv('SIFTER_DEEPL_KEY_FILE', '');
  const workspace = join(dir, 'ws');
  const core = new Core({ mode: 'browser', workspaceDir: workspace, version: 'test', recentFile: null });
  cores.push(core);
  return { core, configDir: join(dir, 'config', 'sifter'), workspace };
}

async function call<T>(core: Core, method: string, req: unknown): Promise<T> {
  const res = await dispatch(core, method, req);
  if (!res.ok) throw new Error(`${method}: ${res.error.code} ${res.error.message}`);
  return res.value as T;
}

describe('API keys set from Settings in browser mode', () => {
  it('stores the key in a file only the user can read, and reports where it is, never what it is', async () => {
    const { core, configDir, workspace } = openCore();
    const before = await call<KeyStatus[]>(core, 'translate.keyStatus', {});
    expect(before.map((s) => [s.engine, s.set])).toEqual([
      ['deepl', false],
      ['libretranslate', false],
      ['openai', false],
    ]);

    const status = await call<KeyStatus>(core, 'translate.setKey', { engine: 'deepl', key: ` ${KEY} ` });
    const file = keyFilePath('deepl', configDir);
    expect(status).toEqual({ engine: 'deepl', set: true, source: `key file ${file}`, problem: null });
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(readFileSync(file, 'utf8').trim()).toBe(KEY);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(configDir, 'keys')).mode & 0o777).toBe(0o700);

    // Not in the settings, and not in anything keyStatus or translate.engines answer.
    const settingsFile = join(workspace, 'settings.json');
    if (existsSync(settingsFile)) expect(readFileSync(settingsFile, 'utf8')).not.toContain(KEY);
    const engines = await call<unknown>(core, 'translate.engines', { pairs: false });
    expect(JSON.stringify(engines)).not.toContain(KEY);
    expect(JSON.stringify(await call(core, 'translate.keyStatus', {}))).not.toContain(KEY);
    const deepl = (engines as { engines: { id: string; keySource: string | null }[] }).engines.find(
      (e) => e.id === 'deepl',
    );
    expect(deepl?.keySource).toBe(`key file ${file}`);

    const removed = await call<KeyStatus>(core, 'translate.setKey', { engine: 'deepl', key: null });
    expect(removed.set).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a key with spaces or line breaks without echoing it, and stores nothing', async () => {
    const { core, configDir } = openCore();
    const res = await dispatch(core, 'translate.setKey', { engine: 'openai', key: 'sk-abc SECRET\nmore' });
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID');
      expect(res.error.message).toMatch(/no spaces, line breaks/);
      expect(res.error.message).not.toContain('SECRET');
    }
    expect(existsSync(keyFilePath('openai', configDir))).toBe(false);
  });

  it('says when an environment variable overrides the saved key', async () => {
    const { core } = openCore();
    vi.stubEnv('SIFTER_LIBRETRANSLATE_KEY', 'from-env');
    const status = await call<KeyStatus>(core, 'translate.setKey', {
      engine: 'libretranslate',
      key: 'saved',
    });
    expect(status.source).toBe('environment variable SIFTER_LIBRETRANSLATE_KEY');
    expect(status.problem).toMatch(/is set and is used instead/);
  });
});
