// Settings → Translation: the target language, the engine (DeepL free or pro, LibreTranslate, an
// OpenAI-compatible server, Apertium APY) with its address, model and key, a connection test that
// lists the engine's language pairs, and the characters billed so far. Keys go through
// translate.setKey to the secure key store, never into these settings.
import { useEffect, useMemo } from 'react';
import type { EngineId, KeyedEngineId } from '../../../../shared/api/translate';
import type { Settings } from '../../../../shared/settings';
import { useSettings } from '../../app/settings';
import { EngineTest } from '../translation/settings/EngineTest';
import { KeySetting } from '../translation/settings/KeySetting';
import { UrlSetting } from '../translation/settings/UrlSetting';
import { UsageTable } from '../translation/settings/UsageTable';
import { ENGINE_LABELS } from '../translation/labels';
import { loadEngines, useEngines } from '../translation/store';
import { targetLanguages } from './options';
import { SettingRow, SettingsSection } from './SettingRow';
import { useSave } from './useSave';
import '../translation/settings/settings.css';

type EngineChoice = Settings['translation']['engine'];

const ENGINE_HELP: Record<EngineChoice, string> = {
  none: 'Without an engine you can still type a translation sentence by sentence in the Reader.',
  deepl: 'DeepL API: the free plan (keys ending in :fx) or pro.',
  libretranslate: 'A LibreTranslate server, often self-hosted; a key only if the server asks for one.',
  openai: 'Any server with OpenAI-compatible chat completions: hosted models, or local ones such as Ollama.',
  apertium: 'An Apertium APY server (rule-based, runs locally; no key).',
};

const KEYED: Partial<Record<EngineId, KeyedEngineId>> = {
  deepl: 'deepl',
  libretranslate: 'libretranslate',
  openai: 'openai',
};

export function TranslationSection() {
  const target = useSettings((s) => s.targetLanguage);
  const translation = useSettings((s) => s.translation);
  const [targetState, saveTarget] = useSave();
  const [engineState, saveEngine] = useSave();
  const [hostState, saveHost] = useSave();
  const languages = useMemo(() => targetLanguages(target), [target]);
  const engines = useEngines();
  const engine = translation.engine;
  const status = engine === 'none' ? null : (engines?.engines.find((e) => e.id === engine) ?? null);
  const keyed = engine === 'none' ? undefined : KEYED[engine];

  // Readiness follows every change here (an address, a key).
  useEffect(() => {
    void loadEngines();
  }, [translation]);

  return (
    <SettingsSection id="translation" title="Translation">
      <SettingRow
        label="Translate into"
        htmlFor="setting-target-language"
        help="The language the Reader shows beside the original."
        state={targetState}
      >
        <select
          id="setting-target-language"
          className="select"
          value={target}
          onChange={(e) => void saveTarget({ targetLanguage: e.currentTarget.value })}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name} ({l.code})
            </option>
          ))}
        </select>
      </SettingRow>

      <SettingRow
        label="Translation engine"
        htmlFor="setting-translation-engine"
        help={ENGINE_HELP[engine]}
        state={engineState}
      >
        <select
          id="setting-translation-engine"
          className="select"
          value={engine}
          onChange={(e) =>
            void saveEngine({ translation: { engine: e.currentTarget.value as EngineChoice } })
          }
        >
          <option value="none">None</option>
          {(Object.keys(ENGINE_LABELS) as EngineId[]).map((id) => (
            <option key={id} value={id}>
              {ENGINE_LABELS[id]}
            </option>
          ))}
        </select>
        {status && (
          <p
            className={`engine-status engine-status--${status.ready ? 'ready' : 'problem'}`}
            data-testid="engine-status"
          >
            {status.ready ? `Ready${status.endpoint ? ` · ${status.endpoint}` : ''}` : status.problem}
          </p>
        )}
      </SettingRow>

      {engine === 'deepl' && (
        <SettingRow
          label="DeepL plan"
          help="Free keys end in :fx and use the free API host."
          state={hostState}
        >
          <div className="segmented" role="radiogroup" aria-label="DeepL plan">
            {(['free', 'pro'] as const).map((host) => (
              <label key={host} className="segmented__option">
                <input
                  type="radio"
                  name="deepl-host"
                  value={host}
                  checked={translation.deeplHost === host}
                  onChange={() => void saveHost({ translation: { deeplHost: host } })}
                />
                <span>{host === 'free' ? 'Free' : 'Pro'}</span>
              </label>
            ))}
          </div>
        </SettingRow>
      )}
      {engine === 'libretranslate' && (
        <UrlSetting
          id="setting-libretranslate-url"
          label="LibreTranslate address"
          help="The server's address, e.g. http://127.0.0.1:5000."
          value={translation.libretranslateUrl}
          placeholder="http://127.0.0.1:5000"
          what="LibreTranslate address"
          patch={(v) => ({ translation: { libretranslateUrl: v } })}
        />
      )}
      {engine === 'openai' && (
        <>
          <UrlSetting
            id="setting-openai-url"
            label="Base URL"
            help="Up to /v1, e.g. https://api.openai.com/v1 or http://127.0.0.1:11434/v1 for Ollama."
            value={translation.openaiBaseUrl}
            placeholder="https://api.openai.com/v1"
            what="base URL"
            patch={(v) => ({ translation: { openaiBaseUrl: v } })}
          />
          <UrlSetting
            id="setting-openai-model"
            label="Model"
            help="The model name the server knows, e.g. gpt-4o-mini or llama3.1."
            value={translation.openaiModel}
            placeholder="gpt-4o-mini"
            what={null}
            patch={(v) => ({ translation: { openaiModel: v } })}
          />
        </>
      )}
      {engine === 'apertium' && (
        <UrlSetting
          id="setting-apertium-url"
          label="Apertium APY address"
          help="The APY server's address, e.g. http://127.0.0.1:2737."
          value={translation.apertiumUrl}
          placeholder="http://127.0.0.1:2737"
          what="Apertium address"
          patch={(v) => ({ translation: { apertiumUrl: v } })}
        />
      )}
      {keyed && <KeySetting key={`key-${keyed}`} engine={keyed} onChange={() => void loadEngines()} />}
      {engine !== 'none' && <EngineTest key={`test-${engine}`} configured={status?.ready ?? false} />}
      <UsageTable />
    </SettingsSection>
  );
}
