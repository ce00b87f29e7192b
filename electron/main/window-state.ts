// The main window's size, position and maximised state, remembered across runs in a small JSON
// file in the user-data folder. Restoring checks the saved bounds against the screens present now:
// a window saved on a monitor that is gone comes back centred on the primary one, not off-screen.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1360, height: 860 };
export const MIN_SIZE = { width: 900, height: 600 };
/** How much of the title bar must be visible on some screen for saved bounds to be reused. */
const MIN_VISIBLE = 64;

function isRect(value: unknown): value is Rect {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export function parseWindowState(value: unknown): WindowState | null {
  if (!value || typeof value !== 'object') return null;
  const s = value as Record<string, unknown>;
  if (!isRect(s.bounds)) return null;
  return { bounds: s.bounds, maximized: s.maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The bounds to open the window with: the saved ones when their top edge is visible on one of
 * `workAreas` (clamped to at least the minimum size and at most that screen), otherwise the
 * default size centred on the first (primary) work area.
 */
export function restoreBounds(saved: WindowState | null, workAreas: Rect[]): Rect {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  if (saved) {
    const titleBar = { ...saved.bounds, height: 32 };
    const screen = workAreas.find((area) => {
      const o = overlap(titleBar, area);
      return o.width >= MIN_VISIBLE && o.height > 0;
    });
    if (screen) {
      return {
        x: Math.round(saved.bounds.x),
        y: Math.round(saved.bounds.y),
        width: Math.round(Math.min(Math.max(saved.bounds.width, MIN_SIZE.width), screen.width)),
        height: Math.round(Math.min(Math.max(saved.bounds.height, MIN_SIZE.height), screen.height)),
      };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    x: Math.round(primary.x + (primary.width - width) / 2),
    y: Math.round(primary.y + (primary.height - height) / 2),
    width,
    height,
  };
}

export function loadWindowState(file: string): WindowState | null {
  if (!existsSync(file)) return null;
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null; // a damaged window-state file only costs the saved position
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}
