// Settings behind one schema (shared/settings.ts) and two homes: a settings.json file (browser/CLI
// mode, this module) or electron-store (the app, electron/main/settings-store.ts).
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { defaultSettings, settingsSchema, type Settings } from '../../../shared/settings';
import { SifterError } from '../errors';

/** Where settings are kept. `load` returns the raw stored object, or undefined when there is none. */
export interface SettingsBackend {
  load(): unknown;
  save(settings: Settings): void;
  /** Sets the stored data aside (renamed, never deleted) and returns where it went. */
  quarantine(): string;
  describe(): string;
}

export class SettingsStore {
  private current: Settings;
  /** Set when the stored settings were corrupt and defaults were used instead. */
  readonly warning: string | null;

  constructor(private readonly backend: SettingsBackend) {
    let raw: unknown;
    let warning: string | null = null;
    try {
      raw = backend.load();
    } catch (err) {
      const kept = backend.quarantine();
      warning = `The settings in ${backend.describe()} could not be read (${(err as Error).message}); Sifter started with default settings and kept the bad file as ${kept}.`;
      raw = undefined;
    }
    const parsed = settingsSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      const kept = backend.quarantine();
      warning = `The settings in ${backend.describe()} are not valid (${parsed.error.issues[0]?.message ?? 'invalid'}); Sifter started with default settings and kept the bad file as ${kept}.`;
      this.current = structuredClone(defaultSettings);
    } else {
      this.current = parsed.data;
    }
    this.warning = warning;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** Deep-merges one level of nested objects, validates the whole, then stores it. */
  update(patch: Record<string, unknown>): Settings {
    const merged: Record<string, unknown> = { ...this.current };
    for (const [key, value] of Object.entries(patch)) {
      const before = merged[key];
      merged[key] =
        value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        before &&
        typeof before === 'object' &&
        !Array.isArray(before)
          ? { ...before, ...value }
          : value;
    }
    const parsed = settingsSchema.safeParse(merged);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SifterError(
        'INVALID',
        `Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid value'}`,
      );
    }
    this.current = parsed.data;
    this.backend.save(this.current);
    return this.get();
  }
}

/** settings.json in the workspace folder. Writes go to a temporary file first, then a rename. */
export function fileSettingsBackend(file: string): SettingsBackend {
  return {
    load() {
      if (!existsSync(file)) return undefined;
      const text = readFileSync(file, 'utf8');
      if (text.trim() === '') return undefined;
      return JSON.parse(text) as unknown;
    },
    save(settings) {
      mkdirSync(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(settings, null, 2) + '\n', { mode: 0o600 });
      renameSync(tmp, file);
    },
    quarantine() {
      const kept = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      if (existsSync(file)) renameSync(file, kept);
      return kept;
    },
    describe() {
      return file;
    },
  };
}
