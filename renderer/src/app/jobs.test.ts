import { describe, expect, it } from 'vitest';
import { formatEta, formatProgress } from './jobs';

describe('job progress in the status bar', () => {
  it('tells the time left in words an analyst reads at a glance', () => {
    expect(formatEta(null)).toBeNull();
    expect(formatEta(-5)).toBeNull();
    expect(formatEta(Number.POSITIVE_INFINITY)).toBeNull();
    expect(formatEta(200)).toBe('1 s left');
    expect(formatEta(12_400)).toBe('12 s left');
    expect(formatEta(150_000)).toBe('~3 min left');
    expect(formatEta(2 * 3600_000 + 5 * 60_000)).toBe('~2 h 5 min left');
  });

  it('shows done of total, or only done while the total is unknown', () => {
    expect(formatProgress({ done: 1204, total: 5000 })).toMatch(/^1.?204 \/ 5.?000$/);
    expect(formatProgress({ done: 7, total: null })).toBe('7');
  });
});
