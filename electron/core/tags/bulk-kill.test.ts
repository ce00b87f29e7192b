// A bulk tag of 10,000 items is one transaction: a process killed in the middle of it leaves
// either all of them tagged or none. The bulk runs in a real child process that is SIGKILLed.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openWorkspace } from '../workspace/workspace';
import { createTag } from './tag-edits';
import { seedCount, tempWorkspaceDir } from './testing';
import { undoHistory } from './undo-log';

const ITEMS = 10_000;
let childScript = '';

beforeAll(async () => {
  childScript = join(tempWorkspaceDir('sifter-kill-child-'), 'kill-child.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('./kill-child.ts', import.meta.url))],
    outfile: childScript,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    logLevel: 'error',
  });
});

function prepare(): { dir: string; tagId: number } {
  const ws = openWorkspace(tempWorkspaceDir());
  seedCount(ws, ITEMS);
  const tagId = createTag(ws, { path: 'Actors/Way Home', ifMissing: false }).tag.id;
  ws.close();
  return { dir: ws.paths.dir, tagId };
}

/** Resolves with the first line the child prints that starts with `prefix`. */
function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l) => l.startsWith(prefix));
      if (line) resolve(line);
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`child ended (${code ?? signal}) before "${prefix}": ${stderr}`)),
    );
  });
}

const exited = (child: ChildProcess): Promise<NodeJS.Signals | number | null> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode ?? child.exitCode);
    else child.on('exit', (code, signal) => resolve(signal ?? code));
  });

function tagged(dir: string, tagId: number): { links: number; undo: number; integrity: unknown } {
  const ws = openWorkspace(dir);
  try {
    const { n } = ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags WHERE tag_id = ?').get(tagId) as {
      n: number;
    };
    return {
      links: n,
      undo: undoHistory(ws.db).length,
      integrity: ws.db.prepare('PRAGMA integrity_check').get(),
    };
  } finally {
    ws.close();
  }
}

describe('bulk tagging survives a kill', () => {
  it('killed in the middle of the transaction, it leaves none of the 10,000 items tagged', async () => {
    const { dir, tagId } = prepare();
    const child = spawn(process.execPath, [childScript, dir, String(tagId), 'pause'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = await lineFrom(child, 'started ');
    // Inside its transaction the child had already written half the links.
    expect(Number(started.split(' ')[1])).toBeGreaterThanOrEqual(ITEMS / 2);
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');
    expect(tagged(dir, tagId)).toEqual({ links: 0, undo: 1, integrity: { integrity_check: 'ok' } }); // the one undo entry is the tag's creation
  });

  it('left to finish, it tags all 10,000 with one undo entry', async () => {
    const { dir, tagId } = prepare();
    const child = spawn(process.execPath, [childScript, dir, String(tagId), 'run'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await lineFrom(child, 'committed');
    expect(await exited(child)).toBe(0);
    expect(tagged(dir, tagId)).toEqual({ links: ITEMS, undo: 2, integrity: { integrity_check: 'ok' } });
  });

  it('killed at whatever moment the signal lands, it leaves all or none', async () => {
    const { dir, tagId } = prepare();
    const child = spawn(process.execPath, [childScript, dir, String(tagId), 'run'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    await lineFrom(child, 'started ');
    child.kill('SIGKILL');
    await exited(child);
    const { links, integrity } = tagged(dir, tagId);
    expect(integrity).toEqual({ integrity_check: 'ok' });
    expect([0, ITEMS]).toContain(links);
  });
});
