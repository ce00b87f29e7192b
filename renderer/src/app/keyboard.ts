// Global keyboard handling: area shortcuts ("g" then a letter, Alt+1…6, Ctrl/⌘+Shift+1…6), "?"
// for the help overlay, and a registry through which features list their own shortcuts in it.
import { useEffect } from 'react';
import { create } from 'zustand';
import { AREA_LIST, areaShortcut, isMac } from './areas';
import { navigate } from './nav';

export interface ShortcutHelp {
  /** Key combinations, each shown as one chip group ("g l", "Alt+1"). */
  keys: string[];
  description: string;
}

export interface ShortcutGroup {
  id: string;
  title: string;
  shortcuts: ShortcutHelp[];
}

interface KeyboardStore {
  helpOpen: boolean;
  /** Set while "g" waits for its second key (shown in the status bar). */
  pendingGo: boolean;
  groups: ShortcutGroup[];
}

const areaGroup: ShortcutGroup = {
  id: 'areas',
  title: 'Move between areas',
  shortcuts: AREA_LIST.map((a, i) => ({
    keys: [`g ${a.goKey}`, areaShortcut(i + 1), `${isMac ? '⌘⇧' : 'Ctrl+Shift+'}${i + 1}`],
    description: a.label,
  })),
};

const generalGroup: ShortcutGroup = {
  id: 'general',
  title: 'General',
  shortcuts: [
    { keys: ['?'], description: 'Show or hide this help' },
    { keys: ['Esc'], description: 'Close a dialog or overlay' },
    { keys: ['Tab', 'Shift+Tab'], description: 'Next / previous control' },
  ],
};

const useKeyboardStore = create<KeyboardStore>(() => ({
  helpOpen: false,
  pendingGo: false,
  groups: [areaGroup, generalGroup],
}));

export function setHelpOpen(open: boolean): void {
  useKeyboardStore.setState({ helpOpen: open });
}

export function useHelpOpen(): boolean {
  return useKeyboardStore((s) => s.helpOpen);
}

export function usePendingGo(): boolean {
  return useKeyboardStore((s) => s.pendingGo);
}

export function useShortcutGroups(): ShortcutGroup[] {
  return useKeyboardStore((s) => s.groups);
}

/** Lists a feature's shortcuts in the help overlay (after the built-in groups); returns the undo. */
export function registerShortcuts(group: ShortcutGroup): () => void {
  useKeyboardStore.setState((s) => ({ groups: [...s.groups.filter((g) => g.id !== group.id), group] }));
  return () => useKeyboardStore.setState((s) => ({ groups: s.groups.filter((g) => g.id !== group.id) }));
}

/** True when a key press belongs to a text field (typing "g" in a query must not navigate). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file'].includes(
      target.type,
    );
  }
  return false;
}

const GO_TIMEOUT_MS = 1500;

/** The n (1–6) of Digit1…Digit6, by physical key so Shift and layouts do not change it. */
function digitOf(event: KeyboardEvent): number | null {
  const match = /^(?:Digit|Numpad)([1-6])$/.exec(event.code);
  return match ? Number(match[1]) : null;
}

function goToArea(index: number): boolean {
  const area = AREA_LIST[index];
  if (!area) return false;
  setHelpOpen(false);
  navigate(area.id, { focus: true });
  return true;
}

/** Installs the global shortcuts for the life of the app frame. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    let goTimer: ReturnType<typeof setTimeout> | undefined;
    const endGo = () => {
      clearTimeout(goTimer);
      useKeyboardStore.setState({ pendingGo: false });
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const digit = digitOf(event);
      // Modifier combinations work everywhere, even inside a text field.
      if (digit !== null) {
        const alt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
        const ctrlShift = event.shiftKey && (isMac ? event.metaKey : event.ctrlKey) && !event.altKey;
        if ((alt || ctrlShift) && goToArea(digit - 1)) {
          event.preventDefault();
          endGo();
          return;
        }
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return;

      if (event.key === 'Escape' && useKeyboardStore.getState().helpOpen) {
        event.preventDefault();
        setHelpOpen(false);
        return;
      }
      if (isTypingTarget(event.target)) return;

      if (useKeyboardStore.getState().pendingGo) {
        endGo();
        const index = AREA_LIST.findIndex((a) => a.goKey === event.key.toLowerCase());
        if (index !== -1 && goToArea(index)) event.preventDefault();
        return;
      }
      if (event.key === 'g' && !event.shiftKey) {
        event.preventDefault();
        useKeyboardStore.setState({ pendingGo: true });
        goTimer = setTimeout(endGo, GO_TIMEOUT_MS);
        return;
      }
      if (event.key === '?') {
        event.preventDefault();
        setHelpOpen(!useKeyboardStore.getState().helpOpen);
      }
    };

    window.addEventListener('keydown', onKeyDown);
    return () => {
      endGo();
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
