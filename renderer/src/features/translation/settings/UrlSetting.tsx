// An engine address (or model name) in Settings → Translation: saved when the field is left or
// Enter is pressed, checked first so a typo never reaches the settings file.
import { useEffect, useState } from 'react';
import { SettingRow } from '../../settings/SettingRow';
import { useSave } from '../../settings/useSave';
import type { SettingsPatch } from '../../../../../shared/settings';
import { normaliseUrl, urlProblem } from './urls';

interface Props {
  id: string;
  label: string;
  help: string;
  value: string;
  placeholder: string;
  /** "Apertium address"… for messages; null for a field that is not an address (a model name). */
  what: string | null;
  patch(value: string): SettingsPatch;
}

export function UrlSetting({ id, label, help, value, placeholder, what, patch }: Props) {
  const [draft, setDraft] = useState(value);
  const [state, save, setState] = useSave();
  useEffect(() => setDraft(value), [value]);

  const commit = async () => {
    const next = what ? normaliseUrl(draft) : draft.trim();
    const problem = what ? urlProblem(next, what) : null;
    if (problem) {
      setState({ kind: 'error', message: problem });
      return;
    }
    if (next === value) return;
    await save(patch(next));
  };

  return (
    <SettingRow label={label} htmlFor={id} help={help} state={state}>
      <div className="field-row">
        <input
          id={id}
          className={`input${what ? ' input--mono' : ''}`}
          type={what ? 'url' : 'text'}
          value={draft}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={state.kind === 'error'}
          aria-describedby={`${id}-status`}
          onChange={(e) => {
            setDraft(e.currentTarget.value);
            if (state.kind === 'error') setState({ kind: 'idle' });
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void commit();
          }}
        />
      </div>
    </SettingRow>
  );
}
