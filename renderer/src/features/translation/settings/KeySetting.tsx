// An engine's API key. It is sent once to translate.setKey, which keeps it in the system keychain
// (the app) or a key file only the user can read (browser mode) — never in settings. The field
// empties after saving, and the page only ever learns whether a key is set and where it lives.
import { useEffect, useState } from 'react';
import type { KeyedEngineId, KeyStatus } from '../../../../../shared/api/translate';
import { call } from '../../../app/api';
import { SettingRow, type SaveState } from '../../settings/SettingRow';

export function KeySetting({ engine, onChange }: { engine: KeyedEngineId; onChange(): void }) {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [draft, setDraft] = useState('');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const id = `setting-${engine}-key`;

  useEffect(() => {
    let live = true;
    void call('translate.keyStatus', {}).then((r) => {
      if (live && r.ok) setStatus(r.value.find((s) => s.engine === engine) ?? null);
    });
    return () => {
      live = false;
    };
  }, [engine]);

  const store = async (key: string | null) => {
    setBusy(true);
    const result = await call('translate.setKey', { engine, key });
    setBusy(false);
    if (!result.ok) {
      setState({ kind: 'error', message: result.error.message });
      return;
    }
    setDraft('');
    setStatus(result.value);
    setState(result.value.problem ? { kind: 'error', message: result.value.problem } : { kind: 'saved' });
    onChange();
  };

  return (
    <SettingRow
      label="API key"
      htmlFor={id}
      help="Kept in the system keychain in the app, or in a key file only you can read in browser mode — never in the settings file."
      state={state}
    >
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim() !== '') void store(draft);
        }}
      >
        <input
          id={id}
          className="input input--mono"
          type="password"
          value={draft}
          placeholder={status?.set ? 'A key is set; type a new one to replace it' : 'Paste the key'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${id}-status ${id}-where`}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            if (state.kind !== 'idle') setState({ kind: 'idle' });
          }}
        />
        <button type="submit" className="button" disabled={busy || draft.trim() === ''}>
          Save key
        </button>
        {status?.set && status.source && !status.source.startsWith('environment') && (
          <button type="button" className="button" disabled={busy} onClick={() => void store(null)}>
            Remove
          </button>
        )}
      </form>
      <p className="setting__hint" id={`${id}-where`} data-testid={`${engine}-key-status`}>
        {status === null
          ? ''
          : status.problem && !status.set
            ? status.problem
            : status.set
              ? `Key set (${status.source ?? 'stored'})`
              : 'No key set'}
      </p>
    </SettingRow>
  );
}
