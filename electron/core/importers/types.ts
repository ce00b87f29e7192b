// What every format importer produces. A format lives in its own folder under importers/ and
// exports an `Importer`: content detection plus a streaming parse into records. The import
// pipeline (importers/pipeline.ts) stores records, deduplicates, groups copies, detects languages,
// and owns transactions, progress and cancellation — importers never touch the database.
import type { ItemKind } from '../../../shared/domain';

/** A span of formatting or linking within an item's plain text (UTF-16 offsets, end exclusive). */
export interface TextEntity {
  type:
    | 'bold'
    | 'italic'
    | 'underline'
    | 'strikethrough'
    | 'code'
    | 'pre'
    | 'spoiler'
    | 'blockquote'
    | 'link' // the text itself is a URL
    | 'text_link' // the text links to `href`
    | 'hashtag'
    | 'cashtag'
    | 'mention'
    | 'mention_name'
    | 'email'
    | 'phone'
    | 'bot_command'
    | 'custom_emoji';
  offset: number;
  length: number;
  /** For links: an http(s) or mailto URL only — anything else is dropped at import. */
  href?: string;
}

export interface MediaRef {
  kind: 'photo' | 'video' | 'audio' | 'voice' | 'file' | 'sticker' | 'animation' | 'image';
  /** Path relative to the workspace's media/ folder when the file was copied, else null. */
  path: string | null;
  /** Name of the file as the archive referenced it. */
  name: string | null;
  mime?: string | null;
  /** True when the archive says the file was not included (Telegram's placeholder) or it is absent. */
  missing: boolean;
  width?: number;
  height?: number;
}

export interface ItemRecord {
  kind: ItemKind;
  /** Identity within the source: message id, entry guid, tweet id, page URL… */
  externalId: string;
  url: string | null;
  title?: string | null;
  author?: string | null;
  channel?: string | null;
  /** UTC epoch ms. */
  publishedAt: number | null;
  /** The archive gave a local time with no zone (old Telegram exports). */
  timeZoneUnknown?: boolean;
  /** ISO 639-1 when the archive says; otherwise the pipeline detects it. */
  lang?: string | null;
  text: string;
  /** Sanitized HTML (articles, feed entries with HTML content). Never raw archive HTML. */
  html?: string | null;
  entities?: TextEntity[];
  media?: MediaRef[];
  /** External id (same source) of the item this one replies to. */
  replyToExternalId?: string | null;
  forwardedFrom?: string | null;
  editedAt?: number | null;
  reactions?: { emoji: string; count: number }[] | null;
  /** Format-specific data worth keeping (poll, metrics, capture date, CSV extra columns…). */
  extra?: Record<string, unknown>;
}

export interface SourceRecord {
  /** Identity of the source across imports, e.g. `telegram:1234567890`, `feed:https://…`, `site:example.org`. */
  key: string;
  kind: 'telegram' | 'feed' | 'site' | 'x' | 'warc' | 'csv' | 'ndjson' | 'opml';
  name: string;
  username?: string | null;
  url?: string | null;
  meta?: Record<string, unknown>;
}

export type ImportRecord =
  | { type: 'source'; source: SourceRecord }
  /** An item of the source whose key is `sourceKey` (announced earlier by a `source` record). */
  | { type: 'item'; sourceKey: string; item: ItemRecord }
  /** A record that was deliberately not imported (service message, non-HTML WARC response…). */
  | { type: 'skipped'; reason: string }
  | { type: 'warning'; message: string };

/** One file handed to an importer: a real file on disk (zips are extracted, safely, beforehand). */
export interface InputFile {
  /** Absolute path on disk. */
  path: string;
  /** Name as the user knows it (relative to the dropped folder or zip), for messages. */
  displayName: string;
  size: number;
  /**
   * Further files of the same import, in order (a Telegram HTML export's messages2.html,
   * messages3.html…). Single-file formats never get any.
   */
  parts?: InputFile[];
}

export interface ImportOptions {
  /** Telegram channel username for permalinks (t.me/<username>/<id>). */
  username?: string | null;
  /** CSV column mapping: Sifter field → CSV header, for unknown header sets. */
  csvMap?: Record<string, string> | null;
}

export interface ImporterContext {
  signal: AbortSignal;
  options: ImportOptions;
  /**
   * Copies a media file that sits next to the input (relative path inside the export) into the
   * workspace's media/ folder; resolves to the stored relative path, or null when it is missing.
   * The pipeline guards the path: nothing outside the export folder is read.
   */
  copyMedia(relativePath: string): Promise<string | null>;
  /** Bytes parsed so far, for progress; importers call it as they stream. */
  reportBytes(bytesRead: number): void;
}

export interface DetectInput {
  /** The first bytes of the file (up to 64 KiB). */
  head: Buffer;
  /** File name, a hint only: detection is by content. */
  name: string;
}

export interface Importer {
  /** Stable format id shown in the import history, e.g. 'telegram-json', 'rss', 'warc'. */
  format: string;
  /** A human name, e.g. "Telegram Desktop export (JSON)". */
  label: string;
  /** Whether this file is in this format, judged from its content. */
  detect(input: DetectInput): boolean;
  /** Streams the file's records. Throws an ImportError (importers/errors.ts) on bad input. */
  parse(file: InputFile, ctx: ImporterContext): AsyncIterable<ImportRecord>;
}
