// Browser/CLI mode's way to *store* an API key from Settings: the key file that envSecretStore
// already reads (`<configDir>/keys/<engine>.key`), written so that only the user can read it
// (file 0600 in a 0700 folder, written to a temporary name and renamed so a half-written key is
// never read). The app stores keys with safeStorage instead (electron/main/secret-store.ts).
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { SifterError } from '../errors';
import { envSecretStore, type SecretName, type SecretStore } from './secrets';

/** The folder envSecretStore reads key files from: $XDG_CONFIG_HOME/sifter or ~/.config/sifter. */
export function keyConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sifter');
}

export function keyFilePath(name: SecretName, configDir: string): string {
  return join(configDir, 'keys', `${name}.key`);
}

/** Reads like envSecretStore (environment first, then key files); set/delete write the key file. */
export function keyFileSecretStore(
  env: NodeJS.ProcessEnv = process.env,
  configDir: string = keyConfigDir(env),
): SecretStore {
  const reader = envSecretStore(env, configDir);
  return {
    get: (name) => reader.get(name),
    async set(name, value) {
      const key = value.trim();
      if (key === '') return this.delete(name);
      const dir = join(configDir, 'keys');
      const file = keyFilePath(name, configDir);
      try {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
        // An existing folder keeps its mode; make sure others cannot list it either.
        if (process.platform !== 'win32') chmodSync(dir, 0o700);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, `${key}\n`, { mode: 0o600 });
        if (process.platform !== 'win32') chmodSync(tmp, 0o600); // umask cannot widen it, but be sure
        renameSync(tmp, file);
      } catch (err) {
        throw new SifterError(
          'UNAVAILABLE',
          `The key could not be written to ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
        );
      }
    },
    async delete(name) {
      rmSync(keyFilePath(name, configDir), { force: true });
    },
  };
}
