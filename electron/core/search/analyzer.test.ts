import lunr from 'lunr';
import { analyze, queryVariants } from './analyzer';
import { stem, ukrainianStemmer } from './stemmers';

describe('linguistics', () => {
  test('Ukrainian forms share a stem (@nlpjs/lang-uk)', () => {
    expect(stem('зеленського', 'uk')).toBe('зеленськ');
    expect(stem('зеленський', 'uk')).toBe('зеленськ');
    expect(stem('обстрілів', 'uk')).toBe(stem('обстріл', 'uk'));
  });

  test('the Ukrainian stemmer works as a Lunr pipeline function', () => {
    const pipeline = new lunr.Pipeline();
    pipeline.add(ukrainianStemmer);
    expect(pipeline.runString('зеленського')).toEqual(['зеленськ']);
  });

  test('Russian forms share a stem and Cyrillic words survive (no Lunr trimmer)', () => {
    // Each word: its stem, then the word as written.
    expect(analyze('Министерство', 'ru')).toEqual(['министерств', 'министерство']);
    expect(analyze('министерства', 'ru')).toEqual(['министерств', 'министерства']);
    expect(stem('мобилизованных', 'ru')).toBe(stem('мобилизованные', 'ru'));
  });

  test('English stemming and possessives', () => {
    expect(analyze("Trump's lines", 'en')).toEqual(['trump', 'line', 'lines']);
  });

  test('ё and е index alike', () => {
    expect(analyze('Ждём', 'ru')).toEqual(analyze('ждем', 'ru'));
  });

  test('Ukrainian items are stemmed as Ukrainian, Russian items as Russian, unknown by letters', () => {
    expect(analyze('Зеленського', 'uk')).toEqual(['зеленськ', 'зеленського']);
    expect(analyze('Зеленського і', null)[0]).toBe('зеленськ');
  });

  test('mentions and hashtags are indexed as written and as the bare word', () => {
    expect(analyze('#Мобилизация @way_home', 'ru')).toEqual([
      '#мобилизация',
      stem('мобилизация', 'ru'),
      'мобилизация',
      '@way_home',
      stem('way_home', 'en'),
      'way_home',
    ]);
  });

  test('a query word is looked up in every language it could be', () => {
    const v = queryVariants('зеленського');
    expect(v).toContain('зеленськ');
    expect(v).toContain('зеленського');
  });
});
