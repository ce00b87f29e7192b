// Copies: items of any source that repeat another item's text (exact copies) or nearly repeat it
// (a repost with a sentence changed or added — near copies), or share its URL. Copies stay
// separate items; they share items.copy_group so the UI can show "N copies" and search can
// collapse each group.
//
// Exact copies are found through the content hash of the normalised text. Near copies are found
// through a small sketch of each text — the hashes of its K smallest word 3-shingles (a bottom-k
// sketch) — stored in item_sketches: two texts that share most of their shingles, or one that
// contains the other, almost always share one of their smallest. Candidates are then verified on
// their actual shingles, so a chance collision never groups unrelated items.
import { createHash } from 'node:crypto';

/** Words of a text, lowercased, without punctuation: the basis of hashes and shingles. */
export function normalisedWords(text: string): string[] {
  // NFKC only matters for combining marks and compatibility forms; skipping it otherwise is faster.
  const normal = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return normal.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const NEEDS_NFKC =
  /\p{M}|[\u2000-\u200c\u200e-\u206f\u2100-\u218f\u2460-\u24ff\ufb00-\ufb4f\ufe10-\ufe6f\uff00-\uffef]/u;

/** Exact-copy grouping needs this much normalised text: "Да" or "Фото" repeated is no copy. */
export const MIN_EXACT_CHARS = 24;
/** Near-copy detection needs this many 3-shingles (six words). */
export const MIN_NEAR_SHINGLES = 4;
/** How many of a text's smallest shingle hashes its sketch keeps. */
export const SKETCH_SIZE = 6;

export interface TextFingerprint {
  /** Hash of the normalised text (hex), stored as items.content_hash. */
  hash: string;
  /** Whether the text is long enough for exact-copy grouping. */
  exactEligible: boolean;
  /** The sketch (smallest shingle hashes), empty when the text is too short for near copies. */
  sketch: number[];
  shingles: Set<number>;
}

/** FNV-1a over the UTF-16 units, then a final avalanche (murmur3 fmix32). */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes three word hashes into one shingle hash (no string building: this runs per word). */
function combine(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul((h ^ (h >>> 15) ^ b) >>> 0, 0xc2b2ae35);
  h = Math.imul((h ^ (h >>> 13) ^ c) >>> 0, 0x27d4eb2f);
  h ^= h >>> 16;
  return h >>> 0;
}

export function shingles(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  if (words.length < 3) return out;
  const hashes = words.map(hash32);
  for (let i = 0; i + 2 < hashes.length; i++) out.add(combine(hashes[i]!, hashes[i + 1]!, hashes[i + 2]!));
  return out;
}

export function fingerprint(text: string, title?: string | null): TextFingerprint {
  const words = normalisedWords(text);
  const titleWords = title ? normalisedWords(title) : [];
  const joined = words.join(' ');
  const hash = createHash('sha256')
    .update(titleWords.join(' '))
    .update('\n')
    .update(joined)
    .digest('hex')
    .slice(0, 32);
  const set = shingles(words);
  // A typed array sorts numerically without a comparator call per pair.
  const sketch =
    set.size >= MIN_NEAR_SHINGLES ? Array.from(Uint32Array.from(set).sort().subarray(0, SKETCH_SIZE)) : [];
  return { hash, exactEligible: joined.length >= MIN_EXACT_CHARS, sketch, shingles: set };
}

/**
 * Whether two texts are near copies: most shingles shared (Jaccard ≥ 0.4), or the shorter one
 * almost entirely contained in the longer one (a repost with a sentence added).
 */
export function isNearCopy(a: Set<number>, b: Set<number>): boolean {
  if (a.size < MIN_NEAR_SHINGLES || b.size < MIN_NEAR_SHINGLES) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  const jaccard = shared / (a.size + b.size - shared);
  const containment = shared / small.size;
  return jaccard >= 0.4 || (containment >= 0.8 && small.size / large.size >= 0.25);
}

/**
 * How two items of one copy group relate, for the reader's "copies" list: 'exact' when their
 * normalised texts (or URLs) are the same, 'near' otherwise.
 */
export function copySimilarity(
  a: { contentHash: string; url?: string | null },
  b: { contentHash: string; url?: string | null },
): 'exact' | 'near' {
  if (a.contentHash === b.contentHash) return 'exact';
  if (a.url && b.url && a.url === b.url) return 'exact';
  return 'near';
}
