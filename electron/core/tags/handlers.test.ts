// The tagging calls through the real dispatcher and Core: validation, errors as data, events, jobs.
import type { ApiEvents, EventName, Method, Req, Res, Result } from '../../../shared/api';
import { dispatch } from '../api';
import { Core } from '../core';
import { seedCount, tempWorkspaceDir } from './testing';

type Seen = { event: EventName; payload: unknown }[];

function makeCore(): { core: Core; seen: Seen } {
  const core = new Core({ mode: 'cli', workspaceDir: tempWorkspaceDir(), version: 'test', recentFile: null });
  const seen: Seen = [];
  core.events.subscribe((event, payload) => seen.push({ event, payload }));
  return { core, seen };
}

async function call<M extends Method>(core: Core, method: M, req: Req<M>): Promise<Res<M>> {
  const res = (await dispatch(core, method, req)) as Result<Res<M>>;
  if (!res.ok) throw new Error(`${method} failed: ${res.error.code} ${res.error.message}`);
  return res.value;
}

async function failure(core: Core, method: Method, req: unknown): Promise<{ code: string; message: string }> {
  const res = await dispatch(core, method, req);
  if (res.ok) throw new Error(`${method} unexpectedly succeeded`);
  return res.error;
}

describe('tagging calls', () => {
  it('builds a tree, tags with pinned keys and lists counts', async () => {
    const { core, seen } = makeCore();
    const [a, b] = seedCount(core.workspace, 2) as [number, number];
    const { tag, created } = await call(core, 'tags.create', { path: 'Actors/Way Home', color: '#AA0000' });
    expect(created.map((t) => t.path)).toEqual(['Actors', 'Actors/Way Home']);
    expect(tag).toMatchObject({ path: 'Actors/Way Home', color: '#aa0000', count: 0, depth: 1 });
    expect(await failure(core, 'tags.create', { path: 'actors/way home' })).toEqual({
      code: 'CONFLICT',
      message: 'The tag "Actors/Way Home" already exists.',
    });

    expect(await failure(core, 'tags.toggle', { itemId: a, key: 1 })).toEqual({
      code: 'NOT_FOUND',
      message: 'No tag is pinned to key 1.',
    });
    core.settings.update({ pinnedTags: [tag.id] });
    const toggled = await call(core, 'tags.toggle', { itemId: a, key: 1 });
    expect(toggled).toMatchObject({ tagged: true, tags: [{ path: 'Actors/Way Home' }] });
    expect(seen).toContainEqual({
      event: 'tags.changed',
      payload: { what: 'items', label: 'Tagged with Actors/Way Home', itemIds: [a] },
    });
    expect(seen).toContainEqual({
      event: 'workspace.changed',
      payload: { dir: core.workspace.paths.dir, reason: 'tagged' },
    });
    await call(core, 'tags.toggle', { itemId: b, tagId: tag.id });
    expect(await failure(core, 'tags.toggle', { itemId: b })).toMatchObject({ code: 'INVALID' });

    const list = await call(core, 'tags.list', {});
    expect(list.map((n) => [n.path, n.count, n.totalCount, n.pinnedKey])).toEqual([
      ['Actors', 0, 2, null],
      ['Actors/Way Home', 2, 2, 1],
    ]);
    expect(await call(core, 'tags.ofItem', { itemId: b })).toEqual([
      { id: tag.id, name: 'Way Home', path: 'Actors/Way Home', color: '#aa0000' },
    ]);
    expect((await call(core, 'tags.get', { path: 'way home' })).id).toBe(tag.id);
    await core.close();
  });

  it('runs a large bulk action as a job with progress, and undo takes it back', async () => {
    const { core, seen } = makeCore();
    const ids = seedCount(core.workspace, 3_000);
    const { tag } = await call(core, 'tags.create', { path: 'Mobilisation' });
    const result = await call(core, 'tags.add', { itemIds: ids, tagId: tag.id });
    expect(result).toMatchObject({ changed: 3_000, unchanged: 0, missing: 0 });
    const jobs = seen
      .filter((s) => s.event === 'job.progress')
      .map((s) => s.payload as ApiEvents['job.progress']);
    expect(jobs[0]).toMatchObject({
      kind: 'tag',
      state: 'running',
      title: 'Tagging 3000 items with Mobilisation',
    });
    expect(jobs.at(-1)).toMatchObject({ kind: 'tag', state: 'done', done: 3_000, total: 3_000 });
    // Too many items to list in the event: listeners refetch.
    expect(seen).toContainEqual({
      event: 'tags.changed',
      payload: { what: 'items', label: 'Tagged 3000 items with Mobilisation', itemIds: null },
    });

    expect(await call(core, 'tags.history', {})).toMatchObject([
      { label: 'Tag 3,000 items with Mobilisation' },
      { label: 'Create tag Mobilisation' },
    ]);
    const { undone } = await call(core, 'tags.undo', {});
    expect(undone?.label).toBe('Tag 3,000 items with Mobilisation');
    expect((await call(core, 'tags.get', { id: tag.id })).count).toBe(0);
    await core.close();
  });

  it('refuses bad requests before touching anything', async () => {
    const { core } = makeCore();
    const [item] = seedCount(core.workspace, 1) as [number];
    const { tag } = await call(core, 'tags.create', { path: 'Actors/Way Home' });
    const parent = tag.parentId ?? 0;
    expect(await failure(core, 'tags.delete', { id: parent })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/has 1 child tag/),
    });
    expect(await failure(core, 'tags.recolor', { id: tag.id, color: 'red' })).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/#rrggbb/),
    });
    expect(await failure(core, 'tags.add', { itemIds: [], tagId: tag.id })).toMatchObject({
      code: 'INVALID',
    });
    expect(await failure(core, 'tags.move', { id: parent, parentId: tag.id })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await failure(core, 'clips.create', { itemId: item, start: 5, end: 2, quote: 'x' })).toMatchObject(
      {
        code: 'INVALID',
        message: expect.stringMatching(/end must be after start/),
      },
    );
    expect(
      await failure(core, 'clips.create', { itemId: item, start: 0, end: 4, quote: 'Nope' }),
    ).toMatchObject({
      code: 'INVALID',
      message: `The quote does not match item ${item}'s text at 0–4: the text there is "Post".`,
    });
    expect(await failure(core, 'notes.get', { itemId: 999 })).toMatchObject({ code: 'NOT_FOUND' });
    expect((await call(core, 'tags.list', {})).length).toBe(2);
    expect(await call(core, 'tags.history', {})).toHaveLength(1);
    await core.close();
  });

  it('pins tags to keys without shifting the others, and a merged tag keeps its key', async () => {
    const { core, seen } = makeCore();
    const [item] = seedCount(core.workspace, 1) as [number];
    const a = (await call(core, 'tags.create', { path: 'A' })).tag;
    const b = (await call(core, 'tags.create', { path: 'B' })).tag;
    const c = (await call(core, 'tags.create', { path: 'C' })).tag;
    await call(core, 'tags.pin', { tagId: a.id, key: 1 });
    await call(core, 'tags.pin', { tagId: b.id, key: 2 });
    const { keys } = await call(core, 'tags.pin', { tagId: c.id, key: 3 });
    expect(keys.map((k) => k?.path ?? null)).toEqual(['A', 'B', 'C', null, null, null, null, null, null]);
    expect(seen.some((s) => s.event === 'settings.changed')).toBe(true);

    const unpinned = await call(core, 'tags.pin', { tagId: b.id, key: null });
    expect(unpinned.keys.slice(0, 3).map((k) => k?.path ?? null)).toEqual(['A', null, 'C']);
    expect(await failure(core, 'tags.toggle', { itemId: item, key: 2 })).toEqual({
      code: 'NOT_FOUND',
      message: 'No tag is pinned to key 2.',
    });
    expect((await call(core, 'tags.toggle', { itemId: item, key: 3 })).tag.path).toBe('C');

    // Moving a tag to another key frees its old one.
    expect(
      (await call(core, 'tags.pin', { tagId: a.id, key: 5 })).keys.map((k) => k?.path ?? null).slice(0, 5),
    ).toEqual([null, null, 'C', null, 'A']);
    await call(core, 'tags.merge', { sourceId: c.id, targetId: b.id });
    expect(core.settings.get().pinnedTags).toEqual([0, 0, b.id, 0, a.id]);
    expect((await call(core, 'tags.toggle', { itemId: item, key: 3 })).tag.path).toBe('B');
    const list = await call(core, 'tags.list', {});
    expect(list.map((n) => [n.path, n.pinnedKey])).toEqual([
      ['A', 5],
      ['B', 3],
    ]);
    await core.close();
  });

  it('type-ahead finds tags by path prefix and substring, and creates one when asked', async () => {
    const { core } = makeCore();
    for (const path of ['Actors/Way Home', 'Actors/Bloggers', 'Places/Moscow', 'Home front'])
      await call(core, 'tags.create', { path });
    const byLevels = await call(core, 'tags.search', { query: 'act/wa' });
    expect(byLevels.matches.map((m) => m.path)).toEqual(['Actors/Way Home']);
    const halfTyped = await call(core, 'tags.search', { query: 'Actors/' });
    expect(halfTyped.matches.map((m) => m.path)).toEqual(['Actors/Bloggers', 'Actors/Way Home']);
    expect(halfTyped.exact).toBeNull();
    expect(await failure(core, 'tags.search', { query: 'Actors/', create: true })).toMatchObject({
      code: 'INVALID',
      message: expect.stringMatching(/empty level/),
    });
    const home = await call(core, 'tags.search', { query: 'home' });
    expect(home.matches.map((m) => m.path)).toEqual(['Home front', 'Actors/Way Home']);
    expect(home.exact).toBeNull();
    const made = await call(core, 'tags.search', { query: 'Places/Kyiv', create: true });
    expect(made.created.map((t) => t.path)).toEqual(['Places/Kyiv']);
    expect(made.exact?.path).toBe('Places/Kyiv');
    expect(made.matches[0]?.path).toBe('Places/Kyiv');
    const again = await call(core, 'tags.search', { query: 'places/kyiv', create: true });
    expect(again.created).toEqual([]);
    expect(again.exact?.id).toBe(made.exact?.id);
    await core.close();
  });

  it('clips and notes through the calls', async () => {
    const { core, seen } = makeCore();
    const [item] = seedCount(core.workspace, 1) as [number];
    const { tag } = await call(core, 'tags.create', { path: 'Quotes' });
    const clip = await call(core, 'clips.create', {
      itemId: item,
      start: 5,
      end: 11,
      quote: 'number',
      note: 'why',
      tagIds: [tag.id],
    });
    expect(await call(core, 'clips.list', { tagId: tag.id })).toEqual([clip]);
    expect(await call(core, 'clips.list', { itemId: item })).toEqual([clip]);
    expect((await call(core, 'tags.get', { id: tag.id })).clipCount).toBe(1);
    expect(await call(core, 'notes.set', { itemId: item, body: 'Follow up' })).toMatchObject({
      body: 'Follow up',
    });
    expect(await call(core, 'notes.get', { itemId: item })).toMatchObject({ body: 'Follow up' });
    expect(
      seen.filter((s) => s.event === 'tags.changed').map((s) => (s.payload as { what: string }).what),
    ).toEqual(['tree', 'clips', 'notes']);
    expect((await call(core, 'tags.undo', {})).undone?.label).toBe(`Edit the note of item ${item}`);
    expect(await call(core, 'notes.get', { itemId: item })).toMatchObject({ body: null });
    expect(await call(core, 'clips.remove', { id: clip.id })).toEqual({ removed: true });
    expect(await call(core, 'clips.list', { itemId: item })).toEqual([]);
    await core.close();
  });
});
