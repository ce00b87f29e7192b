import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../electron/core/importers/language';

describe('language detection', () => {
  it.each([
    ["Ми підтримуємо сім'ї з обох боків, які чекають на своїх рідних. Війна має закінчитися.", 'uk'],
    ['Губернатор сообщил об атаке беспилотников на Белгород. Пострадавших нет.', 'ru'],
    ['Подробности позже.', 'ru'],
    ['Їдемо', 'uk'],
    ['For our English-speaking readers: we are wives and mothers of mobilised men.', 'en'],
    ['El gobierno anunció hoy nuevas medidas económicas para las familias.', 'es'],
    ['Die Regierung hat heute neue Maßnahmen für die Familien angekündigt.', 'de'],
    ['Ok', null],
    ['https://example.org 👍', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
