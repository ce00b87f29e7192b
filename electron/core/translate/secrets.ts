// API keys for translation engines. They never live in settings.json and never reach a log: the
// app keeps them with Electron's safeStorage (electron/main/secret-store.ts plugs in through
// `useSecretStore`), browser and CLI modes read them from the environment or a key file that only
// the user can read.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../core';
import { SifterError } from '../errors';

export type SecretName = 'deepl' | 'libretranslate' | 'openai';

export interface SecretValue {
  value: string;
  /** Where it came from, for Settings ("environment variable SIFTER_DEEPL_KEY") — never the value. */
  source: string;
}

export interface SecretStore {
  get(name: SecretName): Promise<SecretValue | null>;
  /** Stores a key (the app's safeStorage); read-only stores throw UNSUPPORTED. */
  set(name: SecretName, value: string): Promise<void>;
  delete(name: SecretName): Promise<void>;
}

export const SECRET_ENV: Record<SecretName, string> = {
  deepl: 'SIFTER_DEEPL_KEY',
  libretranslate: 'SIFTER_LIBRETRANSLATE_KEY',
  openai: 'SIFTER_OPENAI_KEY',
};

/** Reads a key file, refusing one that group or others may read (or that is not a regular file). */
export function readKeyFile(file: string): string {
  let mode: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new SifterError('REFUSED', `The key file ${file} is not a regular file.`);
    mode = stat.mode;
  } catch (err) {
    if (err instanceof SifterError) throw err;
    throw new SifterError(
      'NOT_FOUND',
      `The key file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SifterError(
      'REFUSED',
      `The key file ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}); run \`chmod 600 ${file}\` and try again.`,
    );
  }
  const value = readFileSync(file, 'utf8').trim();
  if (value === '') throw new SifterError('INVALID', `The key file ${file} is empty.`);
  return value;
}

/**
 * Browser/CLI mode: `SIFTER_<ENGINE>_KEY`, else the file named by `SIFTER_<ENGINE>_KEY_FILE`, else
 * `<configDir>/keys/<engine>.key` when it exists (configDir: $XDG_CONFIG_HOME/sifter or ~/.config/sifter).
 */
export function envSecretStore(env: NodeJS.ProcessEnv = process.env, configDir?: string): SecretStore {
  const dir = configDir ?? join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'sifter');
  return {
    async get(name) {
      const variable = SECRET_ENV[name];
      const direct = env[variable]?.trim();
      if (direct) return { value: direct, source: `environment variable ${variable}` };
      const named = env[`${variable}_FILE`]?.trim();
      if (named) return { value: readKeyFile(named), source: `key file ${named}` };
      const fallback = join(dir, 'keys', `${name}.key`);
      try {
        statSync(fallback);
      } catch {
        return null;
      }
      return { value: readKeyFile(fallback), source: `key file ${fallback}` };
    },
    async set() {
      throw new SifterError(
        'UNSUPPORTED',
        'In browser and CLI mode keys come from the environment (SIFTER_DEEPL_KEY, …) or a key file readable only by you.',
      );
    },
    async delete() {
      throw new SifterError(
        'UNSUPPORTED',
        'In browser and CLI mode keys come from the environment or a key file; remove them there.',
      );
    },
  };
}

const stores = new WeakMap<Core, SecretStore>();

/** Lets a transport plug its own store (the app: safeStorage) into a Core. */
export function useSecretStore(core: Core, store: SecretStore): void {
  stores.set(core, store);
}

export function secretStoreFor(core: Core): SecretStore {
  let store = stores.get(core);
  if (!store) {
    store = envSecretStore();
    stores.set(core, store);
  }
  return store;
}
