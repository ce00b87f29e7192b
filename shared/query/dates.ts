// Date values of `date:`, `after:` and `before:` as civil days. The engine turns a day into an
// instant in the analyst's time zone (UTC unless Settings say otherwise), so nothing here knows zones.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a civil date (proleptic Gregorian, no time zone). */
export function civilDay(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The civil date of a day number, as [year, month, day]. */
export function civilDate(dayNumber: number): [number, number, number] {
  const d = new Date(dayNumber * DAY_MS);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export interface DayRange {
  /** First day included. */
  from: number;
  /** First day after the range. */
  to: number;
}

const DATE_RE = /^(\d{4})(?:[-./](\d{1,2})(?:[-./](\d{1,2}))?)?$/;

/**
 * Reads `2023`, `2023-12` or `2023-12-14` as the range of days it covers; null when it is no date
 * (a month 13, February 30…).
 */
export function parseDayRange(text: string): DayRange | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  if (m[2] === undefined) return { from: civilDay(year, 1, 1), to: civilDay(year + 1, 1, 1) };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { from: civilDay(year, month, 1), to: civilDay(year, month + 1, 1) };
  const day = Number(m[3]);
  const from = civilDay(year, month, day);
  // Date.UTC rolls 2023-02-30 over into March: a day that does not round-trip does not exist.
  const [y, mo, d] = civilDate(from);
  if (y !== year || mo !== month || d !== day) return null;
  return { from, to: from + 1 };
}
