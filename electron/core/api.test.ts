import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from './core';
import { dispatch } from './api';

function makeCore(): Core {
  return new Core({ mode: 'cli', workspaceDir: mkdtempSync(join(tmpdir(), 'sifter-api-')), version: 'test' });
}

describe('dispatcher', () => {
  it('answers a valid call with ok:true and its value', async () => {
    const core = makeCore();
    const res = await dispatch(core, 'workspace.info', {});
    expect(res.ok).toBe(true);
    if (res.ok) expect((res.value as { schemaVersion: number }).schemaVersion).toBeGreaterThan(0);
    await core.close();
  });

  it('rejects an unknown method with INVALID', async () => {
    const core = makeCore();
    const res = await dispatch(core, 'workspace.explode', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'INVALID', message: 'Unknown method: workspace.explode' },
    });
    await core.close();
  });

  it('rejects a malformed request with INVALID before the handler runs', async () => {
    const core = makeCore();
    const wrongType = await dispatch(core, 'workspace.open', { dir: 42 });
    expect(wrongType.ok).toBe(false);
    if (!wrongType.ok) {
      expect(wrongType.error.code).toBe('INVALID');
      expect(wrongType.error.message).toMatch(/workspace\.open at dir/);
    }
    const extraField = await dispatch(core, 'settings.get', { sneaky: true });
    expect(extraField.ok).toBe(false);
    if (!extraField.ok) expect(extraField.error.code).toBe('INVALID');
    const notAnObject = await dispatch(core, 'jobs.cancel', 'id');
    expect(notAnObject.ok).toBe(false);
    if (!notAnObject.ok) expect(notAnObject.error.code).toBe('INVALID');
    await core.close();
  });

  it('turns a refused operation into an error value, keeping the current workspace open', async () => {
    const core = makeCore();
    const before = core.workspace.paths.dir;
    const foreign = mkdtempSync(join(tmpdir(), 'sifter-foreign-'));
    writeFileSync(join(foreign, 'thesis.docx'), 'not a workspace');
    const res = await dispatch(core, 'workspace.open', { dir: foreign });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/neither empty nor a Sifter workspace/);
    expect(core.workspace.paths.dir).toBe(before);
    await core.close();
  });

  it('validates settings updates against the schema', async () => {
    const core = makeCore();
    const bad = await dispatch(core, 'settings.update', { patch: { theme: 'neon' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID');
    const good = await dispatch(core, 'settings.update', {
      patch: { theme: 'dark', reader: { layout: 'original' } },
    });
    expect(good.ok).toBe(true);
    const read = await dispatch(core, 'settings.get', {});
    expect(
      read.ok && (read.value as { settings: { theme: string; reader: { layout: string } } }).settings,
    ).toMatchObject({
      theme: 'dark',
      reader: { layout: 'original' },
    });
    await core.close();
  });
});
