// Tagging calls: the tag tree, tags on items (one, toggled, or in bulk), clips, notes and undo.
import { z } from 'zod';
import { defineCall } from './define';
import type { BulkTagResult, ClipInfo, TagNode, TagRef, UndoEntry } from '../domain';

/** Upper bound of one bulk action ("select all N results"); one transaction either way. */
export const MAX_BULK_ITEMS = 200_000;

const id = z.number().int().positive();
/** A tag colour as #rrggbb. */
export const tagColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')
  .transform((c) => c.toLowerCase());
/** A tag path: names separated by "/" ("Actors/Way Home"); a single name is a top-level tag. */
export const tagPathSchema = z.string().trim().min(1, 'a tag name cannot be empty').max(1000);
const itemIds = z.array(id).min(1).max(MAX_BULK_ITEMS);

export const tagCalls = {
  /** Every tag, flat in tree order (parents first, siblings by name), with item counts. */
  'tags.list': defineCall<TagNode[]>()(z.object({}).strict()),
  /** Creates a tag from its path, creating missing parents. CONFLICT when it exists, unless ifMissing. */
  'tags.create': defineCall<{ tag: TagNode; created: TagRef[] }>()(
    z
      .object({
        path: tagPathSchema,
        color: tagColorSchema.optional(),
        ifMissing: z.boolean().default(false),
      })
      .strict(),
  ),
  'tags.rename': defineCall<TagNode>()(z.object({ id, name: z.string().trim().min(1).max(200) }).strict()),
  'tags.recolor': defineCall<TagNode>()(z.object({ id, color: tagColorSchema }).strict()),
  /** Moves a tag (and its subtree) under another tag, or to the top level with parentId null. */
  'tags.move': defineCall<TagNode>()(z.object({ id, parentId: id.nullable() }).strict()),
  /** Merges `sourceId` into `targetId`: links move over (each once), children are re-parented. */
  'tags.merge': defineCall<TagNode>()(z.object({ sourceId: id, targetId: id }).strict()),
  /**
   * Deletes a tag and its links. A tag with children needs `children`: 'delete' removes the whole
   * subtree, 'lift' moves the children up to the tag's parent. Without it the call is a CONFLICT.
   */
  'tags.delete': defineCall<{ deleted: TagRef[] }>()(
    z.object({ id, children: z.enum(['delete', 'lift']).optional() }).strict(),
  ),
  /** One tag by id, or by path ("Actors/Way Home", any case) or by a name no other tag has. */
  'tags.get': defineCall<TagNode>()(
    z
      .object({ id: id.optional(), path: tagPathSchema.optional() })
      .strict()
      .refine((r) => (r.id === undefined) !== (r.path === undefined), 'give either id or path'),
  ),
  /** Type-ahead over tag paths (prefix before substring). With create, a missing path is created. */
  'tags.search': defineCall<{ matches: TagNode[]; exact: TagNode | null; created: TagRef[] }>()(
    z
      .object({
        query: z.string().max(1000),
        limit: z.number().int().min(1).max(200).default(20),
        create: z.boolean().default(false),
      })
      .strict(),
  ),

  /** The tags of one item, sorted by path. */
  'tags.ofItem': defineCall<TagRef[]>()(z.object({ itemId: id }).strict()),
  /** Adds the tag when the item lacks it, removes it otherwise. `key` (1–9) means settings.pinnedTags[key-1]. */
  'tags.toggle': defineCall<{ tag: TagRef; tagged: boolean; tags: TagRef[] }>()(
    z
      .object({ itemId: id, tagId: id.optional(), key: z.number().int().min(1).max(9).optional() })
      .strict()
      .refine((r) => (r.tagId === undefined) !== (r.key === undefined), 'give either tagId or key'),
  ),
  /** Adds one tag to many items, in one transaction (a job with progress when large). */
  'tags.add': defineCall<BulkTagResult>()(z.object({ itemIds, tagId: id }).strict()),
  /** Removes one tag from many items, in one transaction. */
  'tags.remove': defineCall<BulkTagResult>()(z.object({ itemIds, tagId: id }).strict()),

  /**
   * Pins a tag to a key 1–9 (the key's previous tag is unpinned; the tag leaves any other key), or
   * unpins it with key null. Stored in settings.pinnedTags, where 0 marks an empty key. Returns the
   * tag on each key 1–9.
   */
  'tags.pin': defineCall<{ keys: (TagRef | null)[] }>()(
    z.object({ tagId: id, key: z.number().int().min(1).max(9).nullable() }).strict(),
  ),

  /** Undoes the most recent tagging action still in the log; null when there is nothing to undo. */
  'tags.undo': defineCall<{ undone: UndoEntry | null }>()(z.object({}).strict()),
  /** The undo log, newest first. */
  'tags.history': defineCall<UndoEntry[]>()(z.object({}).strict()),

  /**
   * Clips a span of an item's text (field 'text') or of its translation into `lang` (field
   * 'translation'). start/end are UTF-16 offsets; `quote` must equal the text between them.
   */
  'clips.create': defineCall<ClipInfo>()(
    z
      .object({
        itemId: id,
        field: z.enum(['text', 'translation']).default('text'),
        lang: z.string().min(2).max(8).optional(),
        start: z.number().int().min(0),
        end: z.number().int().min(0),
        quote: z.string().min(1).max(100_000),
        note: z.string().max(100_000).default(''),
        tagIds: z.array(id).max(100).default([]),
      })
      .strict()
      .refine((r) => r.end > r.start, 'end must be after start')
      .refine((r) => r.field === 'text' || r.lang !== undefined, 'a translation clip needs lang'),
  ),
  /** Changes a clip's note and/or replaces its tags. */
  'clips.update': defineCall<ClipInfo>()(
    z
      .object({ id, note: z.string().max(100_000).optional(), tagIds: z.array(id).max(100).optional() })
      .strict(),
  ),
  'clips.remove': defineCall<{ removed: boolean }>()(z.object({ id }).strict()),
  /** The clips of one item (by position), or those carrying a tag or any tag under it (newest first). */
  'clips.list': defineCall<ClipInfo[]>()(
    z
      .object({ itemId: id.optional(), tagId: id.optional() })
      .strict()
      .refine((r) => (r.itemId === undefined) !== (r.tagId === undefined), 'give either itemId or tagId'),
  ),

  'notes.get': defineCall<{ itemId: number; body: string | null; updatedAt: number | null }>()(
    z.object({ itemId: id }).strict(),
  ),
  /** Sets an item's note; an empty (or blank) body deletes it. */
  'notes.set': defineCall<{ itemId: number; body: string | null; updatedAt: number | null }>()(
    z.object({ itemId: id, body: z.string().max(1_000_000) }).strict(),
  ),
} as const;
