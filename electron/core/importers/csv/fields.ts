// How CSV columns map to Sifter fields. Monitoring tools (Meltwater, Talkwalker, Brandwatch,
// Medialogia, collectors' own scripts…) name the same things differently; headers are compared
// after normalising case, punctuation and spacing, and each field takes the first synonym found.

/** The Sifter fields a CSV column can map to (the keys of options.csvMap). */
export const CSV_FIELDS = [
  'id',
  'date',
  'title',
  'url',
  'text',
  'source',
  'author',
  'lang',
  'country',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Partial<Record<CsvField, string>>;

/** Synonyms per field, most specific first. */
const SYNONYMS: Record<CsvField, string[]> = {
  id: [
    'id',
    'post id',
    'item id',
    'document id',
    'article id',
    'message id',
    'mention id',
    'guid',
    'uid',
    'tweet id',
  ],
  date: [
    'date',
    'published',
    'published at',
    'published date',
    'publish date',
    'publication date',
    'date published',
    'pubdate',
    'datetime',
    'date time',
    'timestamp',
    'created',
    'created at',
    'created date',
    'posted',
    'posted at',
    'post date',
    'time',
    'дата',
    'дата публикации',
    'дата публікації',
    'время',
  ],
  title: ['headline', 'title', 'article title', 'post title', 'subject', 'heading', 'заголовок'],
  url: [
    'url',
    'link',
    'permalink',
    'article url',
    'post url',
    'source url',
    'web link',
    'uri',
    'href',
    'ссылка',
    'посилання',
  ],
  text: [
    'text',
    'content',
    'body',
    'full text',
    'article text',
    'post text',
    'message',
    'opening text',
    'snippet',
    'summary',
    'description',
    'caption',
    'hit sentence',
    'excerpt',
    'текст',
    'содержание',
    'зміст',
  ],
  source: [
    'source',
    'outlet',
    'media',
    'media outlet',
    'source name',
    'outlet name',
    'publication',
    'publisher',
    'site',
    'site name',
    'domain',
    'channel',
    'источник',
    'сми',
    'джерело',
    'змі',
  ],
  author: [
    'author',
    'authors',
    'byline',
    'author name',
    'writer',
    'creator',
    'journalist',
    'username',
    'user name',
    'screen name',
    'автор',
  ],
  lang: ['language', 'lang', 'locale', 'язык', 'мова'],
  country: ['country', 'source country', 'location', 'region', 'страна', 'країна'],
};

export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[_\-.:/()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The mapping recognised from the headers (each header used once, fields in CSV_FIELDS order). */
export function autoMapping(headers: readonly string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  const normalized = headers.map(normalizeHeader);
  for (const field of CSV_FIELDS) {
    for (const synonym of SYNONYMS[field]) {
      const index = normalized.findIndex((h, i) => h === synonym && !used.has(headers[i] ?? ''));
      if (index !== -1) {
        const header = headers[index] ?? '';
        mapping[field] = header;
        used.add(header);
        break;
      }
    }
  }
  return mapping;
}

/** Fields still needed before rows can be imported: something to read (text or a headline). */
export function missingFields(mapping: CsvMapping): CsvField[] {
  return mapping.text || mapping.title ? [] : ['text'];
}

export type MappingProblem =
  { kind: 'unknown-field'; field: string } | { kind: 'unknown-header'; field: CsvField; header: string };

/**
 * The auto mapping with the user's mapping laid over it (headers matched case-insensitively);
 * problems name what in the user's mapping does not fit this file.
 */
export function mergeMapping(
  headers: readonly string[],
  user: Record<string, string> | null | undefined,
): { mapping: CsvMapping; problems: MappingProblem[] } {
  const mapping = autoMapping(headers);
  const problems: MappingProblem[] = [];
  for (const [field, header] of Object.entries(user ?? {})) {
    if (!(CSV_FIELDS as readonly string[]).includes(field)) {
      problems.push({ kind: 'unknown-field', field });
      continue;
    }
    const wanted = normalizeHeader(header);
    const actual = headers.find((h) => h === header) ?? headers.find((h) => normalizeHeader(h) === wanted);
    if (!actual) {
      problems.push({ kind: 'unknown-header', field: field as CsvField, header });
      continue;
    }
    // A header the user assigned is taken away from any field the auto mapping gave it to.
    for (const other of CSV_FIELDS) if (mapping[other] === actual) delete mapping[other];
    mapping[field as CsvField] = actual;
  }
  return { mapping, problems };
}

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  russian: 'ru',
  ukrainian: 'uk',
  belarusian: 'be',
  spanish: 'es',
  german: 'de',
  french: 'fr',
  italian: 'it',
  polish: 'pl',
  portuguese: 'pt',
  dutch: 'nl',
  turkish: 'tr',
  arabic: 'ar',
  chinese: 'zh',
  japanese: 'ja',
  korean: 'ko',
  kazakh: 'kk',
  georgian: 'ka',
  armenian: 'hy',
  azerbaijani: 'az',
  romanian: 'ro',
  hungarian: 'hu',
  czech: 'cs',
  slovak: 'sk',
  bulgarian: 'bg',
  serbian: 'sr',
  croatian: 'hr',
  lithuanian: 'lt',
  latvian: 'lv',
  estonian: 'et',
  finnish: 'fi',
  swedish: 'sv',
  norwegian: 'no',
  danish: 'da',
  greek: 'el',
  hebrew: 'he',
  persian: 'fa',
  farsi: 'fa',
  hindi: 'hi',
  uzbek: 'uz',
  русский: 'ru',
  украинский: 'uk',
  английский: 'en',
  белорусский: 'be',
  русская: 'ru',
  російська: 'ru',
  українська: 'uk',
  англійська: 'en',
  білоруська: 'be',
};

/** An ISO 639-1 code from a language column ("English", "ru", "en-US", "Русский"); null when unknown. */
export function languageCode(value: string | null | undefined): string | null {
  const cleaned = (value ?? '').trim().toLowerCase();
  if (!cleaned) return null;
  const named = LANGUAGE_NAMES[cleaned];
  if (named) return named;
  const primary = cleaned.split(/[-_]/)[0] ?? '';
  return /^[a-z]{2}$/.test(primary) ? primary : null;
}
