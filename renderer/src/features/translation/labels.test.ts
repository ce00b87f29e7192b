import { engineLabel, languageName } from './labels';

describe('engine and language labels', () => {
  it('names each engine variant the back end records', () => {
    expect(engineLabel('apertium')).toBe('Apertium');
    expect(engineLabel('deepl-free')).toBe('DeepL (free)');
    expect(engineLabel('deepl-pro')).toBe('DeepL (pro)');
    expect(engineLabel('openai:llama3:8b')).toBe('OpenAI-compatible (llama3:8b)');
    expect(engineLabel('libretranslate')).toBe('LibreTranslate');
    expect(engineLabel('manual')).toBe('typed by hand');
    expect(engineLabel(null)).toBe('no engine');
  });

  it('names languages by their ISO 639-1 code', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('uk')).toBe('Ukrainian');
    expect(languageName(null)).toBe('an unknown language');
  });
});
