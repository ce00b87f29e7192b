import { describe, expect, it } from 'vitest';
import { civilDate, dateOfDay, dayNumber, describeTime, effectiveZone, formatCount } from './time';

const t = Date.UTC(2023, 11, 14, 22, 30); // 2023-12-14 22:30 UTC

describe('time display', () => {
  it('shows UTC, and the analyst zone when one is set', () => {
    expect(describeTime(t, '')).toEqual({ utc: '2023-12-14 22:30 UTC', local: null });
    expect(describeTime(t, 'Europe/Kyiv')).toEqual({
      utc: '2023-12-14 22:30 UTC',
      local: '2023-12-15 00:30 Europe/Kyiv',
    });
  });

  it('falls back to UTC for an unknown zone instead of throwing', () => {
    expect(effectiveZone('Mars/Olympus')).toBe('UTC');
    expect(describeTime(t, 'Mars/Olympus').local).toBeNull();
  });

  it('counts civil days in the zone', () => {
    expect(civilDate(t, 'UTC')).toBe('2023-12-14');
    expect(civilDate(t, 'Asia/Tokyo')).toBe('2023-12-15');
    expect(dateOfDay(dayNumber('2024-02-29'))).toBe('2024-02-29');
    expect(dayNumber('2023-12-15') - dayNumber('2023-12-14')).toBe(1);
  });

  it('groups counts with commas', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
