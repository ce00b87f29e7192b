// Sends texts to an engine in requests that respect its limits (texts and characters per request,
// requests in flight), and cleans what comes back: engine output is untrusted text.
import type { TranslationEngine } from './engines/types';

export interface BatchOutcome {
  /** Same order as the input. */
  texts: string[];
  /** Billed characters attributed to each text. */
  billed: number[];
  requests: number;
}

/** Longest translation kept for one sentence: a runaway model must not fill the database. */
const MAX_TARGET = 50_000;

/** Strips control characters (except tab and line breaks) and caps the length. Never HTML-interpreted. */
export function cleanEngineText(text: string): string {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/[ \t]{2,}/g, ' ') // rule-based engines leave double spaces where a word was dropped
    .trim();
  return cleaned.length > MAX_TARGET ? cleaned.slice(0, MAX_TARGET) : cleaned;
}

/** Splits into requests: at most maxTexts texts and (unless a single text is longer) maxChars characters. */
export function planRequests(texts: readonly string[], limits: TranslationEngine['limits']): number[][] {
  const requests: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  texts.forEach((text, i) => {
    if (current.length > 0 && (current.length >= limits.maxTexts || chars + text.length > limits.maxChars)) {
      requests.push(current);
      current = [];
      chars = 0;
    }
    current.push(i);
    chars += text.length;
  });
  if (current.length > 0) requests.push(current);
  return requests;
}

export async function translateTexts(
  engine: TranslationEngine,
  texts: readonly string[],
  from: string | null,
  to: string,
  signal?: AbortSignal,
): Promise<BatchOutcome> {
  const out: BatchOutcome = {
    texts: new Array<string>(texts.length).fill(''),
    billed: new Array<number>(texts.length).fill(0),
    requests: 0,
  };
  const queue = planRequests(texts, engine.limits);
  let failure: unknown = null;
  const worker = async () => {
    for (let request = queue.shift(); request && failure === null; request = queue.shift()) {
      const batch = request.map((i) => texts[i] ?? '');
      try {
        out.requests++;
        const result = await engine.translate({ texts: batch, from, to, signal });
        const total = batch.reduce((n, t) => n + t.length, 0) || 1;
        let left = result.billedChars;
        request.forEach((index, k) => {
          // Spread the request's billing over its texts by length; the last one takes the rounding.
          const share =
            k === request.length - 1
              ? left
              : Math.round((result.billedChars * (batch[k]?.length ?? 0)) / total);
          left -= share;
          out.texts[index] = cleanEngineText(result.texts[k] ?? '');
          out.billed[index] = share;
        });
      } catch (err) {
        failure ??= err;
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(engine.limits.concurrency, queue.length)) }, worker),
  );
  if (failure !== null) throw failure;
  return out;
}
