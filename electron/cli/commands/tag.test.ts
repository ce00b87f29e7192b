// `sifter tag …` end to end: the real CLI entry (runCli) on temp workspaces, one filled by the real
// import pipeline from the fixtures (for --query), one with items stored directly (for --ids).
import { fileURLToPath } from 'node:url';
import { runCli } from '../main';
import { Core } from '../../core/core';
import { dispatch } from '../../core/api';
import { importPaths } from '../../core/importers/pipeline';
import { openWorkspace } from '../../core/workspace/workspace';
import { seedCount, tempWorkspaceDir } from '../../core/tags/testing';

const CHANNEL_EXPORT = fileURLToPath(
  new URL('../../../tests/fixtures/telegram/channel-export', import.meta.url),
);

async function sifter(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    {},
  );
  return { code, stdout, stderr };
}

async function importedWorkspace(): Promise<string> {
  const dir = tempWorkspaceDir('sifter-cli-tag-');
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  try {
    const report = await core.jobs.run('import', 'fixtures', (job) =>
      importPaths(core, [CHANNEL_EXPORT], {}, job),
    );
    expect(report.imports.every((r) => r.error === null)).toBe(true);
  } finally {
    await core.close();
  }
  return dir;
}

async function searchIds(dir: string, query: string): Promise<number[]> {
  const core = new Core({ mode: 'cli', workspaceDir: dir, version: 'test', recentFile: null });
  try {
    const res = await dispatch(core, 'search.ids', { query });
    if (!res.ok) throw new Error(res.error.message);
    return [...(res.value as { ids: number[] }).ids].sort((a, b) => a - b);
  } finally {
    await core.close();
  }
}

function taggedWith(dir: string, path: string): number[] {
  const ws = openWorkspace(dir);
  try {
    const rows = ws.db
      .prepare(
        `SELECT it.item_id FROM item_tags it JOIN tags t ON t.id = it.tag_id LEFT JOIN tags p ON p.id = t.parent_id
         WHERE (p.name IS NULL AND t.name = ?1) OR (p.name || '/' || t.name = ?1) ORDER BY it.item_id`,
      )
      .all(path) as { item_id: number }[];
    return rows.map((r) => r.item_id);
  } finally {
    ws.close();
  }
}

describe('sifter tag', () => {
  it('tag add NAME --query creates the tag and its parent and tags every item the query matches', async () => {
    const dir = await importedWorkspace();
    const expected = await searchIds(dir, 'пикет');
    expect(expected.length).toBeGreaterThan(0);

    const added = await sifter('tag', 'add', 'Actors/Way Home', '--query', 'пикет', '--workspace', dir);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toBe(
      `Created Actors, Actors/Way Home.\nTagged ${expected.length} item${expected.length === 1 ? '' : 's'} with Actors/Way Home (query "пикет").\n`,
    );
    expect(taggedWith(dir, 'Actors/Way Home')).toEqual(expected);

    const again = await sifter(
      'tag',
      'add',
      'actors/way home',
      '--query',
      'пикет',
      '--workspace',
      dir,
      '--json',
    );
    expect(JSON.parse(again.stdout)).toMatchObject({
      created: [],
      matched: expected.length,
      changed: 0,
      unchanged: expected.length,
      tag: { path: 'Actors/Way Home' },
    });

    const list = await sifter('tag', 'list', '--workspace', dir, '--json');
    expect(JSON.parse(list.stdout)).toMatchObject([
      { path: 'Actors', count: 0, totalCount: expected.length },
      { path: 'Actors/Way Home', count: expected.length, totalCount: expected.length },
    ]);
    const text = await sifter('tag', 'list', '--workspace', dir);
    expect(text.stdout).toBe(
      `Actors  0 (${expected.length} with sub-tags)\n  Way Home  ${expected.length}\n`,
    );

    const removed = await sifter('tag', 'remove', 'Way Home', '--query', 'пикет', '--workspace', dir);
    expect(removed.stdout).toMatch(
      new RegExp(`^Untagged ${expected.length} items? from Actors/Way Home \\(query "пикет"\\)\\.\\n$`),
    );
    expect(taggedWith(dir, 'Actors/Way Home')).toEqual([]);
    expect((await sifter('tag', 'undo', '--workspace', dir)).stdout).toMatch(
      /^Undid: Remove Actors\/Way Home from \d+ items?\.\n$/,
    );
    expect(taggedWith(dir, 'Actors/Way Home')).toEqual(expected);
  });

  it('tag add/remove/rename/merge/delete with --ids on items stored directly', async () => {
    const dir = tempWorkspaceDir('sifter-cli-tag-');
    const ws = openWorkspace(dir);
    const [a, b, c] = seedCount(ws, 3) as [number, number, number];
    ws.close();

    expect((await sifter('tag', 'add', 'Protest', '--ids', `${a},${b}`, '--workspace', dir)).stdout).toBe(
      'Created Protest.\nTagged 2 items with Protest (--ids).\n',
    );
    expect((await sifter('tag', 'add', 'Picket', '--ids', `${b},${c},999`, '--workspace', dir)).stdout).toBe(
      'Created Picket.\nTagged 2 items with Picket (--ids); 1 item not in the workspace.\n',
    );
    expect((await sifter('tag', 'rename', 'Picket', 'Pickets', '--workspace', dir)).stdout).toBe(
      'Renamed Picket to Pickets.\n',
    );
    const merge = await sifter('tag', 'merge', 'Pickets', 'Protest', '--workspace', dir, '--json');
    expect(JSON.parse(merge.stdout)).toMatchObject({ path: 'Protest', count: 3 });
    expect(taggedWith(dir, 'Protest')).toEqual([a, b, c]);
    expect(taggedWith(dir, 'Pickets')).toEqual([]);

    expect((await sifter('tag', 'add', 'Protest/Moscow', '--workspace', dir)).stdout).toBe(
      'Created Protest/Moscow.\n',
    );
    const refused = await sifter('tag', 'delete', 'Protest', '--workspace', dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'sifter tag delete: "Protest" has 1 child tag ("Moscow"): say whether to delete them too or lift them up to the top level.\n',
    );
    expect((await sifter('tag', 'delete', 'Protest', '--children', 'lift', '--workspace', dir)).stdout).toBe(
      'Deleted Protest.\n',
    );
    expect((await sifter('tag', 'list', '--workspace', dir)).stdout).toBe('Moscow  0\n');
    expect((await sifter('tag', 'undo', '--workspace', dir)).stdout).toBe('Undid: Delete tag Protest.\n');
    expect(taggedWith(dir, 'Protest')).toEqual([a, b, c]);
  });

  it('explains mistakes: unknown tag, bad ids, both --ids and --query, missing name', async () => {
    const dir = tempWorkspaceDir('sifter-cli-tag-');
    expect(await sifter('tag', 'remove', 'Nowhere', '--ids', '1', '--workspace', dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'sifter tag remove: There is no tag "Nowhere".\n',
    });
    const badIds = await sifter('tag', 'add', 'X', '--ids', '1,two', '--workspace', dir);
    expect(badIds.code).toBe(2);
    expect(badIds.stderr).toMatch(/--ids takes item ids separated by commas \(e\.g\. 1,2,3\), not "two"/);
    const both = await sifter('tag', 'add', 'X', '--ids', '1', '--query', 'x', '--workspace', dir);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give either --ids or --query, not both/);
    expect((await sifter('tag', 'add', '--workspace', dir)).stderr).toMatch(/give the tag name or path/);
    expect((await sifter('tag', 'add', 'A//B', '--workspace', dir)).stderr).toBe(
      'sifter tag add: "A//B" has an empty level: write tag paths as "Parent/Child".\n',
    );
    // Nothing was created by the refused commands.
    expect((await sifter('tag', 'list', '--workspace', dir)).stdout).toBe(
      'No tags yet. Create one with `sifter tag add NAME`.\n',
    );
  });
});
