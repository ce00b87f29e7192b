// Migration 1: the first schema. Times are UTC epoch milliseconds; JSON columns hold plain JSON text.
export const initialSchema = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Where items come from: a Telegram chat, a feed, a site, an X account, a CSV/NDJSON collector.
-- "key" is the identity of the source across imports (e.g. "telegram:1234567890", "feed:<url>").
CREATE TABLE sources (
  id         INTEGER PRIMARY KEY,
  key        TEXT NOT NULL UNIQUE,
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,
  username   TEXT,
  url        TEXT,
  meta       TEXT NOT NULL DEFAULT '{}',
  created_at INTEGER NOT NULL
);

-- One row per imported file or folder, with its report.
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY,
  file        TEXT NOT NULL,
  format      TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled')),
  added       INTEGER NOT NULL DEFAULT 0,
  duplicates  INTEGER NOT NULL DEFAULT 0,
  skipped     INTEGER NOT NULL DEFAULT 0,
  warnings    TEXT NOT NULL DEFAULT '[]',
  error       TEXT,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  duration_ms INTEGER
);

CREATE TABLE items (
  id                 INTEGER PRIMARY KEY,
  source_id          INTEGER NOT NULL REFERENCES sources(id),
  import_id          INTEGER REFERENCES imports(id) ON DELETE SET NULL,
  kind               TEXT NOT NULL,
  external_id        TEXT NOT NULL,
  url                TEXT,
  title              TEXT,
  author             TEXT,
  channel            TEXT,
  published_at       INTEGER,
  time_zone_unknown  INTEGER NOT NULL DEFAULT 0,
  lang               TEXT,
  text               TEXT NOT NULL DEFAULT '',
  html               TEXT,
  entities           TEXT NOT NULL DEFAULT '[]',
  media              TEXT NOT NULL DEFAULT '[]',
  reply_to_external  TEXT,
  reply_to_item_id   INTEGER REFERENCES items(id) ON DELETE SET NULL,
  forwarded_from     TEXT,
  edited_at          INTEGER,
  reactions          TEXT,
  extra              TEXT NOT NULL DEFAULT '{}',
  content_hash       TEXT NOT NULL,
  copy_group         INTEGER,
  removed            INTEGER NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL,
  UNIQUE (source_id, external_id)
);
CREATE INDEX items_published ON items(published_at);
CREATE INDEX items_hash ON items(content_hash);
CREATE INDEX items_url ON items(url);
CREATE INDEX items_copy_group ON items(copy_group);
CREATE INDEX items_import ON items(import_id);
-- For ON DELETE SET NULL of replies when items are removed (without it, a scan per deleted item).
CREATE INDEX items_reply ON items(reply_to_item_id) WHERE reply_to_item_id IS NOT NULL;

-- Near-copy sketches (importers/copies.ts): the smallest word-shingle hashes of each item's text.
-- Removing an import deletes its items' rows here (no FK: a cascade would need a second index).
CREATE TABLE item_sketches (
  hash    INTEGER NOT NULL,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (hash, item_id)
) WITHOUT ROWID;

-- AUTOINCREMENT: a deleted tag's id is never reused, so an undo can bring it back under the same
-- id and a pinned-tag id (settings.pinnedTags) never silently points at another tag.
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT NOT NULL,
  color      TEXT NOT NULL DEFAULT '#888888',
  parent_id  INTEGER REFERENCES tags(id) ON DELETE RESTRICT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX tags_name_in_parent ON tags(COALESCE(parent_id, 0), name);

CREATE TABLE item_tags (
  item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX item_tags_tag ON item_tags(tag_id);

-- A quoted span of an item (of its original text or of a translation), with a note and tags.
CREATE TABLE clips (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field       TEXT NOT NULL DEFAULT 'text',
  start       INTEGER NOT NULL,
  end         INTEGER NOT NULL,
  quote       TEXT NOT NULL,
  note        TEXT NOT NULL DEFAULT '',
  created_at  INTEGER NOT NULL,
  CHECK (end >= start)
);
CREATE INDEX clips_item ON clips(item_id);

CREATE TABLE clip_tags (
  clip_id INTEGER NOT NULL REFERENCES clips(id) ON DELETE CASCADE,
  tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (clip_id, tag_id)
) WITHOUT ROWID;

CREATE TABLE notes (
  item_id    INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
  body       TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- The undo log of tagging actions (tag/untag, bulk, tree edits, clips, notes), newest last and
-- bounded in size. "ops" is JSON: the inverse operations that undo the action, applied in order.
CREATE TABLE tag_undo (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  label      TEXT NOT NULL,
  ops        TEXT NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE saved_searches (
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL UNIQUE,
  query            TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  last_opened_at   INTEGER,
  -- the highest item id seen when the search was last opened: newer matches are "new"
  seen_max_item_id INTEGER NOT NULL DEFAULT 0
);

-- A translation of one item into one language: aligned segments as JSON
-- ([{source, target, edited}] per paragraph/sentence), engine and whether the analyst edited it.
CREATE TABLE translations (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  target_lang TEXT NOT NULL,
  source_lang TEXT,
  engine      TEXT NOT NULL,
  segments    TEXT NOT NULL DEFAULT '[]',
  edited      INTEGER NOT NULL DEFAULT 0,
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  UNIQUE (item_id, target_lang)
);

-- Extra searchable text of an item beside its own (e.g. field 'translation:en'), indexed by search;
-- hits that match only here are marked matchedIn 'translation'.
CREATE TABLE search_extra (
  item_id    INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  field      TEXT NOT NULL,
  text       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, field)
) WITHOUT ROWID;

-- Sentence cache keyed by hash(normalised text, source, target, engine + variant).
CREATE TABLE translation_memory (
  hash          TEXT PRIMARY KEY,
  source_lang   TEXT NOT NULL,
  target_lang   TEXT NOT NULL,
  engine        TEXT NOT NULL,
  source_text   TEXT NOT NULL,
  target_text   TEXT NOT NULL,
  billed_chars  INTEGER NOT NULL DEFAULT 0,
  created_at    INTEGER NOT NULL
);
`;
