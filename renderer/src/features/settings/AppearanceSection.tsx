import type { Settings } from '../../../../shared/settings';
import { useSettings } from '../../app/settings';
import { SettingRow, SettingsSection } from './SettingRow';
import { useSave } from './useSave';

const THEMES: { value: Settings['theme']; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function AppearanceSection() {
  const theme = useSettings((s) => s.theme);
  const [state, save] = useSave();
  return (
    <SettingsSection id="appearance" title="Appearance">
      <SettingRow label="Theme" help="System follows your computer's light or dark mode." state={state}>
        <div className="segmented" role="radiogroup" aria-label="Theme">
          {THEMES.map((t) => (
            <label key={t.value} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={t.value}
                checked={theme === t.value}
                onChange={() => void save({ theme: t.value })}
              />
              <span>{t.label}</span>
            </label>
          ))}
        </div>
      </SettingRow>
    </SettingsSection>
  );
}
