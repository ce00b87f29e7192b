// Choices offered by the Settings form, and the checks behind them, from the platform's Intl data.

/** True for a time zone this runtime knows (IANA names such as "Europe/Kyiv", or "UTC"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() !== zone || zone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every IANA zone the runtime lists (for suggestions), with UTC first. */
export function timeZoneNames(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}

/** The zone this computer is set to, if the runtime can tell. */
export function localTimeZone(): string | null {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : null;
}

/** "27 Nov 2026, 21:04" in the given zone (empty = UTC). */
export function formatNowIn(zone: string, now = new Date()): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: zone === '' ? 'UTC' : zone,
  }).format(now);
}

/** Languages analysts translate into most; ISO 639-1 codes. */
const TARGET_CODES = [
  'en',
  'uk',
  'ru',
  'de',
  'fr',
  'es',
  'it',
  'pl',
  'pt',
  'nl',
  'cs',
  'ro',
  'tr',
  'ka',
  'kk',
  'be',
  'ar',
  'fa',
  'zh',
  'ja',
];

export interface LanguageOption {
  code: string;
  name: string;
}

export function targetLanguages(current: string): LanguageOption[] {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const codes = TARGET_CODES.includes(current) ? TARGET_CODES : [current, ...TARGET_CODES];
  return codes.map((code) => ({ code, name: names.of(code) ?? code }));
}
