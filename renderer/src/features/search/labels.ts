// Words the UI uses for stored codes.
import type { ItemKind } from '../../../../shared/domain';

const KIND_LABELS: Record<ItemKind, string> = {
  post: 'Post',
  article: 'Article',
  tweet: 'Tweet',
  'feed-entry': 'Feed entry',
  row: 'CSV row',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind as ItemKind] ?? kind;
}

const languageNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** "ru" → "Russian (ru)"; unknown codes are shown as they are. */
export function languageLabel(code: string | null): string {
  if (!code) return 'unknown language';
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
