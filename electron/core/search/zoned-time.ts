// Civil days ↔ instants in the analyst's time zone (Settings → timeZone; UTC when empty or unknown).
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null; // an unknown zone name: fall back to UTC rather than fail the search
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
const offsetCache = new Map<string, number>();

export function zoneOffset(instant: number, timeZone: string): number {
  if (!timeZone || timeZone === 'UTC') return 0;
  // Zones change offset on the hour (or half hour) at most: one lookup per 30 minutes is exact enough.
  const key = `${timeZone}|${Math.floor(instant / 1_800_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const offset = computeOffset(instant, timeZone);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

function computeOffset(instant: number, timeZone: string): number {
  const f = formatter(timeZone);
  if (!f) return 0;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a civil day starts in the zone. */
export function dayStart(day: number, timeZone: string): number {
  const utc = day * DAY_MS;
  let guess = utc - zoneOffset(utc, timeZone);
  // Once more: the offset at the guessed instant may differ (a DST change near midnight).
  guess = utc - zoneOffset(guess, timeZone);
  return guess;
}

/** The civil day number an instant falls on in the zone. */
export function dayOf(instant: number, timeZone: string): number {
  return Math.floor((instant + zoneOffset(instant, timeZone)) / DAY_MS);
}
