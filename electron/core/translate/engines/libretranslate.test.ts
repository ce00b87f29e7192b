// Contract tests: LibreTranslate's documented answers and errors, replayed by a local server.
import { startContractServer, type ContractServer, type RecordedRequest } from '../contract-server';
import type { EngineError } from '../engine-error';
import type { EngineConfig } from './config';
import { LibreTranslateEngine } from './libretranslate';

const KEY = 'lt-7Hq2-secret-9xZ';

const config = (url: string, key: string | null = KEY): EngineConfig => ({
  id: 'libretranslate',
  url,
  deeplHost: 'free',
  model: '',
  key,
  http: { timeoutMs: 5000, maxRetries: 2, maxRetryWaitMs: 5000 },
});

const translated = (req: RecordedRequest) => {
  const body = req.body as { q: string[] };
  return {
    json: {
      translatedText: body.q.map((t) => `EN<${t}>`),
      detectedLanguage: [{ confidence: 90, language: 'ru' }],
    },
  };
};

let server: ContractServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('LibreTranslate engine (contract)', () => {
  it('sends q as an array with source, target, format and api_key', async () => {
    server = await startContractServer({ 'POST /translate': translated });
    const out = await new LibreTranslateEngine(config(`${server.url}/`)).translate({
      texts: ['Один.', 'Два.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Один.>', 'EN<Два.>']);
    expect(server.requests[0]?.body).toEqual({
      q: ['Один.', 'Два.'],
      source: 'ru',
      target: 'en',
      format: 'text',
      api_key: KEY,
    });
  });

  it('asks for auto-detection when the source language is unknown, and sends no key when there is none', async () => {
    server = await startContractServer({ 'POST /translate': translated });
    await new LibreTranslateEngine(config(server.url, null)).translate({
      texts: ['Один.'],
      from: null,
      to: 'en',
    });
    expect(server.requests[0]?.body).toEqual({ q: ['Один.'], source: 'auto', target: 'en', format: 'text' });
  });

  it('lists pairs from /languages', async () => {
    server = await startContractServer({
      'GET /languages': () => ({
        json: [
          { code: 'en', name: 'English', targets: ['en', 'ru', 'uk'] },
          { code: 'ru', name: 'Russian', targets: ['en', 'ru'] },
        ],
      }),
    });
    const pairs = await new LibreTranslateEngine(config(server.url)).listPairs();
    expect(pairs).toEqual(
      expect.arrayContaining([
        { from: 'ru', to: 'en' },
        { from: 'en', to: 'uk' },
        { from: 'auto', to: 'en' },
      ]),
    );
    expect(pairs).not.toContainEqual({ from: 'ru', to: 'ru' });
  });

  it('retries after 429 (Retry-After) and then succeeds', async () => {
    server = await startContractServer({
      'POST /translate': (req, nth) =>
        nth === 1
          ? {
              status: 429,
              headers: { 'retry-after': '1' },
              json: { error: 'Too many request limits violations' },
            }
          : translated(req),
    });
    const out = await new LibreTranslateEngine(config(server.url)).translate({
      texts: ['Три.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Три.>']);
    expect(server.calls('/translate')).toHaveLength(2);
  });

  it('maps 403 to a bad-key error with the key redacted', async () => {
    server = await startContractServer({
      'POST /translate': (req) => ({
        status: 403,
        json: { error: `Invalid API key: ${(req.body as { api_key: string }).api_key}` },
      }),
    });
    const err = (await new LibreTranslateEngine(config(server.url))
      .translate({ texts: ['Три.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('bad-key');
    expect(err.message).toContain('Invalid API key: [redacted]');
    expect(err.message).not.toContain(KEY);
  });

  it('maps 400 "not supported" to an unsupported-pair error', async () => {
    server = await startContractServer({
      'POST /translate': () => ({ status: 400, json: { error: 'xx is not supported' } }),
    });
    const err = (await new LibreTranslateEngine(config(server.url))
      .translate({ texts: ['Три.'], from: 'ru', to: 'xx' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('unsupported-pair');
    expect(err.message).toBe('LibreTranslate does not support this language pair: xx is not supported');
  });

  it('reports an unreachable server and a server that does not answer in time', async () => {
    server = await startContractServer({ 'POST /translate': () => ({ hang: true }) });
    const slow = new LibreTranslateEngine({ ...config(server.url), http: { timeoutMs: 300, maxRetries: 0 } });
    const timeout = (await slow
      .translate({ texts: ['Три.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(timeout.failure).toBe('timeout');
    expect(timeout.message).toMatch(/did not answer within/);
    const url = server.url;
    await server.close();
    server = null;
    const gone = (await new LibreTranslateEngine(config(url))
      .translate({ texts: ['Три.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(gone.failure).toBe('unreachable');
    expect(gone.message).toMatch(
      /Could not reach LibreTranslate at http:\/\/127\.0\.0\.1:\d+\/translate \(ECONNREFUSED\)/,
    );
  });

  it('needs a URL', () => {
    expect(() => new LibreTranslateEngine(config(''))).toThrow(/needs the URL of a server/);
    expect(() => new LibreTranslateEngine(config('file:///etc/passwd'))).toThrow(/must start with http/);
  });
});
