// Light and dark themes. "system" leaves <html> without data-theme so the CSS follows the OS
// (prefers-color-scheme through `color-scheme: light dark`); light/dark pin it.
import { useEffect } from 'react';
import type { Settings } from '../../../shared/settings';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function useApplyTheme(theme: Settings['theme']): void {
  useEffect(() => applyTheme(theme), [theme]);
}
