// Saving one setting and remembering how it went, for the row's status line.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SettingsPatch } from '../../../../shared/settings';
import { updateSettings } from '../../app/settings';
import type { SaveState } from './SettingRow';

export function useSave(): [
  SaveState,
  (patch: SettingsPatch) => Promise<boolean>,
  (state: SaveState) => void,
] {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const save = useCallback(async (patch: SettingsPatch) => {
    clearTimeout(timer.current);
    const error = await updateSettings(patch);
    if (error) {
      setState({ kind: 'error', message: error });
      return false;
    }
    setState({ kind: 'saved' });
    timer.current = setTimeout(() => setState({ kind: 'idle' }), 2500);
    return true;
  }, []);

  return [state, save, setState];
}
