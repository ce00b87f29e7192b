import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { envSecretStore, readKeyFile } from './secrets';

const tempDir = () => mkdtempSync(join(tmpdir(), 'sifter-secrets-'));

function keyFile(dir: string, name: string, value: string, mode: number): string {
  const file = join(dir, name);
  writeFileSync(file, `${value}\n`);
  chmodSync(file, mode);
  return file;
}

describe('API keys outside the settings', () => {
  it('reads the key from the environment first', async () => {
    const store = envSecretStore({ SIFTER_DEEPL_KEY: ' abc-123:fx ' }, tempDir());
    expect(await store.get('deepl')).toEqual({
      value: 'abc-123:fx',
      source: 'environment variable SIFTER_DEEPL_KEY',
    });
    expect(await store.get('openai')).toBeNull();
  });

  it('reads a key file that only the user can read, named by *_KEY_FILE or in the config folder', async () => {
    const dir = tempDir();
    const named = keyFile(dir, 'openai.txt', 'sk-file-key', 0o600);
    expect(await envSecretStore({ SIFTER_OPENAI_KEY_FILE: named }, dir).get('openai')).toEqual({
      value: 'sk-file-key',
      source: `key file ${named}`,
    });
    mkdirSync(join(dir, 'keys'));
    const fallback = keyFile(join(dir, 'keys'), 'libretranslate.key', 'lt-key', 0o400);
    expect(await envSecretStore({}, dir).get('libretranslate')).toEqual({
      value: 'lt-key',
      source: `key file ${fallback}`,
    });
  });

  it('refuses a key file that group or others can read, saying how to fix it, without reading it', async () => {
    const dir = tempDir();
    const open = keyFile(dir, 'deepl.key', 'leaky-secret', 0o644);
    expect(() => readKeyFile(open)).toThrow(
      `The key file ${open} can be read by other users (mode 644); run \`chmod 600 ${open}\` and try again.`,
    );
    const group = keyFile(dir, 'group.key', 'leaky-secret', 0o640);
    await expect(envSecretStore({ SIFTER_DEEPL_KEY_FILE: group }, dir).get('deepl')).rejects.toThrow(
      /can be read by other users \(mode 640\)/,
    );
    await expect(envSecretStore({ SIFTER_DEEPL_KEY_FILE: group }, dir).get('deepl')).rejects.not.toThrow(
      /leaky-secret/,
    );
  });

  it('says when a named key file is missing or empty', async () => {
    const dir = tempDir();
    expect(() => readKeyFile(join(dir, 'nope.key'))).toThrow(/cannot be read \(ENOENT\)/);
    expect(() => readKeyFile(keyFile(dir, 'empty.key', '', 0o600))).toThrow(/is empty/);
  });

  it('cannot store keys in browser/CLI mode', async () => {
    await expect(envSecretStore({}, tempDir()).set('deepl', 'x')).rejects.toThrow(
      /come from the environment/,
    );
  });
});
