// Translation settings. The target language is here now; the translation feature adds its engine
// choice (DeepL, LibreTranslate, OpenAI-compatible, Apertium) and keys to this section.
import { useMemo } from 'react';
import { useSettings } from '../../app/settings';
import { targetLanguages } from './options';
import { SettingRow, SettingsSection } from './SettingRow';
import { useSave } from './useSave';

export function TranslationSection() {
  const target = useSettings((s) => s.targetLanguage);
  const [state, save] = useSave();
  const languages = useMemo(() => targetLanguages(target), [target]);
  return (
    <SettingsSection id="translation" title="Translation">
      <SettingRow
        label="Translate into"
        htmlFor="setting-target-language"
        help="The language the Reader shows beside the original."
        state={state}
      >
        <select
          id="setting-target-language"
          className="select"
          value={target}
          onChange={(e) => void save({ targetLanguage: e.currentTarget.value })}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </select>
      </SettingRow>
      {/* ── TRANSLATION ENGINE SETTINGS GO HERE ─────────────────────────────────────────────
          The translation feature adds its rows below (engine, DeepL host, LibreTranslate /
          OpenAI-compatible / Apertium URLs, model, API keys via the secure key store). */}
    </SettingsSection>
  );
}
