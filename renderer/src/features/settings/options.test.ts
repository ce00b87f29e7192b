import { describe, expect, it } from 'vitest';
import { formatNowIn, isValidTimeZone, targetLanguages, timeZoneNames } from './options';

describe('settings options', () => {
  it('accepts IANA zones and refuses anything else', () => {
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(' Europe/Kyiv')).toBe(false);
    expect(isValidTimeZone('Kyiv')).toBe(false);
  });

  it('suggests UTC first and only valid zones', () => {
    const zones = timeZoneNames();
    expect(zones[0]).toBe('UTC');
    expect(zones).toContain('Europe/Berlin');
    expect(zones.every(isValidTimeZone)).toBe(true);
  });

  it('reads the same instant in the chosen zone', () => {
    const instant = new Date(Date.UTC(2024, 0, 10, 22, 30));
    expect(formatNowIn('', instant)).toContain('22:30');
    expect(formatNowIn('Europe/Kyiv', instant)).toContain('00:30');
  });

  it('names target languages and keeps an unusual current choice', () => {
    const langs = targetLanguages('en');
    expect(langs.find((l) => l.code === 'uk')?.name).toBe('Ukrainian');
    expect(targetLanguages('sw')[0]).toEqual({ code: 'sw', name: 'Swahili' });
  });
});
