import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsStore, fileSettingsBackend } from './settings';
import { defaultSettings } from '../../../shared/settings';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'sifter-settings-')), 'settings.json');

describe('settings', () => {
  it('starts with defaults when there is no file, and persists updates', () => {
    const file = tempFile();
    const store = new SettingsStore(fileSettingsBackend(file));
    expect(store.get()).toEqual(defaultSettings);
    expect(store.warning).toBeNull();
    store.update({ timeZone: 'Europe/Kyiv', translation: { engine: 'apertium' } });
    const reopened = new SettingsStore(fileSettingsBackend(file));
    expect(reopened.get().timeZone).toBe('Europe/Kyiv');
    expect(reopened.get().translation.engine).toBe('apertium');
    expect(reopened.get().translation.deeplHost).toBe('free');
  });

  it('a corrupt file: defaults, a warning, and the bad file kept renamed beside it', () => {
    const file = tempFile();
    writeFileSync(file, '{"theme": "dark",,, oops');
    const store = new SettingsStore(fileSettingsBackend(file));
    expect(store.get()).toEqual(defaultSettings);
    expect(store.warning).toMatch(/could not be read/);
    const dir = join(file, '..');
    const kept = readdirSync(dir).filter((n) => n.startsWith('settings.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0]!), 'utf8')).toBe('{"theme": "dark",,, oops');
  });

  it('a file with invalid values is treated as corrupt too', () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ theme: 'neon' }));
    const store = new SettingsStore(fileSettingsBackend(file));
    expect(store.get().theme).toBe('system');
    expect(store.warning).toMatch(/not valid/);
  });

  it('refuses an invalid update and keeps the stored settings', () => {
    const file = tempFile();
    const store = new SettingsStore(fileSettingsBackend(file));
    store.update({ theme: 'light' });
    expect(() => store.update({ targetLanguage: '' })).toThrow(/targetLanguage/);
    expect(new SettingsStore(fileSettingsBackend(file)).get().theme).toBe('light');
  });
});
