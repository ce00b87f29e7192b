// Translating items: sentences come from the translation memory where it knows them and from the
// engine otherwise; analyst-edited sentences are never touched; the result is stored per item and
// target language and handed to search as the item's extra text field "translation:<lang>".
import type { ItemTranslation } from '../../../shared/api/translate';
import type { Core } from '../core';
import { SifterError } from '../errors';
import { searchService } from '../search/service';
import { translateTexts } from './batches';
import { createEngine, type EngineChoice } from './engines';
import type { TranslationEngine } from './engines/types';
import { memoryKey, TranslationMemory, type MemoryEntry } from './memory';
import { secretStoreFor } from './secrets';
import {
  assemble,
  loadDraft,
  loadItem,
  saveDraft,
  type SourceItem,
  type StoredSegment,
  type TranslationDraft,
} from './store';

export interface ItemPlan {
  item: SourceItem;
  draft: TranslationDraft;
  /** Sentences the memory did not know, with their memory keys. */
  misses: { segment: StoredSegment; hash: string }[];
  fromMemory: number;
}

export interface EngineAnswers {
  /** memory key → translated text and its billed characters */
  byHash: Map<string, { text: string; billed: number }>;
  /** Hashes already credited to an item: a repeat in the same pool counts as memory, billed once. */
  claimed: Set<string>;
}

export async function engineFor(core: Core, choice: EngineChoice = {}): Promise<TranslationEngine> {
  return createEngine(core.settings.get(), secretStoreFor(core), choice);
}

/** Why an item has nothing to translate into `to`, or null when it has. */
export function skipReason(draft: TranslationDraft): string | null {
  if (draft.from && draft.from === draft.to) return `it is already in ${draft.to}`;
  if (draft.segments.length === 0) return 'it has no text';
  return null;
}

/** Loads an item's sentences and fills in what the memory knows; the rest are misses. */
export function planItem(core: Core, itemId: number, to: string, engine: TranslationEngine): ItemPlan {
  const ws = core.workspace;
  const item = loadItem(ws, itemId);
  const draft = loadDraft(ws, item, to);
  const open = draft.segments.filter((s) => !s.edited);
  const keyed = open.map((segment) => ({
    segment,
    hash: memoryKey(segment.source, draft.from, to, engine.variant),
  }));
  const known = new TranslationMemory(ws.db).lookup(keyed.map((k) => k.hash));
  const misses: ItemPlan['misses'] = [];
  let fromMemory = 0;
  for (const k of keyed) {
    const hit = known.get(k.hash);
    if (hit === undefined) {
      misses.push(k);
    } else {
      k.segment.target = hit;
      k.segment.engine = engine.variant;
      fromMemory++;
    }
  }
  return { item, draft, misses, fromMemory };
}

/** Asks the engine for the misses of one or more plans sharing a source language (each distinct sentence once). */
export async function askEngine(
  engine: TranslationEngine,
  plans: readonly ItemPlan[],
  from: string | null,
  to: string,
  signal?: AbortSignal,
): Promise<{ answers: EngineAnswers; requests: number }> {
  const unique = new Map<string, string>();
  for (const plan of plans)
    for (const m of plan.misses) if (!unique.has(m.hash)) unique.set(m.hash, m.segment.source);
  const byHash: EngineAnswers['byHash'] = new Map();
  if (unique.size === 0) return { answers: { byHash, claimed: new Set() }, requests: 0 };
  const hashes = [...unique.keys()];
  const outcome = await translateTexts(engine, [...unique.values()], from, to, signal);
  hashes.forEach((hash, i) =>
    byHash.set(hash, { text: outcome.texts[i] ?? '', billed: outcome.billed[i] ?? 0 }),
  );
  return { answers: { byHash, claimed: new Set() }, requests: outcome.requests };
}

/** Fills the plan's misses from the engine's answers, stores memory and translation, re-indexes. */
export async function completeItem(
  core: Core,
  plan: ItemPlan,
  answers: EngineAnswers,
  engine: TranslationEngine,
): Promise<ItemTranslation> {
  const ws = core.workspace;
  const { draft } = plan;
  const entries: MemoryEntry[] = [];
  let billedChars = 0;
  let fromEngine = 0;
  let fromMemory = plan.fromMemory;
  for (const m of plan.misses) {
    const answer = answers.byHash.get(m.hash);
    if (!answer) continue;
    m.segment.target = answer.text;
    m.segment.engine = engine.variant;
    // A sentence repeated in the item or in the pool was translated (and billed) once.
    if (answers.claimed.has(m.hash)) {
      fromMemory++;
      continue;
    }
    answers.claimed.add(m.hash);
    fromEngine++;
    billedChars += answer.billed;
    entries.push({
      hash: m.hash,
      from: draft.from,
      to: draft.to,
      variant: engine.variant,
      source: m.segment.source,
      target: answer.text,
      billedChars: answer.billed,
    });
  }
  draft.engine = engine.variant;
  ws.transaction(() => {
    // The analyst may have edited a sentence while the engine was working: their edit wins.
    const latest = loadDraft(ws, plan.item, draft.to);
    latest.segments.forEach((current, i) => {
      const mine = draft.segments[i];
      if (current.edited && mine && mine.source === current.source)
        Object.assign(mine, { target: current.target, engine: current.engine, edited: true });
    });
    // Empty answers are not remembered: the next attempt asks again.
    new TranslationMemory(ws.db).store(entries.filter((e) => e.target !== ''));
    draft.updatedAt = saveDraft(ws, draft);
    draft.stored = true;
  });
  const result = assemble(draft, { fromMemory, fromEngine, billedChars });
  await indexTranslation(core, result);
  return result;
}

/** Hands the stored translation to search and tells the windows showing the item. */
export async function indexTranslation(core: Core, translation: ItemTranslation): Promise<void> {
  const title = translation.title?.target ?? '';
  const text = [title, translation.text].filter((t) => t !== '').join('\n');
  await searchService(core).indexExtraText(translation.itemId, `translation:${translation.to}`, text);
  core.events.emit('translate.updated', { itemId: translation.itemId, to: translation.to });
}

/** Translates one item now (translate.item). */
export async function translateItem(
  core: Core,
  itemId: number,
  to: string,
  choice: EngineChoice = {},
  signal?: AbortSignal,
): Promise<ItemTranslation> {
  const engine = await engineFor(core, choice);
  const plan = planItem(core, itemId, to, engine);
  const skip = skipReason(plan.draft);
  if (skip) throw new SifterError('INVALID', `Item ${itemId} was not translated: ${skip}.`);
  const { answers } = await askEngine(engine, [plan], plan.draft.from, to, signal);
  return completeItem(core, plan, answers, engine);
}

export function getTranslation(core: Core, itemId: number, to: string): ItemTranslation {
  const ws = core.workspace;
  return assemble(loadDraft(ws, loadItem(ws, itemId), to));
}

/**
 * Sets one sentence by hand (index -1: the title). It is marked edited, so machine translation
 * leaves it alone; an empty text clears the mark and the sentence is translated again next time.
 */
export async function editSegment(
  core: Core,
  itemId: number,
  to: string,
  index: number,
  text: string,
): Promise<ItemTranslation> {
  const ws = core.workspace;
  const item = loadItem(ws, itemId);
  if (item.lang && item.lang === to) throw new SifterError('INVALID', `Item ${itemId} is already in ${to}.`);
  const draft = loadDraft(ws, item, to);
  const segment = draft.segments.find((s) =>
    index === -1 ? s.field === 'title' : s.field === 'text' && s.index === index,
  );
  if (!segment) {
    const count = draft.segments.filter((s) => s.field === 'text').length;
    throw new SifterError(
      'NOT_FOUND',
      index === -1
        ? `Item ${itemId} has no title.`
        : `Item ${itemId} has no sentence ${index} (it has ${count}).`,
    );
  }
  const typed = text.trim();
  segment.target = typed;
  segment.edited = typed !== '';
  segment.engine = typed === '' ? null : 'manual';
  draft.engine ??= 'manual';
  ws.transaction(() => {
    draft.updatedAt = saveDraft(ws, draft);
    draft.stored = true;
  });
  const result = assemble(draft);
  await indexTranslation(core, result);
  return result;
}

export function translationUsage(core: Core) {
  return new TranslationMemory(core.workspace.db).usage();
}
