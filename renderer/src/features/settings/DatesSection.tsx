// The analyst's time zone: how dates in queries (date:, after:, before:) are read and how times
// are shown. Empty means UTC.
import { useEffect, useMemo, useState } from 'react';
import { useSettings } from '../../app/settings';
import { formatNowIn, isValidTimeZone, localTimeZone, timeZoneNames } from './options';
import { SettingRow, SettingsSection } from './SettingRow';
import { useSave } from './useSave';

export function DatesSection() {
  const saved = useSettings((s) => s.timeZone);
  const [draft, setDraft] = useState(saved);
  const [state, save, setState] = useSave();
  const zones = useMemo(timeZoneNames, []);
  const local = useMemo(localTimeZone, []);

  // Follow changes made elsewhere (another window, a workspace switch).
  useEffect(() => setDraft(saved), [saved]);

  const commit = async (value: string) => {
    const zone = value.trim();
    if (zone === saved) return;
    if (zone !== '' && !isValidTimeZone(zone)) {
      setState({
        kind: 'error',
        message: `"${zone}" is not a time zone. Use an IANA name such as Europe/Kyiv or America/New_York.`,
      });
      return;
    }
    await save({ timeZone: zone });
  };

  const shown = draft.trim() === '' || isValidTimeZone(draft.trim()) ? draft.trim() : saved;
  return (
    <SettingsSection id="dates" title="Dates and times">
      <SettingRow
        label="Time zone"
        htmlFor="setting-timezone"
        help={
          <>
            Days in <code>date:</code>, <code>after:</code> and <code>before:</code> are read in this zone,
            and times are shown in it. Leave empty for UTC.
          </>
        }
        state={state}
      >
        <div className="field-row">
          <input
            id="setting-timezone"
            className="input"
            list="setting-timezone-list"
            placeholder="UTC"
            value={draft}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={state.kind === 'error'}
            aria-describedby="setting-timezone-status"
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              if (state.kind === 'error') setState({ kind: 'idle' });
            }}
            onBlur={(e) => void commit(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void commit(e.currentTarget.value);
            }}
          />
          <datalist id="setting-timezone-list">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {local && local !== (saved || 'UTC') && (
            <button type="button" className="button" onClick={() => void commit(local)}>
              Use {local}
            </button>
          )}
        </div>
        <p className="setting__hint">Now: {formatNowIn(shown)}</p>
      </SettingRow>
    </SettingsSection>
  );
}
