// The analyst's settings as the whole UI sees them (theme, time zone, target language…). Loaded
// at start, after a workspace switch (browser mode keeps settings per workspace) and when another
// window or the CLI changes them.
import { create } from 'zustand';
import { defaultSettings, type Settings, type SettingsPatch } from '../../../shared/settings';
import { call, subscribe } from './api';
import { notify } from './notices';

interface SettingsStore {
  settings: Settings;
  loaded: boolean;
  /** Set when a corrupt settings file was set aside at start (shown until dismissed). */
  warning: string | null;
  warningDismissed: boolean;
}

const useSettingsStore = create<SettingsStore>(() => ({
  settings: defaultSettings,
  loaded: false,
  warning: null,
  warningDismissed: false,
}));

export async function loadSettings(): Promise<void> {
  const result = await call('settings.get', {});
  if (!result.ok) {
    notify({ kind: 'error', title: 'Could not load settings', message: result.error.message });
    useSettingsStore.setState({ loaded: true });
    return;
  }
  const { settings, warning } = result.value;
  useSettingsStore.setState((s) => ({
    settings,
    loaded: true,
    warning,
    warningDismissed: s.warning === warning ? s.warningDismissed : false,
  }));
}

/**
 * Saves part of the settings. Returns null on success, or the back end's message (the caller
 * shows it beside the field); the store keeps the last saved value either way.
 */
export async function updateSettings(patch: SettingsPatch): Promise<string | null> {
  const result = await call('settings.update', { patch: patch as Record<string, unknown> });
  if (!result.ok) return result.error.message;
  useSettingsStore.setState({ settings: result.value.settings });
  return null;
}

export function dismissSettingsWarning(): void {
  useSettingsStore.setState({ warningDismissed: true });
}

/** Keeps the store current; returns the unsubscribe function. */
export function trackSettings(): () => void {
  void loadSettings();
  const offChanged = subscribe('settings.changed', () => void loadSettings());
  const offWorkspace = subscribe('workspace.changed', () => void loadSettings());
  return () => {
    offChanged();
    offWorkspace();
  };
}

export function useSettings(): Settings;
export function useSettings<T>(selector: (s: Settings) => T): T;
export function useSettings<T>(selector?: (s: Settings) => T): T | Settings {
  return useSettingsStore((s) => (selector ? selector(s.settings) : s.settings));
}

export function useSettingsLoaded(): boolean {
  return useSettingsStore((s) => s.loaded);
}

/** The corrupt-settings warning while it has not been dismissed. */
export function useSettingsWarning(): string | null {
  return useSettingsStore((s) => (s.warningDismissed ? null : s.warning));
}

/** The warning even after it was dismissed (the Settings area keeps showing it). */
export function useSettingsWarningAlways(): string | null {
  return useSettingsStore((s) => s.warning);
}
