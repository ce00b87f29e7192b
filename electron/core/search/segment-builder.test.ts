// The lean builder must give exactly the weights lunr.Builder gives for the same terms.
import lunr from 'lunr';
import { analyze } from './analyzer';
import { buildSegment } from './segment-builder';
import { decodeSegment, encodeSegment } from './segment-format';

const DOCS = [
  { id: 3, text: 'Жены мобилизованных вышли к Кремлю. Жены ждут.', lang: 'ru' },
  { id: 1, text: 'Министерство обороны сообщило о мобилизации.', lang: 'ru' },
  { id: 7, text: "Зеленського привітали у Києві, об'єкт #мобілізація", lang: 'uk' },
  { id: 5, text: "Trump's remarks on the front line; the front line held.", lang: 'en' },
  { id: 9, text: '', lang: null },
];

test('segment weights equal lunr.Builder BM25 field vectors', () => {
  const seg = buildSegment(DOCS);
  const builder = new lunr.Builder();
  builder.ref('id');
  builder.field('body');
  builder.metadataWhitelist = [];
  builder.tokenizer = ((terms: string[]) =>
    terms.map((t) => new lunr.Token(t, {}))) as unknown as typeof builder.tokenizer;
  for (const d of DOCS) builder.add({ id: String(d.id), body: analyze(d.text, d.lang) });
  const index = builder.build();
  expect([...seg.docIds]).toEqual([1, 3, 5, 7, 9]);
  let checked = 0;
  seg.terms.forEach((term, t) => {
    const posting = (index as unknown as { invertedIndex: Record<string, unknown> }).invertedIndex[
      term
    ] as unknown as { _index: number; body: Record<string, unknown> };
    expect(posting).toBeDefined();
    const lunrDocs = Object.keys(posting.body)
      .map(Number)
      .sort((a, b) => a - b);
    const ours: number[] = [];
    for (let p = seg.termOffsets[t]!; p < seg.termOffsets[t + 1]!; p++) {
      const id = seg.docIds[seg.postDocs[p]!]!;
      ours.push(id);
      const vector = (index as unknown as { fieldVectors: Record<string, { elements: number[] }> })
        .fieldVectors[`body/${id}`]!;
      const at = vector.elements.findIndex((v, i) => i % 2 === 0 && v === posting._index);
      expect(seg.postWeights[p]).toBeCloseTo(vector.elements[at + 1]!, 5);
      checked++;
    }
    expect(ours).toEqual(lunrDocs);
  });
  expect(checked).toBeGreaterThan(20);
});

test('a segment survives encoding, and damage is detected', () => {
  const seg = buildSegment(DOCS);
  const bytes = encodeSegment(seg);
  const back = decodeSegment(bytes);
  expect(back.terms).toEqual(seg.terms);
  expect([...back.postWeights]).toEqual([...seg.postWeights]);
  expect(() => decodeSegment(bytes.subarray(0, bytes.length - 3))).toThrow(/expected/);
});
