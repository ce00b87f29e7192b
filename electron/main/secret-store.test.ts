// The safeStorage key store, with a stand-in cipher (Electron's safeStorage needs the Electron
// binary, which cannot run here): keys round-trip, only ciphertext reaches the disk, the file is
// private, and an insecure keyring is refused.
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { safeStorageSecretStore, type SafeStorageLike } from './secret-store';

function cipher(options: { available?: boolean; backend?: string } = {}): SafeStorageLike {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    encryptStringAsync: async (text) => flip(Buffer.from(text, 'utf8')),
    decryptStringAsync: async (sealed) => ({ result: flip(sealed).toString('utf8'), shouldReEncrypt: false }),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

const keysFile = () => join(mkdtempSync(join(tmpdir(), 'sifter-keys-')), 'keys.json');

describe('safeStorage secret store', () => {
  it('stores keys encrypted in a private file and reads them back', async () => {
    const file = keysFile();
    const store = safeStorageSecretStore(cipher(), file);
    await store.set('deepl', 'deepl-secret:fx');
    expect(await store.get('deepl')).toEqual({ value: 'deepl-secret:fx', source: 'the system keychain' });
    expect(readFileSync(file, 'utf8')).not.toContain('deepl-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await store.delete('deepl');
    expect(await store.get('deepl')).toBeNull();
  });

  it('refuses to store a key when the keychain is missing or only a fixed-password fallback', async () => {
    await expect(
      safeStorageSecretStore(cipher({ available: false }), keysFile()).set('openai', 'k'),
    ).rejects.toThrow(/keychain is not available/);
    await expect(
      safeStorageSecretStore(cipher({ backend: 'basic_text' }), keysFile()).set('openai', 'k'),
    ).rejects.toThrow(/No system keyring/);
  });
});
