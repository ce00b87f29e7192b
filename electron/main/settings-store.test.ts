// The app's settings backend over the store electron-store is built on (`conf`: electron-store
// only adds Electron's folders), with real files in a temp folder.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../core/settings/settings';
import { defaultSettings } from '../../shared/settings';
import { storeSettingsBackend } from './settings-store';

let dir: string;
const file = () => join(dir, 'settings.json');
// The same options the app passes to electron-store (electron/main/index.ts).
const backend = () =>
  storeSettingsBackend(
    () => new Conf({ cwd: dir, configName: 'settings', clearInvalidConfig: false }),
    file(),
  );

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sifter-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('electron-store settings backend', () => {
  it('starts with defaults and keeps what the user changes', () => {
    const store = new SettingsStore(backend());
    expect(store.get()).toEqual(defaultSettings);
    expect(store.warning).toBeNull();
    store.update({ theme: 'dark', reader: { layout: 'original' } });
    const again = new SettingsStore(backend());
    expect(again.get()).toMatchObject({ theme: 'dark', reader: { layout: 'original' } });
  });

  it('starts with defaults on a corrupt file, keeps the file renamed beside it, and says so', () => {
    writeFileSync(file(), '{"theme": "dark", ');
    const store = new SettingsStore(backend());
    expect(store.get()).toEqual(defaultSettings);
    expect(store.warning).toContain('default settings');
    const kept = readdirSync(dir).filter((name) => name.startsWith('settings.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('{"theme": "dark", ');
    expect(store.warning).toContain(kept[0]);
    // The next change writes a fresh, valid file.
    store.update({ theme: 'light' });
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toMatchObject({ theme: 'light' });
  });

  it('treats settings that break the schema the same way', () => {
    writeFileSync(file(), JSON.stringify({ theme: 'neon' }));
    const store = new SettingsStore(backend());
    expect(store.get().theme).toBe('system');
    expect(store.warning).not.toBeNull();
    expect(existsSync(file())).toBe(false);
  });
});
