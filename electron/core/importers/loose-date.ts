// Date parsing for the many shapes feeds, exports and collectors write dates in. Never uses the
// machine's local time zone: a time written without a zone is read as UTC and flagged, so the
// result does not depend on where Sifter runs.

export interface ParsedDate {
  /** UTC epoch ms. */
  ms: number;
  /** False when the text carried no zone (the time was read as UTC). */
  zoneKnown: boolean;
}

const MONTHS: Record<string, number> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  sept: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

/** Offsets of the zone names RFC 822 allows (and a few that feeds use anyway), in minutes. */
const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  MSK: 180,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  BST: 60,
};

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (!zone) return null;
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) {
    const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
    return numeric[1] === '-' ? -minutes : minutes;
  }
  return ZONES[zone.toUpperCase()] ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  offset: number | null,
  fraction = 0,
): ParsedDate | null {
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms =
    Date.UTC(year, month, day, hour, minute, Math.min(second, 59), fraction) - (offset ?? 0) * 60_000;
  if (!Number.isFinite(ms)) return null;
  // Reject dates that rolled over (31 February becomes 3 March otherwise).
  if (new Date(Date.UTC(year, month, day)).getUTCDate() !== day) return null;
  return { ms, zoneKnown: offset !== null };
}

function fullYear(year: string): number {
  const n = Number(year);
  return year.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

function hour12(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toUpperCase() === 'PM';
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/** ISO 8601 / RFC 3339, with `T` or a space between date and time; zone optional. */
function parseIso(text: string): ParsedDate | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      text,
    );
  if (!m) return null;
  const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const offset = m[4] === undefined ? 0 : zoneOffsetMinutes(m[8]);
  const parsed = build(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    offset,
    fraction,
  );
  // A bare date (no time) is a day, not an instant in an unknown zone.
  if (parsed && m[4] === undefined) parsed.zoneKnown = true;
  return parsed;
}

/** RFC 822/2822 as in RSS: `Tue, 26 Dec 2023 14:05:00 +0000` (weekday, seconds and zone optional). */
function parseRfc822(text: string): ParsedDate | null {
  const m =
    /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*([a-z]{1,5}|[+-]\d{2}:?\d{2}))?$/i.exec(
      text,
    );
  if (!m) return null;
  const month =
    MONTHS[(m[2] ?? '').slice(0, 4).toLowerCase()] ?? MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
  if (month === undefined) return null;
  return build(
    fullYear(m[3] ?? ''),
    month,
    Number(m[1]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    zoneOffsetMinutes(m[7]),
  );
}

/** X/Twitter's `Tue Dec 26 15:10:00 +0000 2023` (also JavaScript's Date#toString shape). */
function parseTwitter(text: string): ParsedDate | null {
  const m = /^[a-z]{3}\s+([a-z]{3})\s+(\d{1,2})\s+(\d{2}):(\d{2}):(\d{2})\s+([+-]\d{4})\s+(\d{4})$/i.exec(
    text,
  );
  if (!m) return null;
  const month = MONTHS[(m[1] ?? '').toLowerCase()];
  if (month === undefined) return null;
  return build(
    Number(m[7]),
    month,
    Number(m[2]),
    Number(m[3]),
    Number(m[4]),
    Number(m[5]),
    zoneOffsetMinutes(m[6]),
  );
}

/** Monitoring exports: `26-Dec-2023 02:05PM`, `26 Dec 2023 14:05`, `Dec 26, 2023 2:05 PM`. */
function parseMonthName(text: string): ParsedDate | null {
  let m =
    /^(\d{1,2})[-\s]([a-z]{3,9})\.?[-\s](\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}|[a-z]{2,4}))?$/i.exec(
      text,
    );
  if (m) {
    const month = MONTHS[(m[2] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    return build(
      fullYear(m[3] ?? ''),
      month,
      Number(m[1]),
      hour12(Number(m[4] ?? 0), m[7]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      m[4] === undefined ? 0 : zoneOffsetMinutes(m[8]),
    );
  }
  m =
    /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:[\s,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}|[a-z]{2,4}))?$/i.exec(
      text,
    );
  if (m) {
    const month = MONTHS[(m[1] ?? '').slice(0, 3).toLowerCase()];
    if (month === undefined) return null;
    return build(
      Number(m[3]),
      month,
      Number(m[2]),
      hour12(Number(m[4] ?? 0), m[7]),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      m[4] === undefined ? 0 : zoneOffsetMinutes(m[8]),
    );
  }
  return null;
}

/** Numeric day-first or month-first dates: `06.01.2024 15:00`, `01/06/2024 3:00 PM`. */
function parseNumeric(text: string): ParsedDate | null {
  const m =
    /^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})(?:[\sT,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?(?:\s*(Z|[+-]\d{2}:?\d{2}))?$/i.exec(
      text,
    );
  if (!m) return null;
  let day = Number(m[1]);
  let month = Number(m[3]);
  // Slashes are month-first (US tools) unless that is impossible; dots and dashes are day-first.
  if (m[2] === '/' && month <= 12 && day <= 12) [day, month] = [month, day];
  else if (month > 12 && day <= 12) [day, month] = [month, day];
  return build(
    fullYear(m[4] ?? ''),
    month - 1,
    day,
    hour12(Number(m[5] ?? 0), m[8]),
    Number(m[6] ?? 0),
    Number(m[7] ?? 0),
    m[5] === undefined ? 0 : zoneOffsetMinutes(m[9]),
  );
}

/** Unix time in seconds or milliseconds (numbers, or digit strings). */
export function parseUnixTime(value: unknown): number | null {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d{9,13}(?:\.\d+)?$/.test(value.trim())
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n) || n <= 0) return null;
  // Ten digits of seconds reach 2286; anything bigger is milliseconds.
  return n < 1e11 ? Math.round(n * 1000) : Math.round(n);
}

/** A date in any of the shapes above; null when the text is not a recognisable date. */
export function parseLooseDate(value: unknown): ParsedDate | null {
  if (value === null || value === undefined) return null;
  const unix = parseUnixTime(value);
  if (unix !== null) return { ms: unix, zoneKnown: true };
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(/\s+/g, ' ');
  if (!text) return null;
  return (
    parseIso(text) ?? parseRfc822(text) ?? parseTwitter(text) ?? parseMonthName(text) ?? parseNumeric(text)
  );
}
