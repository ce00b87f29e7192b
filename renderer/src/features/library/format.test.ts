import { describe, expect, it } from 'vitest';
import { csvPaths, formatDuration, formatLabel, mayBeTelegram, summarise } from './format';

describe('library formatting', () => {
  it('names formats and durations for the history table', () => {
    expect(formatLabel('telegram-json')).toBe('Telegram (JSON)');
    expect(formatLabel('something-new')).toBe('something-new');
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
    expect(formatDuration(null)).toBe('—');
  });

  it('tells which drops may be Telegram exports or CSV files', () => {
    expect(mayBeTelegram(['ChatExport/result.json'])).toBe(true);
    expect(mayBeTelegram(['export/messages2.html'])).toBe(true);
    expect(mayBeTelegram(['channel-export.zip'])).toBe(true);
    expect(mayBeTelegram(['feed.rss'])).toBe(false);
    expect(csvPaths(['/tmp/a.csv', '/tmp/b.json'])).toEqual(['/tmp/a.csv']);
  });

  it('summarises a report', () => {
    expect(
      summarise([
        { added: 23, duplicates: 0, skipped: 2, error: null },
        { added: 0, duplicates: 0, skipped: 0, error: 'x: bad' },
      ]),
    ).toBe('23 added, 2 skipped, 1 refused');
  });
});
