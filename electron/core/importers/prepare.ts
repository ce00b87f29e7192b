// Work on a record before it reaches the database — language detection and the JSON columns —
// done on the import's parse thread (see parse-thread.ts) while the main thread fingerprints and
// writes the previous batch. (Fingerprints are computed by the store: that balances the two
// threads' work, and the store needs the shingles only there.)
import type { ImportRecord, ItemRecord } from './types';
import { detectLanguage } from './language';

export interface PreparedItem {
  sourceKey: string;
  /** The record without its structured columns (entities, media, extra, reactions): see the JSON fields. */
  item: Omit<ItemRecord, 'entities' | 'media' | 'extra' | 'reactions'>;
  lang: string | null;
  entitiesJson: string;
  mediaJson: string;
  extraJson: string;
  reactionsJson: string | null;
  /** Stored media path → the file to copy there, for media the export holds. */
  mediaSources: Record<string, string>;
}

/** What the pipeline consumes: importer records with items prepared. */
export type PreparedRecord =
  Exclude<ImportRecord, { type: 'item' }> | { type: 'item'; prepared: PreparedItem };

export function prepareItem(
  sourceKey: string,
  item: ItemRecord,
  mediaSources: Record<string, string>,
): PreparedItem {
  const lang = item.lang ?? detectLanguage(item.title ? `${item.title}\n${item.text}` : item.text);
  const media = item.media ?? [];
  const sources: Record<string, string> = {};
  for (const ref of media)
    if (ref.path && mediaSources[ref.path]) sources[ref.path] = mediaSources[ref.path]!;
  // The structured columns travel as JSON text only (one copy less to clone between threads).
  const { entities: _entities, media: _media, extra: _extra, reactions: _reactions, ...plain } = item;
  return {
    sourceKey,
    item: plain,
    lang,
    entitiesJson: JSON.stringify(item.entities ?? []),
    mediaJson: JSON.stringify(media),
    extraJson: JSON.stringify(item.extra ?? {}),
    reactionsJson: item.reactions ? JSON.stringify(item.reactions) : null,
    mediaSources: sources,
  };
}
