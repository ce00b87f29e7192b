// Contract tests: DeepL's documented answers and errors, replayed by a local server.
import { startContractServer, type ContractServer, type RecordedRequest } from '../contract-server';
import { EngineError } from '../engine-error';
import { DeeplEngine } from './deepl';
import type { EngineConfig } from './config';

const KEY = 'f63c02c5-f056-4e8e-9f7b-3b1c2d3e4f5a:fx';

const config = (url: string, over: Partial<EngineConfig> = {}): EngineConfig => ({
  id: 'deepl',
  url,
  deeplHost: 'free',
  model: '',
  key: KEY,
  http: { timeoutMs: 5000, maxRetries: 3, maxRetryWaitMs: 5000 },
  ...over,
});

/** DeepL's documented success body for a request. */
const translated = (req: RecordedRequest) => {
  const body = req.body as { text: string[] };
  return {
    json: {
      translations: body.text.map((t) => ({
        detected_source_language: 'RU',
        text: `EN<${t}>`,
        billed_characters: t.length,
      })),
    },
  };
};

let server: ContractServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('DeepL engine (contract)', () => {
  it('sends the key in the DeepL-Auth-Key header, texts as an array, and maps languages', async () => {
    server = await startContractServer({ 'POST /v2/translate': translated });
    const engine = new DeeplEngine(config(server.url));
    const out = await engine.translate({ texts: ['Привет.', 'Как дела?'], from: 'ru', to: 'en' });
    expect(out).toEqual({
      texts: ['EN<Привет.>', 'EN<Как дела?>'],
      billedChars: 'Привет.'.length + 'Как дела?'.length,
    });
    const [req] = server.requests;
    expect(req?.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(req?.body).toMatchObject({
      text: ['Привет.', 'Как дела?'],
      source_lang: 'RU',
      target_lang: 'EN-US',
      show_billed_characters: true,
    });
    expect(engine.variant).toBe('deepl-free');
  });

  it('lists pairs from /v2/languages in ISO 639-1', async () => {
    server = await startContractServer({
      'GET /v2/languages': (req) =>
        req.query.get('type') === 'source'
          ? {
              json: [
                { language: 'RU', name: 'Russian' },
                { language: 'UK', name: 'Ukrainian' },
                { language: 'EN', name: 'English' },
              ],
            }
          : {
              json: [
                { language: 'EN-GB', name: 'English (British)' },
                { language: 'EN-US', name: 'English (American)' },
                { language: 'RU', name: 'Russian' },
              ],
            },
    });
    const pairs = await new DeeplEngine(config(server.url)).listPairs();
    expect(pairs).toContainEqual({ from: 'uk', to: 'en' });
    expect(pairs).toContainEqual({ from: 'auto', to: 'en' });
    expect(pairs).toContainEqual({ from: 'en', to: 'ru' });
    expect(pairs).not.toContainEqual({ from: 'en', to: 'en' });
    expect(server.requests.every((r) => r.headers.authorization === `DeepL-Auth-Key ${KEY}`)).toBe(true);
  });

  it('backs off on 429 as Retry-After says, then succeeds', async () => {
    server = await startContractServer({
      'POST /v2/translate': (req, nth) =>
        nth === 1
          ? { status: 429, headers: { 'retry-after': '1' }, json: { message: 'Too many requests' } }
          : translated(req),
    });
    const out = await new DeeplEngine(config(server.url)).translate({ texts: ['Да.'], from: 'ru', to: 'en' });
    expect(out.texts).toEqual(['EN<Да.>']);
    expect(server.calls('/v2/translate')).toHaveLength(2);
  });

  it('gives up with a rate-limit error when 429 persists', async () => {
    server = await startContractServer({
      'POST /v2/translate': () => ({
        status: 429,
        headers: { 'retry-after': '0' },
        json: { message: 'Too many requests' },
      }),
    });
    const err = await new DeeplEngine(config(server.url, { http: { maxRetries: 2, maxRetryWaitMs: 1000 } }))
      .translate({ texts: ['Да.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).failure).toBe('rate-limit');
    expect((err as EngineError).message).toMatch(/rate-limiting/);
    expect(server.calls('/v2/translate')).toHaveLength(3);
  });

  it('maps 456 to a quota error without retrying', async () => {
    server = await startContractServer({
      'POST /v2/translate': () => ({ status: 456, json: { message: 'Quota exceeded' } }),
    });
    const err = (await new DeeplEngine(config(server.url))
      .translate({ texts: ['Да.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('quota');
    expect(err.code).toBe('REFUSED');
    expect(err.message).toMatch(/quota .* used up \(HTTP 456\)/);
    expect(err.fatal).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('maps 403 to a bad-key error and never repeats the key, even when the server echoes it', async () => {
    server = await startContractServer({
      'POST /v2/translate': () => ({ status: 403, json: { message: `Invalid auth key ${KEY}` } }),
    });
    const err = (await new DeeplEngine(config(server.url, { deeplHost: 'pro' }))
      .translate({ texts: ['Да.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('bad-key');
    expect(err.message).toMatch(/refused the API key \(HTTP 403\)/);
    expect(err.message).toMatch(/looks like a free key but the pro host is set/);
    expect(err.message).not.toContain(KEY);
    expect(err.message).not.toContain(KEY.slice(0, 12));
    expect(JSON.stringify(err)).not.toContain(KEY);
    expect(String(err.stack)).not.toContain(KEY);
  });

  it('maps an unsupported target language to an unsupported-pair error', async () => {
    server = await startContractServer({
      'POST /v2/translate': () => ({
        status: 400,
        json: { message: "Value for 'target_lang' not supported." },
      }),
    });
    const err = (await new DeeplEngine(config(server.url))
      .translate({ texts: ['Да.'], from: 'ru', to: 'xx' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('unsupported-pair');
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.message).toContain("target_lang' not supported");
  });

  it('retries a transient 503 and refuses an answer with the wrong number of translations', async () => {
    server = await startContractServer({
      'POST /v2/translate': (_req, nth) =>
        nth === 1
          ? { status: 503, headers: { 'retry-after': '0' }, text: '<html>Service Unavailable</html>' }
          : { json: { translations: [{ text: 'only one' }] } },
    });
    const err = (await new DeeplEngine(config(server.url))
      .translate({ texts: ['А.', 'Б.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('bad-response');
    expect(err.message).toBe('DeepL returned 1 translations for 2 texts.');
    expect(server.requests).toHaveLength(2);
  });

  it('says plainly that a key is needed', () => {
    expect(() => new DeeplEngine(config('http://127.0.0.1:1', { key: null }))).toThrow(
      /needs an API key: set SIFTER_DEEPL_KEY/,
    );
  });
});
