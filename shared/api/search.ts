import { z } from 'zod';
import { defineCall } from './define';
import type { ItemDetail, ItemSummary, SavedSearch, SearchResult } from '../domain';

export const searchRequestSchema = z
  .object({
    query: z.string().max(10_000),
    sort: z.enum(['relevance', 'date']).default('relevance'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(0).max(1000).default(100),
    /** Show one hit per copy group (with "+N copies"). */
    collapseCopies: z.boolean().default(true),
    timelineBucket: z.enum(['day', 'week', 'auto']).default('auto'),
  })
  .strict();

export const searchCalls = {
  'search.query': defineCall<SearchResult>()(searchRequestSchema),
  /** Every matching item id (for "select all N results" and bulk actions). */
  'search.ids': defineCall<{ ids: number[]; total: number }>()(
    z.object({ query: z.string().max(10_000) }).strict(),
  ),

  'items.get': defineCall<ItemDetail>()(z.object({ id: z.number().int().positive() }).strict()),
  /** The items around one in its channel's timeline (older and newer), for "open in context". */
  'items.context': defineCall<{ before: ItemSummary[]; after: ItemSummary[] }>()(
    z
      .object({ id: z.number().int().positive(), radius: z.number().int().min(1).max(100).default(10) })
      .strict(),
  ),

  'saved.list': defineCall<SavedSearch[]>()(z.object({}).strict()),
  'saved.create': defineCall<SavedSearch>()(
    z.object({ name: z.string().trim().min(1).max(200), query: z.string().min(1).max(10_000) }).strict(),
  ),
  /** Marks a saved search as opened now: its new-match count drops to 0. */
  'saved.open': defineCall<SavedSearch>()(z.object({ id: z.number().int().positive() }).strict()),
  'saved.remove': defineCall<{ removed: boolean }>()(z.object({ id: z.number().int().positive() }).strict()),
} as const;
