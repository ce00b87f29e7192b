import fc from 'fast-check';
import { parseLooseDate, parseUnixTime } from './loose-date';

describe('parseLooseDate', () => {
  it.each([
    ['2023-12-26T14:05:00+00:00', Date.UTC(2023, 11, 26, 14, 5), true],
    ['2024-01-06T15:00:00+03:00', Date.UTC(2024, 0, 6, 12), true],
    ['2024-01-06T15:00:00.250Z', Date.UTC(2024, 0, 6, 15, 0, 0, 250), true],
    ['2024-01-06 12:30:00', Date.UTC(2024, 0, 6, 12, 30), false],
    ['2024-01-06', Date.UTC(2024, 0, 6), true],
    ['Tue, 26 Dec 2023 14:05:00 +0000', Date.UTC(2023, 11, 26, 14, 5), true],
    ['Sat, 09 Dec 2023 09:30:00 GMT', Date.UTC(2023, 11, 9, 9, 30), true],
    ['9 Dec 23 09:30 EST', Date.UTC(2023, 11, 9, 14, 30), true],
    ['Tue Dec 26 15:10:00 +0000 2023', Date.UTC(2023, 11, 26, 15, 10), true],
    ['26-Dec-2023 02:05PM', Date.UTC(2023, 11, 26, 14, 5), false],
    ['06-Jan-2024 12:00AM', Date.UTC(2024, 0, 6, 0, 0), false],
    ['Dec 26, 2023 2:05 PM', Date.UTC(2023, 11, 26, 14, 5), false],
    ['06.01.2024 15:00', Date.UTC(2024, 0, 6, 15), false],
    ['12/26/2023', Date.UTC(2023, 11, 26), true],
    ['26/12/2023 10:00', Date.UTC(2023, 11, 26, 10), false],
  ])('reads %s', (text, ms, zoneKnown) => {
    expect(parseLooseDate(text)).toEqual({ ms, zoneKnown });
  });

  it('reads unix seconds and milliseconds', () => {
    expect(parseLooseDate(1704533400)).toEqual({ ms: 1704533400000, zoneKnown: true });
    expect(parseLooseDate('1704533400123')).toEqual({ ms: 1704533400123, zoneKnown: true });
    expect(parseUnixTime(-5)).toBeNull();
  });

  it('rejects what is not a date', () => {
    for (const text of [
      '',
      'yesterday',
      '2023-02-30',
      '31.02.2024',
      '2023-13-01T00:00:00Z',
      'Tue, 32 Dec 2023 10:00:00 GMT',
      '12345',
    ]) {
      expect(parseLooseDate(text), text).toBeNull();
    }
  });

  it('reads back any ISO instant it is given, whatever the offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4102444800000 }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (ms, offsetMinutes) => {
          const offset = Math.trunc(offsetMinutes / 15) * 15;
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseLooseDate(`${local}${zone}`)).toEqual({ ms, zoneKnown: true });
        },
      ),
    );
  });
});
