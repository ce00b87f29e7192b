// A deterministic three-language corpus and query set for tests comparing index layouts (one
// segment or ten, threads or processes): the same hit sets mean the same index.
import type { Core } from '../core';
import { searchService } from './service';
import type { TestItem } from './test-fixtures';

const WORDS = {
  ru: [
    'мобилизация',
    'мобилизованных',
    'жены',
    'кремль',
    'министерство',
    'обороны',
    'санкции',
    'нефть',
    'обстрел',
    'украина',
    'фронт',
    'дом',
    'ждём',
    'путин',
  ],
  uk: ['мобілізація', 'обстріл', 'зеленського', 'київ', 'фронт', 'об’єкт', 'новини', 'війна', 'родини'],
  en: [
    'front',
    'line',
    'families',
    'mobilization',
    'sanctions',
    'oil',
    'kremlin',
    "trump's",
    'wives',
    'home',
  ],
};

/** Deterministic word salad in three languages (a linear congruential generator, high bits). */
export function corpus(n: number): TestItem[] {
  let seed = 42;
  const rnd = (k: number): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return Math.floor((seed / 2 ** 32) * k);
  };
  const items: TestItem[] = [];
  for (let i = 0; i < n; i++) {
    const lang = (['ru', 'ru', 'uk', 'en'] as const)[rnd(4)]!;
    const words = WORDS[lang];
    const text = Array.from({ length: 8 + rnd(12) }, () => words[rnd(words.length)]).join(' ');
    items.push({
      text: `${text}.`,
      lang,
      source: `Channel ${rnd(3)}`,
      publishedAt: Date.UTC(2023, 11, 1 + (i % 28), 12),
    });
  }
  return items;
}

export const QUERIES = [
  'мобилизация',
  'мобилизованных жены',
  '"жены кремль"',
  'жены NEAR/2 кремль',
  'санкц*',
  'обстріл OR обстрел',
  'фронт -line',
  'mobilization',
  '"front line"',
  'wives~1',
  'lang:uk київ',
  'date:2023-12-10..2023-12-12',
  'channel:"Channel 1" нефть',
  'зеленський',
  'ждем',
];

export async function resultsOf(core: Core): Promise<Record<string, number[]>> {
  const s = searchService(core);
  const out: Record<string, number[]> = {};
  for (const q of QUERIES) {
    const r = await s.ids(q);
    out[q] = [...r.ids].sort((a, b) => a - b);
  }
  return out;
}
