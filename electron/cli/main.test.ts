import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './main';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    env,
  );
  return { code, stdout, stderr };
}

describe('sifter CLI', () => {
  it('--help lists the commands and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/workspace info/);
  });

  it('workspace info --json prints exactly one JSON document with the schema version', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'sifter-cli-')), 'ws');
    const { code, stdout, stderr } = await cli(['workspace', 'info', '--workspace', dir, '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const info = JSON.parse(stdout) as { schemaVersion: number; counts: Record<string, number> };
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.counts.items).toBe(0);
  });

  it('takes the workspace from SIFTER_WORKSPACE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifter-cli-env-'));
    const { code, stdout } = await cli(['workspace', 'info', '--json'], { SIFTER_WORKSPACE: dir });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).dir).toBe(dir);
  });

  it('bad arguments: a clear message and exit code 2', async () => {
    expect((await cli(['workspace', 'info'])).stderr).toMatch(/no workspace/);
    expect((await cli(['workspace', 'info'])).code).toBe(2);
    const unknownFlag = await cli(['workspace', 'info', '--workspace', '/tmp/x', '--frobnicate']);
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toMatch(/frobnicate/);
    const unknownCommand = await cli(['explode']);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/unknown command "explode"/);
  });

  it('a folder that is not a workspace: exit code 2 and the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sifter-cli-foreign-'));
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const { code, stderr } = await cli(['workspace', 'info', '--workspace', dir, '--json']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/neither empty nor a Sifter workspace/);
  });
});
