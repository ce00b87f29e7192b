// The app's API-key store: keys encrypted with Electron's safeStorage (the OS keychain: Keychain,
// DPAPI, libsecret/kwallet) and kept as ciphertext in a file under userData. It implements core's
// SecretStore so translation engines get keys the same way in every mode.
//
// Not wired yet. To plug it in (electron/main/index.ts, after app 'ready'):
//   import { safeStorage, app } from 'electron';
//   useSecretStore(core, safeStorageSecretStore(safeStorage, join(app.getPath('userData'), 'keys.json')));
// safeStorage is passed in (not imported) so this module loads in plain Node for its tests.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SifterError } from '../core/errors';
import type { SecretName, SecretStore, SecretValue } from '../core/translate/secrets';

/** The part of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  getSelectedStorageBackend?(): string;
}

type KeyFile = Partial<Record<SecretName, string>>;

export function safeStorageSecretStore(safeStorage: SafeStorageLike, file: string): SecretStore {
  const read = (): KeyFile => {
    if (!existsSync(file)) return {};
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return data && typeof data === 'object' ? (data as KeyFile) : {};
    } catch {
      return {}; // an unreadable key file means "no keys": the user enters them again
    }
  };
  const write = (data: KeyFile) => {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
  };
  const assertSecure = async () => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) {
      throw new SifterError(
        'UNAVAILABLE',
        'The system keychain is not available, so API keys cannot be stored safely; set them in the environment (SIFTER_DEEPL_KEY, …) instead.',
      );
    }
    // On Linux without a keyring, Electron falls back to a fixed password: that is not storage.
    if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
      throw new SifterError(
        'UNAVAILABLE',
        'No system keyring (GNOME Keyring or KWallet) is running, so API keys cannot be stored safely; set them in the environment (SIFTER_DEEPL_KEY, …) instead.',
      );
    }
  };

  const store: SecretStore = {
    async get(name): Promise<SecretValue | null> {
      const sealed = read()[name];
      if (!sealed) return null;
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
      if (shouldReEncrypt) await store.set(name, result); // the OS rotated its key
      return { value: result, source: 'the system keychain' };
    },
    async set(name, value) {
      const key = value.trim();
      if (key === '') return store.delete(name);
      await assertSecure();
      const sealed = await safeStorage.encryptStringAsync(key);
      write({ ...read(), [name]: sealed.toString('base64') });
    },
    async delete(name) {
      const data = read();
      if (!(name in data)) return;
      delete data[name];
      write(data);
    },
  };
  return store;
}
