import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { runCli } from '../main';
import { tempDir } from '../../../tests/unit/import/helpers';
import { parseMap } from './import';

const FIX = resolve(__dirname, '../../../tests/fixtures');
let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('sifter-cli-import-');
});
afterEach(() => tmp.cleanup());

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { stdout: (t) => (out += t), stderr: (t) => (err += t) }, {});
  return { code, out, err };
}

describe('sifter import', () => {
  it('imports the channel-export zip and prints the JSON report; again adds nothing', async () => {
    const ws = join(tmp.dir, 'ws');
    const first = await cli('import', join(FIX, 'telegram/channel-export.zip'), '--workspace', ws, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.out);
    expect(report.imports).toEqual([
      expect.objectContaining({
        file: 'channel-export.zip',
        format: 'telegram-json',
        added: 23,
        duplicates: 0,
        skipped: 2,
        warnings: [],
      }),
    ]);
    expect(report.imports[0]).not.toHaveProperty('error');
    const again = await cli('import', join(FIX, 'telegram/channel-export'), '--workspace', ws, '--json');
    expect(JSON.parse(again.out).imports[0]).toMatchObject({ added: 0, duplicates: 23 });
  });

  it('exits non-zero and names the file and reason when an input is refused', async () => {
    const ws = join(tmp.dir, 'ws');
    const res = await cli(
      'import',
      join(FIX, 'hostile/zip-slip.zip'),
      join(FIX, 'telegram/old-export-2019/result.json'),
      '--workspace',
      ws,
      '--json',
    );
    expect(res.code).toBe(1);
    const { imports } = JSON.parse(res.out);
    expect(imports[0]).toMatchObject({ file: 'zip-slip.zip', added: 0 });
    expect(imports[0].error).toMatch(/zip-slip\.zip: .*escapes/);
    expect(imports[1]).toMatchObject({ added: 3 });
    const text = await cli('import', join(FIX, 'hostile/not-an-archive.json'), '--workspace', ws);
    expect(text.code).toBe(1);
    expect(text.out).toMatch(/REFUSED not-an-archive\.json: not a format Sifter can import/);
  });

  it('takes --username for permalinks and refuses a malformed one', async () => {
    const ws = join(tmp.dir, 'ws');
    expect(
      (
        await cli(
          'import',
          join(FIX, 'telegram/channel-export'),
          '--workspace',
          ws,
          '--username',
          '@waiting_home',
        )
      ).code,
    ).toBe(0);
    const bad = await cli(
      'import',
      join(FIX, 'telegram/channel-export'),
      '--workspace',
      ws,
      '--username',
      'no spaces please',
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Telegram username/);
  });

  it('parses --map pairs', () => {
    expect(parseMap('text=Body, title=Headline')).toEqual({ text: 'Body', title: 'Headline' });
    expect(() => parseMap('text')).toThrow(/field=Header/);
  });
});
