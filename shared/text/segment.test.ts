import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkForSegmenter, segmentText, MAX_SEGMENTER_INPUT } from './segment';

const sentences = (text: string, lang: string) => segmentText(text, lang).map((s) => s.text);

describe('segmentText', () => {
  it('splits a newline-heavy Telegram post into paragraphs first, then sentences', () => {
    const post =
      '⚡️Срочно\n\nВ Белгороде объявлена ракетная опасность. Жителей просят укрыться.\nПодробности позже.';
    const segments = segmentText(post, 'ru');
    expect(segments.map((s) => [s.paragraph, s.text])).toEqual([
      [0, '⚡️Срочно'],
      [1, 'В Белгороде объявлена ракетная опасность.'],
      [1, 'Жителей просят укрыться.'],
      [2, 'Подробности позже.'],
    ]);
  });

  it('keeps Russian abbreviations and initials inside their sentence', () => {
    const text =
      'Митинг организовал В. В. Путин на ул. Тверской, т.е. в центре г. Москвы. Выступил проф. Иванов из МГУ им. Ломоносова. Пришли студенты, пенсионеры и т. д. Все разошлись к вечеру.';
    expect(sentences(text, 'ru')).toEqual([
      'Митинг организовал В. В. Путин на ул. Тверской, т.е. в центре г. Москвы.',
      'Выступил проф. Иванов из МГУ им. Ломоносова.',
      'Пришли студенты, пенсионеры и т. д.',
      'Все разошлись к вечеру.',
    ]);
  });

  it('ends a sentence after a year abbreviation followed by a capital', () => {
    expect(sentences('Закон принят в 2023 г. В силу он вступит позже.', 'ru')).toEqual([
      'Закон принят в 2023 г.',
      'В силу он вступит позже.',
    ]);
  });

  it('handles Ukrainian abbreviations', () => {
    expect(
      sentences(
        'Сьогодні м. Київ знову під обстрілом. Пан О. Зеленський звернувся до народу! Що далі?',
        'uk',
      ),
    ).toEqual([
      'Сьогодні м. Київ знову під обстрілом.',
      'Пан О. Зеленський звернувся до народу!',
      'Що далі?',
    ]);
  });

  it('keeps English titles and U.S. inside their sentence', () => {
    expect(
      sentences(
        'Mr. Smith met Dr. Jones in the U.S. State Department on Monday. They talked for an hour.',
        'en',
      ),
    ).toEqual([
      'Mr. Smith met Dr. Jones in the U.S. State Department on Monday.',
      'They talked for an hour.',
    ]);
  });

  it('gives offsets that slice back to each sentence', () => {
    const text = '  Las familias piden su regreso.   El grupo publica mensajes.\r\n\r\nOtro párrafo aquí. ';
    for (const s of segmentText(text, 'es')) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(segmentText(text, 'es').map((s) => s.paragraph)).toEqual([0, 0, 1]);
  });

  it('returns nothing for blank text', () => {
    expect(segmentText('  \n\n \t', 'ru')).toEqual([]);
  });

  it('never feeds a huge paragraph to the segmenter in one piece, yet covers all of it', () => {
    const sentence = 'Это очень длинное сообщение без переносов строк. ';
    const text = sentence.repeat(1500); // ~75k characters in one paragraph
    const chunks = chunkForSegmenter(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(MAX_SEGMENTER_INPUT);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    const segments = segmentText(text, 'ru');
    expect(segments).toHaveLength(1500);
    expect(segments.every((s) => s.text === sentence.trim())).toBe(true);
  });

  it('property: segments are ordered, disjoint, trimmed and slice back to the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('а', 'Б', 'x', ' ', '.', '!', '\n', 'г', 'т', 'В', '1', '😀'),
          maxLength: 400,
        }),
        (text) => {
          let last = 0;
          for (const s of segmentText(text, 'ru')) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeGreaterThan(s.start);
            expect(text.slice(s.start, s.end)).toBe(s.text);
            expect(s.text.trim()).toBe(s.text);
            last = s.end;
          }
        },
      ),
    );
  });
});
