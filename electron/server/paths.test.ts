import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PathRefused, isInside, sanitizeRelativePath } from './paths';

describe('sanitizeRelativePath', () => {
  it('keeps ordinary names, including non-Latin ones, and cleans characters Windows cannot store', () => {
    expect(sanitizeRelativePath('ChatExport_2024/photos/фото 1.jpg')).toEqual([
      'ChatExport_2024',
      'photos',
      'фото 1.jpg',
    ]);
    expect(sanitizeRelativePath('what? "quotes" <x>|y*.txt')).toEqual(['what_ _quotes_ _x__y_.txt']);
    expect(sanitizeRelativePath('trailing dot.')).toEqual(['trailing dot_']);
  });

  it('refuses traversal, absolute paths and control characters instead of rewriting them', () => {
    for (const name of [
      '..',
      '../a',
      'a/..',
      'a/./b',
      '/abs',
      'C:\\x',
      'D:/x',
      'a\\b',
      'a\0b',
      'a\nb',
      'a//b',
      '',
      'a/'.repeat(40) + 'b',
    ]) {
      expect(() => sanitizeRelativePath(name), JSON.stringify(name)).toThrow(PathRefused);
    }
  });

  it('never yields a path outside the folder it is joined to, whatever the input', () => {
    const root = resolve('/srv/uploads/batch');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('..', '.', '', '/', '\\', 'a', '%2e', '\0', 'C:'), fc.string()), {
          maxLength: 8,
        }),
        (parts) => {
          const name = parts.join('/');
          let segments: string[];
          try {
            segments = sanitizeRelativePath(name);
          } catch (err) {
            expect(err).toBeInstanceOf(PathRefused);
            return;
          }
          const target = join(root, ...segments);
          expect(isInside(root, target) && target !== root).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isInside', () => {
  it('tells a child from a sibling whose name starts the same', () => {
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..foo')).toBe(true);
  });
});
