// Words for engines and languages, as the Reader and Settings show them.
import type { EngineId } from '../../../../shared/api/translate';

export const ENGINE_LABELS: Record<EngineId, string> = {
  deepl: 'DeepL',
  libretranslate: 'LibreTranslate',
  openai: 'OpenAI-compatible',
  apertium: 'Apertium',
};

/**
 * "Apertium", "DeepL (free)", "OpenAI-compatible (llama3)", "typed by hand" — from the engine
 * variant the back end records per sentence and per translation.
 */
export function engineLabel(variant: string | null): string {
  if (!variant) return 'no engine';
  if (variant === 'manual') return 'typed by hand';
  const colon = variant.indexOf(':');
  const base = colon < 0 ? variant : variant.slice(0, colon);
  const detail = colon < 0 ? '' : variant.slice(colon + 1);
  const deepl = /^deepl-(free|pro)$/.exec(base);
  if (deepl) return `DeepL (${deepl[1]})`;
  const label = ENGINE_LABELS[base as EngineId] ?? base;
  return detail ? `${label} (${detail})` : label;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** "English", "Spanish"… or the code itself when the runtime does not know it. */
export function languageName(code: string | null): string {
  if (!code) return 'an unknown language';
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
