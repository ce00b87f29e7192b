// The app's settings live in electron-store (DESIGN §3), behind the same SettingsBackend as the
// workspace's settings.json. A corrupt file is renamed aside, never deleted or silently cleared,
// and SettingsStore starts from defaults and tells the user. The store itself is passed in as a
// factory: electron-store in the app, its base class `conf` in tests (electron-store only adds
// Electron's folders to it).
import { existsSync, renameSync } from 'node:fs';
import type { SettingsBackend } from '../core/settings/settings';
import type { Settings } from '../../shared/settings';

/** The part of electron-store (and conf) this backend uses. */
export interface JsonStore {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * @param open creates the store; it may throw on a corrupt file (clearInvalidConfig must be off,
 *   so that conf reports the damage instead of wiping the file).
 * @param file where the store keeps its file, for setting it aside when `open` itself fails.
 */
export function storeSettingsBackend(open: () => JsonStore, file: string): SettingsBackend {
  let store: JsonStore | null = null;
  const opened = (): JsonStore => (store ??= open());
  return {
    load() {
      const data = opened().store;
      return Object.keys(data).length === 0 ? undefined : data;
    },
    save(settings: Settings) {
      opened().store = { ...settings };
    },
    quarantine() {
      const path = store?.path ?? file;
      store = null; // reopened on the next save, over a fresh file
      const kept = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      if (existsSync(path)) renameSync(path, kept);
      return kept;
    },
    describe() {
      return store?.path ?? file;
    },
  };
}
