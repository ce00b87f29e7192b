import { describe, expect, it } from 'vitest';
import { isUndoKey, pinnedKeyOf } from './keys';

const press = (init: Partial<KeyboardEventInit> & { code?: string; key?: string }) => ({
  code: '',
  key: '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...init,
});

describe('tagging keys', () => {
  it('reads plain digits 1–9 (top row, keypad, other layouts) as pinned keys', () => {
    expect(pinnedKeyOf(press({ code: 'Digit3', key: '3' }))).toBe(3);
    expect(pinnedKeyOf(press({ code: 'Numpad9', key: '9' }))).toBe(9);
    // A French layout types "&" on the Digit1 key: the physical key decides.
    expect(pinnedKeyOf(press({ code: 'Digit1', key: '&' }))).toBe(1);
    expect(pinnedKeyOf(press({ code: 'Digit0', key: '0' }))).toBeNull();
  });

  it('leaves digits with modifiers to the area shortcuts', () => {
    expect(pinnedKeyOf(press({ code: 'Digit2', key: '2', altKey: true }))).toBeNull();
    expect(pinnedKeyOf(press({ code: 'Digit2', key: '@', shiftKey: true }))).toBeNull();
    expect(pinnedKeyOf(press({ code: 'Digit2', key: '2', ctrlKey: true }))).toBeNull();
  });

  it('takes Ctrl+Z (⌘Z on a Mac) as undo, but not redo', () => {
    expect(isUndoKey(press({ code: 'KeyZ', key: 'z', ctrlKey: true }), false)).toBe(true);
    expect(isUndoKey(press({ code: 'KeyZ', key: 'z', metaKey: true }), true)).toBe(true);
    expect(isUndoKey(press({ code: 'KeyZ', key: 'z', metaKey: true }), false)).toBe(false);
    expect(isUndoKey(press({ code: 'KeyZ', key: 'Z', ctrlKey: true, shiftKey: true }), false)).toBe(false);
  });
});
