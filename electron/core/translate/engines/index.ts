// Picks and builds the translation engine from Settings → Translation, the key store and any
// per-run override (the CLI's --engine and --engine-url).
import type { EngineId, EngineStatus } from '../../../../shared/api/translate';
import type { Settings } from '../../../../shared/settings';
import { EngineError } from '../engine-error';
import type { SecretName, SecretStore } from '../secrets';
import { ApertiumEngine } from './apertium';
import type { EngineConfig } from './config';
import { DEEPL_HOSTS, DeeplEngine } from './deepl';
import { LibreTranslateEngine } from './libretranslate';
import { OpenAiEngine } from './openai';
import type { TranslationEngine } from './types';

export interface EngineChoice {
  engine?: EngineId | undefined;
  /** Replaces the URL from settings for this run. */
  url?: string | undefined;
  http?: EngineConfig['http'];
}

const LABELS: Record<EngineId, string> = {
  deepl: 'DeepL',
  libretranslate: 'LibreTranslate',
  openai: 'OpenAI-compatible',
  apertium: 'Apertium',
};

const KEYED: Partial<Record<EngineId, SecretName>> = {
  deepl: 'deepl',
  libretranslate: 'libretranslate',
  openai: 'openai',
};

export const CONFIGURE_HELP =
  'No translation engine is configured. Choose one in Settings → Translation (DeepL, LibreTranslate, an OpenAI-compatible server, or Apertium APY); ' +
  'in browser/CLI mode keys come from SIFTER_DEEPL_KEY, SIFTER_LIBRETRANSLATE_KEY or SIFTER_OPENAI_KEY (or a key file readable only by you). ' +
  'You can also type a translation sentence by sentence.';

function urlFromSettings(id: EngineId, t: Settings['translation']): string | null {
  const url = {
    deepl: '',
    libretranslate: t.libretranslateUrl,
    openai: t.openaiBaseUrl,
    apertium: t.apertiumUrl,
  }[id];
  return url.trim() === '' ? null : url.trim();
}

export function chosenEngine(settings: Settings, choice: EngineChoice = {}): EngineId | null {
  const id = choice.engine ?? (settings.translation.engine === 'none' ? null : settings.translation.engine);
  return id;
}

async function configFor(
  id: EngineId,
  settings: Settings,
  secrets: SecretStore,
  choice: EngineChoice,
): Promise<EngineConfig> {
  const secretName = KEYED[id];
  const key = secretName ? await secrets.get(secretName) : null;
  return {
    id,
    url: choice.url?.trim() || urlFromSettings(id, settings.translation),
    deeplHost: settings.translation.deeplHost,
    model: settings.translation.openaiModel,
    key: key?.value ?? null,
    http: choice.http,
  };
}

/** Builds the engine to use, or throws an EngineError that says what to configure. */
export async function createEngine(
  settings: Settings,
  secrets: SecretStore,
  choice: EngineChoice = {},
): Promise<TranslationEngine> {
  const id = chosenEngine(settings, choice);
  if (!id) throw new EngineError('not-configured', CONFIGURE_HELP);
  const config = await configFor(id, settings, secrets, choice);
  switch (id) {
    case 'deepl':
      return new DeeplEngine(config);
    case 'libretranslate':
      return new LibreTranslateEngine(config);
    case 'openai':
      return new OpenAiEngine(config);
    case 'apertium':
      return new ApertiumEngine(config);
  }
}

/** Each engine's readiness for Settings, without network calls. */
export async function engineStatuses(settings: Settings, secrets: SecretStore): Promise<EngineStatus[]> {
  const out: EngineStatus[] = [];
  for (const id of Object.keys(LABELS) as EngineId[]) {
    const secretName = KEYED[id];
    let keySource: string | null = null;
    let problem: string | null = null;
    let variant: string = id;
    try {
      keySource = secretName ? ((await secrets.get(secretName))?.source ?? null) : null;
      variant = (await createEngine(settings, secrets, { engine: id })).variant;
    } catch (err) {
      problem = (err as Error).message; // no URL, no key, a key file others can read…
    }
    const endpoint =
      id === 'deepl'
        ? DEEPL_HOSTS[settings.translation.deeplHost]
        : urlFromSettings(id, settings.translation);
    out.push({ id, label: LABELS[id], endpoint, variant, ready: problem === null, problem, keySource });
  }
  return out;
}
