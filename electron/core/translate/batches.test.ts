import fc from 'fast-check';
import { cleanEngineText, planRequests, translateTexts } from './batches';
import type { TranslationEngine } from './engines/types';

describe("requests within an engine's limits", () => {
  it('splits 120 texts for DeepL into 50 + 50 + 20', () => {
    const plan = planRequests(
      Array.from({ length: 120 }, (_, i) => `Предложение ${i}.`),
      { maxTexts: 50, maxChars: 30_000, concurrency: 2 },
    );
    expect(plan.map((r) => r.length)).toEqual([50, 50, 20]);
  });

  it('property: every text is sent once, in order, and no request breaks a limit unless one text alone does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 2000 }),
        (texts, maxTexts, maxChars) => {
          const plan = planRequests(texts, { maxTexts, maxChars, concurrency: 1 });
          expect(plan.flat()).toEqual(texts.map((_, i) => i));
          for (const request of plan) {
            expect(request.length).toBeLessThanOrEqual(maxTexts);
            const chars = request.reduce((n, i) => n + (texts[i]?.length ?? 0), 0);
            if (request.length > 1) expect(chars).toBeLessThanOrEqual(maxChars);
          }
        },
      ),
    );
  });

  it('keeps answers aligned with their texts when requests run side by side', async () => {
    const engine: TranslationEngine = {
      id: 'libretranslate',
      label: 'echo',
      variant: 'echo',
      limits: { maxTexts: 3, maxChars: 1000, concurrency: 3 },
      listPairs: async () => [],
      // Later requests answer first, to shuffle completion order.
      translate: async ({ texts }) => {
        await new Promise((r) => setTimeout(r, 30 - Number(texts[0]?.slice(1)) / 2));
        return { texts: texts.map((t) => `<${t}>`), billedChars: texts.join('').length };
      },
    };
    const texts = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const out = await translateTexts(engine, texts, 'ru', 'en');
    expect(out.texts).toEqual(texts.map((t) => `<${t}>`));
    expect(out.requests).toBe(7);
    expect(out.billed.reduce((a, b) => a + b, 0)).toBe(texts.join('').length);
  });

  it('treats engine output as untrusted text: no control characters, no runaway length', () => {
    expect(cleanEngineText(' Hello\u0000 \u001b[31mworld\u0007  again\n')).toBe('Hello [31mworld again');
    expect(cleanEngineText('<script>alert(1)</script>')).toBe('<script>alert(1)</script>'); // kept as text, rendered as text
    expect(cleanEngineText('x'.repeat(60_000))).toHaveLength(50_000);
  });
});
