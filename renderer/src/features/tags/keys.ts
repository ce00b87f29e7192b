// Tagging's keyboard: plain digits 1–9 toggle pinned tags on the current item (the Reader's item
// or Search's selected hit), `t` opens the tag picker, and Ctrl/⌘+Z undoes the last tagging
// action anywhere in the app. Plain keys never act while the analyst types in a field or a dialog
// is open, so typing "1" in a note stays a "1".
import { useEffect, useRef } from 'react';
import { isMac } from '../../app/areas';
import { isTypingTarget, registerShortcuts } from '../../app/keyboard';
import { togglePinned, undoLast } from './actions';

/** The pinned-tag key (1–9) a key press means, or null. Top-row digits and the keypad both count. */
export function pinnedKeyOf(
  event: Pick<KeyboardEvent, 'code' | 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): number | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return null;
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : null;
}

/** Whether a plain key press is free for an area's own shortcut (no field, no dialog, no modifier). */
export function isPlainKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isTypingTarget(event.target)) return false;
  const target = event.target instanceof Element ? event.target : null;
  return (
    target?.closest('[role="dialog"], .tag-picker') == null &&
    document.querySelector('[aria-modal="true"]') === null
  );
}

/**
 * While mounted, digits toggle pinned tags on the item `currentItem()` names (null: none) and `t`
 * calls `onPicker`. The getters are read at key time, so callers need not re-subscribe.
 */
export function useTaggingKeys(currentItem: () => number | null, onPicker?: () => void): void {
  const latest = useRef({ currentItem, onPicker });
  latest.current = { currentItem, onPicker };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPlainKey(event)) return;
      const key = pinnedKeyOf(event);
      if (key !== null) {
        const itemId = latest.current.currentItem();
        if (itemId === null) return;
        event.preventDefault();
        void togglePinned(itemId, key);
        return;
      }
      if (event.key === 't' && !event.shiftKey && latest.current.onPicker) {
        event.preventDefault();
        latest.current.onPicker();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** True for Ctrl+Z (⌘Z on a Mac) without Shift or Alt: undo, not redo. */
export function isUndoKey(
  event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
  mac = isMac,
): boolean {
  const primary = mac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  return (
    primary && !event.altKey && !event.shiftKey && (event.code === 'KeyZ' || event.key.toLowerCase() === 'z')
  );
}

let installed = false;

/**
 * Installs the app-wide undo key once. Inside a text field Ctrl+Z stays the field's own undo of
 * typing; everywhere else it undoes the last tagging action.
 */
export function installUndoKey(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.isComposing || !isUndoKey(event)) return;
    if (isTypingTarget(event.target)) return;
    event.preventDefault();
    void undoLast();
  });
  registerShortcuts({
    id: 'tagging',
    title: 'Tagging',
    shortcuts: [
      { keys: ['1…9'], description: 'Toggle the tag pinned to that key on the current item' },
      { keys: ['t'], description: 'Tag picker (the Reader’s item, or the selected results)' },
      { keys: ['x'], description: 'Select / unselect the current result for bulk tagging' },
      {
        keys: ['Shift+click', isMac ? '⌘+click' : 'Ctrl+click'],
        description: 'Select a range / one more result',
      },
      { keys: ['c'], description: 'Clip the text selected in the Reader' },
      { keys: [isMac ? '⌘+Z' : 'Ctrl+Z'], description: 'Undo the last tagging action' },
    ],
  });
}
