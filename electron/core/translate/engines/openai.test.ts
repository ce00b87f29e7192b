// Contract tests: an OpenAI-compatible chat completions server, replayed locally — including a model
// that returns the wrong number of segments.
import { startContractServer, type ContractServer, type RecordedRequest } from '../contract-server';
import type { EngineError } from '../engine-error';
import type { EngineConfig } from './config';
import { OpenAiEngine, parseArray } from './openai';

const KEY = 'sk-proj-AbCdEf0123456789SECRET';

const config = (url: string): EngineConfig => ({
  id: 'openai',
  url: `${url}/v1`,
  deeplHost: 'free',
  model: 'gpt-4o-mini',
  key: KEY,
  http: { timeoutMs: 5000, maxRetries: 2, maxRetryWaitMs: 5000 },
});

const inputOf = (req: RecordedRequest): string[] => {
  const messages = (req.body as { messages: { role: string; content: string }[] }).messages;
  return JSON.parse(messages.find((m) => m.role === 'user')?.content ?? '[]') as string[];
};

const chat = (content: string) => ({
  json: {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'gpt-4o-mini',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  },
});

const good = (req: RecordedRequest) => chat(JSON.stringify(inputOf(req).map((t) => `EN<${t}>`)));

let server: ContractServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('OpenAI-compatible engine (contract)', () => {
  it('asks for a JSON array with the bearer key and the model, and aligns the answer', async () => {
    server = await startContractServer({ 'POST /v1/chat/completions': good });
    const out = await new OpenAiEngine(config(server.url)).translate({
      texts: ['Раз.', 'Два.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Раз.>', 'EN<Два.>']);
    const req = server.requests[0];
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.body).toMatchObject({ model: 'gpt-4o-mini', temperature: 0 });
    expect(JSON.stringify(req?.body)).toMatch(/from Russian to English/);
    expect(JSON.stringify(req?.body)).toMatch(/exactly 2 strings/);
  });

  it('retries when the model returns the wrong number of segments', async () => {
    server = await startContractServer({
      'POST /v1/chat/completions': (req, nth) =>
        nth === 1 ? chat(JSON.stringify(['EN<Раз. Два.>'])) : good(req),
    });
    const out = await new OpenAiEngine(config(server.url)).translate({
      texts: ['Раз.', 'Два.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Раз.>', 'EN<Два.>']);
    expect(server.requests).toHaveLength(2);
  });

  it('halves a batch the model keeps merging, so every sentence still gets its own translation', async () => {
    // This model merges whenever it gets more than one segment, but translates one faithfully.
    server = await startContractServer({
      'POST /v1/chat/completions': (req) => {
        const input = inputOf(req);
        return input.length > 1
          ? chat(JSON.stringify([input.join(' ')]))
          : chat('```json\n' + JSON.stringify([`EN<${input[0]}>`]) + '\n```');
      },
    });
    const out = await new OpenAiEngine(config(server.url)).translate({
      texts: ['Раз.', 'Два.', 'Три.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Раз.>', 'EN<Два.>', 'EN<Три.>']);
  });

  it('fails clearly when even a single segment comes back miscounted', async () => {
    server = await startContractServer({ 'POST /v1/chat/completions': () => chat('["a", "b"]') });
    const err = (await new OpenAiEngine(config(server.url))
      .translate({ texts: ['Раз.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('bad-response');
    expect(err.message).toBe('The model returned 2 segments for 1, again after 2 retries.');
    expect(server.requests).toHaveLength(3);
  });

  it('maps 401 to a bad-key error and drops the body that echoes part of the key', async () => {
    server = await startContractServer({
      'POST /v1/chat/completions': () => ({
        status: 401,
        json: {
          error: {
            message: `Incorrect API key provided: ${KEY.slice(0, 8)}****${KEY.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
            type: 'invalid_request_error',
            param: null,
            code: 'invalid_api_key',
          },
        },
      }),
    });
    const err = (await new OpenAiEngine(config(server.url))
      .translate({ texts: ['Раз.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('bad-key');
    expect(err.message).toBe('The model server refused the API key (HTTP 401). Check SIFTER_OPENAI_KEY.');
    expect(err.message).not.toContain(KEY.slice(0, 8));
  });

  it('maps 429 insufficient_quota to a quota error without retrying, and retries an ordinary 429', async () => {
    server = await startContractServer({
      'POST /v1/chat/completions': () => ({
        status: 429,
        json: {
          error: {
            message: 'You exceeded your current quota, please check your plan and billing details.',
            type: 'insufficient_quota',
            code: 'insufficient_quota',
          },
        },
      }),
    });
    const err = (await new OpenAiEngine(config(server.url))
      .translate({ texts: ['Раз.'], from: 'ru', to: 'en' })
      .catch((e: unknown) => e)) as EngineError;
    expect(err.failure).toBe('quota');
    expect(server.requests).toHaveLength(1);
    await server.close();
    server = await startContractServer({
      'POST /v1/chat/completions': (req, nth) =>
        nth === 1
          ? {
              status: 429,
              headers: { 'retry-after': '1' },
              json: {
                error: {
                  message: 'Rate limit reached for requests',
                  type: 'requests',
                  code: 'rate_limit_exceeded',
                },
              },
            }
          : good(req),
    });
    const out = await new OpenAiEngine(config(server.url)).translate({
      texts: ['Раз.'],
      from: 'ru',
      to: 'en',
    });
    expect(out.texts).toEqual(['EN<Раз.>']);
    expect(server.requests).toHaveLength(2);
  });

  it('checks the model exists when listing pairs', async () => {
    server = await startContractServer({
      'GET /v1/models': () => ({ json: { object: 'list', data: [{ id: 'llama3', object: 'model' }] } }),
    });
    await expect(new OpenAiEngine(config(server.url)).listPairs()).rejects.toThrow(
      'The model server has no model "gpt-4o-mini" (it has: llama3).',
    );
  });

  it('reads the array from bare, fenced or wrapped answers', () => {
    expect(parseArray('["a","b"]')).toEqual(['a', 'b']);
    expect(parseArray('Sure!\n```json\n["a"]\n```')).toEqual(['a']);
    expect(parseArray('{"translations": ["a", "b"]}')).toEqual(['a', 'b']);
    expect(parseArray('not json')).toEqual([]);
    expect(parseArray('[1, 2]')).toEqual([]);
  });
});
