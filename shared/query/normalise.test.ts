import { normaliseWord, tokenize } from './normalise';

describe('normaliser', () => {
  test('lowercases, folds ё and Latin diacritics, keeps й and ї', () => {
    expect(tokenize('Ёлка ЖДЁМ Café naïve Йошкар Їжак')).toEqual([
      'елка',
      'ждем',
      'cafe',
      'naive',
      'йошкар',
      'їжак',
    ]);
  });

  test('apostrophe variants inside a word are one form', () => {
    const forms = ["об'єкт", 'об’єкт', 'обʼєкт', 'об`єкт'].map(normaliseWord);
    expect(new Set(forms).size).toBe(1);
  });

  test('possessives and surrounding punctuation do not stick to words', () => {
    expect(tokenize("Trump's «путин», (Зеленський)! students'")).toEqual([
      'trump',
      'путин',
      'зеленський',
      'students',
    ]);
  });

  test('URLs, mentions and hashtags are kept whole', () => {
    expect(tokenize('see https://Example.com/Path?x=1. and @Way_Home #Мобилизация')).toEqual([
      'see',
      'https://example.com/path?x=1',
      'and',
      '@way_home',
      '#мобилизация',
    ]);
  });

  test('hyphenated words split like Lunr', () => {
    expect(tokenize('COVID-19 Ростов-на-Дону')).toEqual(['covid', '19', 'ростов', 'на', 'дону']);
  });
});
