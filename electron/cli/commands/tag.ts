// `sifter tag list|add|remove|rename|merge|delete|undo`: the tag tree and bulk tagging from the
// command line. Every action goes through the same handler map as the app (dispatch), so it is
// validated, logged for undo and stored exactly as a click in the UI would be.
import { UsageError, type Command, type CommandContext } from '../command';
import type { Core } from '../../core/core';
import { dispatch } from '../../core/api';
import { SifterError } from '../../core/errors';
import type { Method, Req, Res, Result } from '../../../shared/api';
import type { BulkTagResult, TagNode } from '../../../shared/domain';
import { openCliCore, parseIds } from '../args';

async function withCore<T>(ctx: CommandContext, work: (core: Core) => Promise<T>): Promise<T> {
  const core = openCliCore(ctx);
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** One call through the handler map; an error result becomes a SifterError (exit code 1, or 2 for INVALID). */
async function call<M extends Method>(core: Core, method: M, req: Req<M>): Promise<Res<M>> {
  const res = (await dispatch(core, method, req)) as Result<Res<M>>;
  if (!res.ok) throw new SifterError(res.error.code, res.error.message);
  return res.value;
}

/** The items a bulk command acts on: --ids, or every item --query matches; undefined when neither is given. */
async function targetItems(
  core: Core,
  ctx: CommandContext,
): Promise<{ ids: number[]; from: string } | undefined> {
  const { ids, query } = ctx.flags;
  if (typeof ids === 'string' && typeof query === 'string')
    throw new UsageError('give either --ids or --query, not both');
  if (typeof ids === 'string') return { ids: parseIds(ids), from: '--ids' };
  if (typeof query !== 'string') return undefined;
  const res = await dispatch(core, 'search.ids', { query });
  if (!res.ok) {
    if (res.error.code === 'UNSUPPORTED') {
      throw new SifterError(
        'UNSUPPORTED',
        `--query needs search, which this build cannot run yet (${res.error.message}). Pass the items with --ids instead.`,
      );
    }
    throw new SifterError(res.error.code, `--query "${query}": ${res.error.message}`);
  }
  return { ids: (res.value as Res<'search.ids'>).ids, from: `query "${query}"` };
}

function onePositional(ctx: CommandContext, what: string): string {
  const [value, extra] = ctx.positionals;
  if (value === undefined || value.trim() === '') throw new UsageError(`give the ${what}`);
  if (extra !== undefined)
    throw new UsageError(`unexpected argument "${extra}" (quote a tag path with spaces: "Actors/Way Home")`);
  return value;
}

function twoPositionals(ctx: CommandContext, first: string, second: string): [string, string] {
  const [a, b, extra] = ctx.positionals;
  if (a === undefined || b === undefined) throw new UsageError(`give the ${first} and the ${second}`);
  if (extra !== undefined)
    throw new UsageError(`unexpected argument "${extra}" (quote a tag path with spaces: "Actors/Way Home")`);
  return [a, b];
}

const json = (ctx: CommandContext, value: unknown): void => ctx.io.stdout(JSON.stringify(value) + '\n');
const items = (n: number): string => `${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'}`;

function bulkSummary(verb: 'Tagged' | 'Untagged', result: BulkTagResult, from: string): string {
  const extra = [
    result.unchanged > 0
      ? `${items(result.unchanged)} ${verb === 'Tagged' ? 'already had it' : 'did not have it'}`
      : '',
    result.missing > 0 ? `${items(result.missing)} not in the workspace` : '',
  ].filter(Boolean);
  return `${verb} ${items(result.changed)} ${verb === 'Tagged' ? 'with' : 'from'} ${result.tag.path} (${from})${extra.length ? `; ${extra.join(', ')}` : ''}.\n`;
}

export const tagList: Command = {
  name: 'tag list',
  summary: 'List the tag tree with item counts',
  usage: 'sifter tag list --workspace DIR [--json]',
  options: { json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const nodes = await call(core, 'tags.list', {});
      if (ctx.flags.json) json(ctx, nodes);
      else if (nodes.length === 0) ctx.io.stdout('No tags yet. Create one with `sifter tag add NAME`.\n');
      else ctx.io.stdout(nodes.map(treeLine).join('\n') + '\n');
      return 0;
    }),
};

function treeLine(node: TagNode): string {
  const counts =
    node.totalCount !== node.count ? `${node.count} (${node.totalCount} with sub-tags)` : String(node.count);
  const extras = [
    node.clipCount > 0 ? `${node.clipCount} clip${node.clipCount === 1 ? '' : 's'}` : '',
    node.pinnedKey ? `key ${node.pinnedKey}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${'  '.repeat(node.depth)}${node.name}  ${counts}${extras ? `  [${extras}]` : ''}`;
}

export const tagAdd: Command = {
  name: 'tag add',
  summary: 'Create a tag (and its parents) and apply it to items by --ids or --query',
  usage: 'sifter tag add NAME|PATH --workspace DIR [--ids 1,2,… | --query Q] [--color #rrggbb] [--json]',
  options: {
    ids: { type: 'string' },
    query: { type: 'string' },
    color: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const path = onePositional(ctx, 'tag name or path (e.g. "Actors/Way Home")');
      // Items first: a query that cannot run must not leave a new, empty tag behind.
      const target = await targetItems(core, ctx);
      const color = typeof ctx.flags.color === 'string' ? ctx.flags.color : undefined;
      const { tag, created } = await call(core, 'tags.create', { path, color, ifMissing: true });
      const result =
        target && target.ids.length > 0
          ? await call(core, 'tags.add', { itemIds: target.ids, tagId: tag.id })
          : null;
      if (ctx.flags.json) {
        json(ctx, {
          tag: await call(core, 'tags.get', { id: tag.id }),
          created,
          matched: target?.ids.length ?? 0,
          changed: result?.changed ?? 0,
          unchanged: result?.unchanged ?? 0,
          missing: result?.missing ?? 0,
        });
        return 0;
      }
      if (created.length > 0) ctx.io.stdout(`Created ${created.map((t) => t.path).join(', ')}.\n`);
      if (result && target) ctx.io.stdout(bulkSummary('Tagged', result, target.from));
      else if (target) ctx.io.stdout(`Nothing matched ${target.from}; no item was tagged.\n`);
      else if (created.length === 0)
        ctx.io.stdout(`${tag.path} already exists; pass --ids or --query to tag items.\n`);
      return 0;
    }),
};

export const tagRemove: Command = {
  name: 'tag remove',
  summary: 'Remove a tag from items by --ids or --query (the tag itself stays)',
  usage: 'sifter tag remove NAME|PATH --workspace DIR (--ids 1,2,… | --query Q) [--json]',
  options: { ids: { type: 'string' }, query: { type: 'string' }, json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const path = onePositional(ctx, 'tag name or path');
      const tag = await call(core, 'tags.get', { path });
      const target = await targetItems(core, ctx);
      if (!target)
        throw new UsageError(
          'give the items with --ids or --query (to delete the tag itself: sifter tag delete)',
        );
      const result: BulkTagResult =
        target.ids.length > 0
          ? await call(core, 'tags.remove', { itemIds: target.ids, tagId: tag.id })
          : {
              tag: { id: tag.id, name: tag.name, path: tag.path, color: tag.color },
              changed: 0,
              unchanged: 0,
              missing: 0,
            };
      if (ctx.flags.json) json(ctx, { ...result, matched: target.ids.length });
      else ctx.io.stdout(bulkSummary('Untagged', result, target.from));
      return 0;
    }),
};

export const tagRename: Command = {
  name: 'tag rename',
  summary: 'Rename a tag (it keeps its place in the tree)',
  usage: 'sifter tag rename NAME|PATH NEW-NAME --workspace DIR [--json]',
  options: { json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const [path, name] = twoPositionals(ctx, 'tag to rename', 'new name');
      const tag = await call(core, 'tags.get', { path });
      const renamed = await call(core, 'tags.rename', { id: tag.id, name });
      if (ctx.flags.json) json(ctx, renamed);
      else ctx.io.stdout(`Renamed ${tag.path} to ${renamed.path}.\n`);
      return 0;
    }),
};

export const tagMerge: Command = {
  name: 'tag merge',
  summary: 'Merge a tag into another (its items, clips and sub-tags move over)',
  usage: 'sifter tag merge SOURCE TARGET --workspace DIR [--json]',
  options: { json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const [from, into] = twoPositionals(ctx, 'tag to merge', 'tag to merge it into');
      const source = await call(core, 'tags.get', { path: from });
      const target = await call(core, 'tags.get', { path: into });
      const merged = await call(core, 'tags.merge', { sourceId: source.id, targetId: target.id });
      if (ctx.flags.json) json(ctx, merged);
      else ctx.io.stdout(`Merged ${source.path} into ${merged.path}: it now tags ${items(merged.count)}.\n`);
      return 0;
    }),
};

export const tagDelete: Command = {
  name: 'tag delete',
  summary: 'Delete a tag (undo with `sifter tag undo`)',
  usage: 'sifter tag delete NAME|PATH --workspace DIR [--children delete|lift] [--json]',
  options: { children: { type: 'string' }, json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const path = onePositional(ctx, 'tag name or path');
      const children = ctx.flags.children;
      if (children !== undefined && children !== 'delete' && children !== 'lift') {
        throw new UsageError(
          '--children is "delete" (remove the sub-tags too) or "lift" (move them up a level)',
        );
      }
      const tag = await call(core, 'tags.get', { path });
      const { deleted } = await call(core, 'tags.delete', { id: tag.id, children });
      if (ctx.flags.json) json(ctx, { deleted });
      else ctx.io.stdout(`Deleted ${deleted.map((t) => t.path).join(', ')}.\n`);
      return 0;
    }),
};

export const tagUndo: Command = {
  name: 'tag undo',
  summary: 'Undo the last tagging action',
  usage: 'sifter tag undo --workspace DIR [--json]',
  options: { json: { type: 'boolean' } },
  run: (ctx) =>
    withCore(ctx, async (core) => {
      const { undone } = await call(core, 'tags.undo', {});
      if (ctx.flags.json) json(ctx, { undone });
      else ctx.io.stdout(undone ? `Undid: ${undone.label}.\n` : 'Nothing to undo.\n');
      return 0;
    }),
};

export const tagCommands: Command[] = [tagList, tagAdd, tagRemove, tagRename, tagMerge, tagDelete, tagUndo];
