// Dates as analysts read them: every stored time is UTC epoch ms; it is shown in UTC and, when the
// analyst set a time zone in Settings, in that zone too. Civil days ("2023-12-14" in a zone) are
// also how query dates and timeline buckets are counted.

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A usable IANA zone name, or 'UTC' when the setting is empty or unknown to this browser. */
export function effectiveZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

interface Civil {
  date: string;
  time: string;
}

function civil(ms: number, timeZone: string): Civil {
  const parts: Record<string, string> = {};
  for (const p of partsFormatter(effectiveZone(timeZone)).formatToParts(new Date(ms)))
    parts[p.type] = p.value;
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** "2023-12-14" — the civil date of an instant in a zone. */
export function civilDate(ms: number, timeZone: string): string {
  return civil(ms, timeZone).date;
}

/** "2023-12-14 08:45" in the zone. */
export function formatDateTime(ms: number, timeZone: string): string {
  const c = civil(ms, timeZone);
  return `${c.date} ${c.time}`;
}

/** Days since 1970-01-01 of a civil date "YYYY-MM-DD". */
export function dayNumber(date: string): number {
  const [y = 'NaN', m = 'NaN', d = 'NaN'] = date.split('-');
  return Math.round(Date.UTC(Number(y), Number(m) - 1, Number(d)) / DAY_MS);
}

/** The civil date "YYYY-MM-DD" of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface TimeDisplay {
  /** "2023-12-14 08:45 UTC" */
  utc: string;
  /** "2023-12-14 10:45 Europe/Kyiv", or null when the analyst's zone is UTC. */
  local: string | null;
}

export function describeTime(ms: number, timeZone: string): TimeDisplay {
  const zone = effectiveZone(timeZone);
  const utc = `${formatDateTime(ms, 'UTC')} UTC`;
  return { utc, local: zone === 'UTC' ? null : `${formatDateTime(ms, zone)} ${zone}` };
}

const countFormat = new Intl.NumberFormat('en-US');

/** "1,234" — counts in the UI are grouped the same way whatever the page language. */
export function formatCount(n: number): string {
  return countFormat.format(n);
}
