// Pinned tags: the tags on keys 1–9, kept in settings.pinnedTags as a list of tag ids by key
// (index 0 is key 1). 0 marks a key with no tag, so unpinning key 2 does not shift key 3.
export const PIN_KEYS = 9;
const EMPTY = 0;

/** Trailing empty keys are dropped so the stored list stays short. */
function trim(keys: number[]): number[] {
  const out = [...keys];
  while (out.length > 0 && out[out.length - 1] === EMPTY) out.pop();
  return out;
}

/** The pinned list after putting `tagId` on `key` (1–9), or taking it off every key (null). */
export function pinTag(current: readonly number[], tagId: number, key: number | null): number[] {
  const keys = current.map((id) => (id === tagId ? EMPTY : id));
  if (key !== null) {
    while (keys.length < key) keys.push(EMPTY);
    keys[key - 1] = tagId;
  }
  return trim(keys);
}

/** The pinned list after merging `sourceId` into `targetId`: source's key now toggles the target. */
export function pinsAfterMerge(current: readonly number[], sourceId: number, targetId: number): number[] {
  if (!current.includes(sourceId)) return [...current];
  const targetPinned = current.includes(targetId);
  return trim(current.map((id) => (id === sourceId ? (targetPinned ? EMPTY : targetId) : id)));
}

/** The tag id on `key` (1–9), or undefined when the key is empty. */
export function tagOnKey(current: readonly number[], key: number): number | undefined {
  const id = current[key - 1];
  return id === undefined || id === EMPTY ? undefined : id;
}
