// Tagging actions the analyst starts from anywhere (keys, pickers, the bulk bar), with the notices
// that tell what happened. Each returns what changed, or null after showing why it failed.
import type { TagRef } from '../../../../shared/domain';
import { call, callOrNotify } from '../../app/api';
import { isMac } from '../../app/areas';
import { notify } from '../../app/notices';

const count = new Intl.NumberFormat();
const BRIEF_MS = 2500;

export function formatItems(n: number): string {
  return `${count.format(n)} ${n === 1 ? 'item' : 'items'}`;
}

/** Toggles the tag pinned to a key (1–9) on an item. */
export async function togglePinned(itemId: number, key: number): Promise<boolean | null> {
  const result = await call('tags.toggle', { itemId, key });
  if (!result.ok) {
    const nothingPinned = result.error.code === 'NOT_FOUND';
    notify({
      kind: nothingPinned ? 'info' : 'error',
      title: nothingPinned ? `Nothing is pinned to ${key}` : 'Could not tag the item',
      message: nothingPinned
        ? `${result.error.message} Pin a tag to a key in the Tags area.`
        : result.error.message,
    });
    return null;
  }
  const { tag, tagged } = result.value;
  notify({
    kind: 'success',
    title: tagged ? `Tagged ${tag.path}` : `Removed ${tag.path}`,
    timeoutMs: BRIEF_MS,
  });
  return tagged;
}

/** Adds the tag to the item when it lacks it, removes it otherwise. */
export async function toggleTag(itemId: number, tag: TagRef): Promise<boolean | null> {
  const value = await callOrNotify('tags.toggle', { itemId, tagId: tag.id }, `tag the item with ${tag.path}`);
  if (!value) return null;
  notify({
    kind: 'success',
    title: value.tagged ? `Tagged ${value.tag.path}` : `Removed ${value.tag.path}`,
    timeoutMs: BRIEF_MS,
  });
  return value.tagged;
}

/**
 * Adds or removes one tag over many items in one call: the back end does it in one transaction
 * (as a job with progress in the status bar beyond a thousand items), so it is all or nothing.
 */
export async function bulkTag(mode: 'add' | 'remove', itemIds: number[], tag: TagRef): Promise<boolean> {
  if (itemIds.length === 0) return false;
  const value = await callOrNotify(
    mode === 'add' ? 'tags.add' : 'tags.remove',
    { itemIds, tagId: tag.id },
    mode === 'add' ? `tag ${formatItems(itemIds.length)}` : `untag ${formatItems(itemIds.length)}`,
  );
  if (!value) return false;
  const already =
    value.unchanged > 0
      ? ` (${formatItems(value.unchanged)} ${mode === 'add' ? 'already had it' : 'did not have it'})`
      : '';
  notify({
    kind: 'success',
    title:
      mode === 'add'
        ? `Tagged ${formatItems(value.changed)} with ${value.tag.path}`
        : `Removed ${value.tag.path} from ${formatItems(value.changed)}`,
    message: `${already ? `${already.trim()} · ` : ''}${undoHint()} undoes it.`,
  });
  return true;
}

export function undoHint(): string {
  return isMac ? '⌘Z' : 'Ctrl+Z';
}

let undoing = false;

/** Undoes the newest tagging action and says which; repeated presses wait for the one running. */
export async function undoLast(): Promise<void> {
  if (undoing) return;
  undoing = true;
  try {
    const value = await callOrNotify('tags.undo', {}, 'undo');
    if (!value) return;
    notify(
      value.undone
        ? { kind: 'info', title: `Undone: ${value.undone.label}` }
        : {
            kind: 'info',
            title: 'Nothing to undo',
            message: 'No tagging action is left to undo.',
            timeoutMs: BRIEF_MS,
          },
    );
  } finally {
    undoing = false;
  }
}
