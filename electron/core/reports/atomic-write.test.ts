// Atomic export writes: the file appears whole or not at all, and a failure says why. The full
// disk is real: a 64 KiB tmpfs mounted by the test (we run as root here); where mounting is not
// permitted the test is skipped and says so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportSpecSchema } from '../../../shared/api/reports';
import { SifterError } from '../errors';
import { sanitizeFileName, writeFileAtomic } from './atomic-write';
import { exportReport, exportTarget } from './render';
import { reportFixture, tempDir, removeTempDirs } from './testing';

afterAll(() => removeTempDirs());

function tryMountTmpfs(dir: string, size: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `cannot mount a tmpfs here (${((err as { stderr?: Buffer }).stderr?.toString() ?? String(err)).trim()})`;
  }
}

describe('on a full disk', () => {
  const mnt = tempDir('sifter-full-disk-');
  const why = tryMountTmpfs(mnt, '64k');
  afterAll(() => {
    if (!why) execFileSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });

  test.skipIf(why !== null)(
    `an export fails clearly and leaves no file${why ? ` — skipped: ${why}` : ''}`,
    async () => {
      const f = await reportFixture();
      try {
        // A summary of 90 KB cannot fit on a 64 KB disk: the write fails part-way.
        const spec = reportSpecSchema.parse({
          title: 'Too big',
          summary: 'Мобилизация. '.repeat(3800),
          tags: [{ path: 'Actors' }],
        });
        const target = join(mnt, 'report.html');
        const error = await exportReport(f.core, spec, 'html', target).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SifterError);
        expect((error as SifterError).message).toBe(
          `Could not write ${target}: the disk is full (no space left on the device). Nothing was written.`,
        );
        expect(readdirSync(mnt)).toEqual([]);
      } finally {
        await f.close();
      }
    },
    120_000,
  );

  test.skipIf(why !== null)(
    'an existing file is left as it was when its replacement does not fit',
    async () => {
      const target = join(mnt, 'keep.csv');
      writeFileSync(target, 'old report\n');
      const chunks = (function* () {
        for (let i = 0; i < 100; i++) yield Buffer.alloc(4096, 0x41);
      })();
      await expect(writeFileAtomic(target, chunks)).rejects.toThrow(/the disk is full/);
      expect(readFileSync(target, 'utf8')).toBe('old report\n');
      expect(readdirSync(mnt)).toEqual(['keep.csv']);
      rmSync(target);
    },
  );
});

test('a cancelled write leaves no file', async () => {
  const dir = tempDir('sifter-atomic-');
  const abort = new AbortController();
  const chunks = (function* () {
    yield 'first part,';
    abort.abort();
    yield 'second part';
  })();
  await expect(writeFileAtomic(join(dir, 'r.md'), chunks, { signal: abort.signal })).rejects.toThrow(
    `Export cancelled: ${join(dir, 'r.md')} was not written.`,
  );
  expect(readdirSync(dir)).toEqual([]);
});

test('a chunk source that fails part-way leaves no file and the error says why', async () => {
  const dir = tempDir('sifter-atomic-');
  const chunks = (function* () {
    yield 'header\n';
    throw new Error('the item table was locked');
  })();
  await expect(writeFileAtomic(join(dir, 'r.csv'), chunks)).rejects.toThrow(
    `Could not write ${join(dir, 'r.csv')}: the item table was locked. Nothing was written.`,
  );
  expect(readdirSync(dir)).toEqual([]);
});

test('a missing folder is named in the error', async () => {
  const dir = join(tempDir('sifter-atomic-'), 'gone');
  await expect(writeFileAtomic(join(dir, 'r.html'), 'x')).rejects.toThrow(
    `Could not write ${join(dir, 'r.html')}: the folder does not exist.`,
  );
});

test('a write replaces the file whole', async () => {
  const dir = tempDir('sifter-atomic-');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, 'r.json');
  writeFileSync(target, 'old');
  expect(await writeFileAtomic(target, ['{"a":', '1}'])).toBe(7);
  expect(readFileSync(target, 'utf8')).toBe('{"a":1}');
  expect(readdirSync(dir)).toEqual(['r.json']);
});

test.each([
  ['Weekly: Kyiv / Moscow?', 'html', 'Weekly Kyiv Moscow.html'],
  ['../../etc/passwd', 'md', 'etc passwd.md'],
  ['  .hidden  ', 'csv', 'hidden.csv'],
  ['CON', 'docx', '_CON.docx'],
  ['', 'pdf', 'report.pdf'],
  ['Звіт\u0000\u001f за тиждень', 'json', 'Звіт за тиждень.json'],
])('file name %j sanitised for .%s → %j', (name, ext, expected) => {
  expect(sanitizeFileName(name, ext)).toBe(expected);
});

test('a long name is cut to 200 bytes without splitting a character, the extension kept', () => {
  const name = sanitizeFileName('Ж'.repeat(300), 'html');
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
  expect(name.endsWith('Ж.html')).toBe(true);
});

test('export targets: absolute only, the name sanitised, the extension added when missing', () => {
  expect(exportTarget('/tmp/out/Weekly: report', 'docx')).toBe('/tmp/out/Weekly report.docx');
  expect(exportTarget('/tmp/out/report.HTML', 'html')).toBe('/tmp/out/report.html');
  expect(() => exportTarget('relative/report.html', 'html')).toThrow(
    'Export to an absolute path, not "relative/report.html".',
  );
});
