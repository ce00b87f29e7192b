import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, loadWindowState, restoreBounds, saveWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1050 };
const external = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('reopens the window where it was, on a screen that is still there', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: true };
    expect(restoreBounds(saved, [laptop, external])).toEqual(saved.bounds);
  });

  it('brings a window saved on a screen that is gone back to the primary screen', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1600, height: 1000 }, maximized: false };
    const bounds = restoreBounds(saved, [laptop]);
    expect(bounds).toEqual({
      x: (1920 - DEFAULT_SIZE.width) / 2,
      y: (1050 - DEFAULT_SIZE.height) / 2,
      ...DEFAULT_SIZE,
    });
  });

  it('never opens smaller than the minimum or larger than the screen', () => {
    expect(
      restoreBounds({ bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false }, [laptop]),
    ).toMatchObject(MIN_SIZE);
    expect(
      restoreBounds({ bounds: { x: 0, y: 0, width: 9000, height: 9000 }, maximized: false }, [laptop]),
    ).toMatchObject({ width: 1920, height: 1050 });
  });

  it('survives a missing or damaged state file, and round-trips a saved one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifter-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(loadWindowState(file)).toBeNull();
      writeFileSync(file, '{"bounds": {"x": "left"');
      expect(loadWindowState(file)).toBeNull();
      const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: true };
      saveWindowState(file, state);
      expect(loadWindowState(file)).toEqual(state);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
