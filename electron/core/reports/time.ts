// Times as a report prints them: always in UTC, and in the analyst's time zone (Settings → timeZone)
// when that is another zone. An unknown zone name falls back to UTC (with a warning by the caller).
import { dayOf, zoneOffset } from '../search/zoned-time';

const DAY_MS = 86_400_000;

export interface ReportZone {
  /** An IANA zone name, or "UTC". */
  id: string;
  /** How the report names it. */
  label: string;
  /** Set when the configured zone was not usable. */
  problem: string | null;
}

export function reportTimeZone(setting: string): ReportZone {
  const name = setting.trim();
  if (name === '' || name === 'UTC') return { id: 'UTC', label: 'UTC', problem: null };
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return { id: name, label: name, problem: null };
  } catch {
    return {
      id: 'UTC',
      label: 'UTC',
      problem: `The time zone "${name}" in Settings is unknown; times are shown in UTC.`,
    };
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "2024-01-10 09:05" of a UTC epoch-ms instant shifted by `offset` ms. */
function civil(ms: number, offset: number): string {
  const d = new Date(ms + offset);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

function offsetLabel(offset: number): string {
  const sign = offset < 0 ? '−' : '+';
  const minutes = Math.abs(Math.round(offset / 60_000));
  return `UTC${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

export function formatUtc(ms: number): string {
  return `${civil(ms, 0)} UTC`;
}

/** The instant in the report's zone, e.g. "2024-01-10 11:05 Europe/Kyiv (UTC+02:00)"; null for UTC. */
export function formatZoned(ms: number, zone: ReportZone): string | null {
  if (zone.id === 'UTC') return null;
  const offset = zoneOffset(ms, zone.id);
  return `${civil(ms, offset)} ${zone.label} (${offsetLabel(offset)})`;
}

/** Both forms in one line: "2024-01-10 09:05 UTC · 2024-01-10 11:05 Europe/Kyiv (UTC+02:00)". */
export function formatBoth(ms: number, zone: ReportZone): string {
  const zoned = formatZoned(ms, zone);
  return zoned ? `${formatUtc(ms)} · ${zoned}` : formatUtc(ms);
}

/** The civil day (YYYY-MM-DD) an instant falls on in the zone. */
export function dayKey(ms: number, zone: ReportZone): string {
  const d = new Date(dayOf(ms, zone.id) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Monday (YYYY-MM-DD) of the week the instant falls in, in the zone. */
export function weekKey(ms: number, zone: ReportZone): string {
  const day = dayOf(ms, zone.id);
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7; // Monday = 0
  const d = new Date((day - weekday) * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function isoUtc(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
