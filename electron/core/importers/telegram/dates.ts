// Dates of Telegram exports. JSON exports carry `date_unixtime` (a string of seconds); older ones
// only `date`, a wall-clock time of the exporting machine with no zone. HTML exports write
// "15.12.2023 10:02:11 UTC+03:00" (older ones without the zone).

export interface ParsedTime {
  at: number;
  zoneUnknown: boolean;
}

/** `date_unixtime` ("1700463600") as epoch ms, or null. */
export function fromUnixSeconds(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000;
  if (typeof value === 'string' && /^\d{1,12}$/.test(value)) return Number(value) * 1000;
  return null;
}

/**
 * A zone-less local time ("2019-03-01T12:00:00") read as if it were UTC — the zone is unknown,
 * so the wall-clock value is kept as is and the item is flagged.
 */
export function fromLocalIso(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const at = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  return Number.isFinite(at) ? at : null;
}

/** A JSON message's time: `<field>_unixtime` when present, else `<field>` as zone-unknown. */
export function messageTime(unixtime: unknown, local: unknown): ParsedTime | null {
  const at = fromUnixSeconds(unixtime);
  if (at !== null) return { at, zoneUnknown: false };
  const wall = fromLocalIso(local);
  return wall === null ? null : { at: wall, zoneUnknown: true };
}

/** The HTML export's title: "15.12.2023 10:02:11 UTC+03:00" or "15.12.2023 10:02:11". */
export function fromHtmlTitle(title: string | null | undefined): ParsedTime | null {
  if (!title) return null;
  const m =
    /(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*UTC\s*([+-])(\d{1,2}):?(\d{2}))?/.exec(
      title,
    );
  if (!m) return null;
  const [, d, mo, y, h, mi, s, sign, oh, om] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (!Number.isFinite(wall)) return null;
  if (!sign) return { at: wall, zoneUnknown: true };
  const offsetMs = (Number(oh) * 60 + Number(om)) * 60_000 * (sign === '-' ? -1 : 1);
  return { at: wall - offsetMs, zoneUnknown: false };
}
