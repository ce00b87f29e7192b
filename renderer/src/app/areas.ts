// The six areas of the app, in sidebar order, with their keyboard shortcuts. The plain digit keys
// stay free for pinned tags, so areas use Alt+1…6 (or Ctrl/⌘+Shift+1…6) and "g" then a letter.
import type { Area } from './nav';

export interface AreaInfo {
  id: Area;
  label: string;
  /** The letter after "g" that opens the area. */
  goKey: string;
  /** What the area is for, as the sidebar tooltip and the keyboard help say it. */
  description: string;
}

export const AREA_LIST: readonly AreaInfo[] = [
  { id: 'library', label: 'Library', goKey: 'l', description: 'Imports and sources' },
  { id: 'search', label: 'Search', goKey: 's', description: 'Full-text search over everything imported' },
  { id: 'reader', label: 'Reader', goKey: 'r', description: 'One item, its context and translation' },
  { id: 'tags', label: 'Tags', goKey: 't', description: 'Tags and what carries them' },
  { id: 'reports', label: 'Reports', goKey: 'p', description: 'Reports from tagged items' },
  { id: 'settings', label: 'Settings', goKey: ',', description: 'Appearance, time zone, workspaces' },
];

export function areaInfo(area: Area): AreaInfo {
  const info = AREA_LIST.find((a) => a.id === area);
  if (!info) throw new Error(`Unknown area ${area}`);
  return info;
}

export const isMac =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The shortcut label for the n-th area (1-based), as this platform spells it. */
export function areaShortcut(n: number): string {
  return isMac ? `⌥${n}` : `Alt+${n}`;
}
