// The query language at a glance, for the in-app help popover (and kept in step with
// QUERY-LANGUAGE.md). Each entry is an example the UI can insert into the query box.

export interface QueryHelpEntry {
  syntax: string;
  meaning: string;
}

export const QUERY_HELP: readonly QueryHelpEntry[] = [
  {
    syntax: 'мобилизация жены',
    meaning:
      'Both words, in any form (stemmed in Russian, Ukrainian and English); case, ё/е, accents and apostrophes are ignored',
  },
  { syntax: '"front line"', meaning: 'The exact phrase, checked against the stored text' },
  { syntax: 'путин OR зеленский', meaning: 'Either word (OR binds tighter than AND)' },
  { syntax: 'мобилизация -москва  /  NOT москва', meaning: 'Leave out items with a word' },
  { syntax: '+санкции', meaning: 'The word is required (words are required anyway)' },
  { syntax: '(путин OR кремль) мобилизация', meaning: 'Group with parentheses' },
  { syntax: 'мобилиз*', meaning: 'Words starting with…' },
  { syntax: 'обстрял~1', meaning: 'Words within 1 (or ~2) typing mistakes' },
  {
    syntax: '"жены мобилизованных"~5  /  жены NEAR/5 мобилизованных',
    meaning: 'Words within 5 words of each other, in any order',
  },
  {
    syntax: 'channel:"Ждём домой (тестовый канал)"  /  channel:ждем',
    meaning: 'A channel by name, username or a word of its name',
  },
  { syntax: 'author:ivanova', meaning: 'By author' },
  { syntax: 'lang:uk', meaning: 'Language (ISO 639-1: ru, uk, en, es…)' },
  { syntax: 'kind:article', meaning: 'post, article, tweet, feed-entry or row' },
  { syntax: 'source:feed', meaning: 'A source by kind or name' },
  { syntax: 'tag:Actors  /  -tag:Noise', meaning: 'Tagged (a parent tag includes its children), or not' },
  { syntax: 'has:clip  has:note  untagged', meaning: 'Items with clips, with a note, with no tag' },
  {
    syntax: 'date:2023-12-01..2023-12-31  date:2023-12',
    meaning: 'Published in a range of days (in your time zone from Settings, else UTC)',
  },
  { syntax: 'after:2023-12-01  before:2024-01-01', meaning: 'On or after a day / before a day' },
  { syntax: '@username  #hashtag  https://site/page', meaning: 'Mentions, hashtags and links as written' },
];
