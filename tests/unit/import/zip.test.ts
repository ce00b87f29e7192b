// Safe zip extraction on its own: real archives, and archives whose headers lie.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractZip, entryProblem } from '../../../electron/core/importers/files/zip';
import { fixture, listFiles, tempDir } from './helpers';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('sifter-zip-');
});
afterEach(() => tmp.cleanup());

const signal = new AbortController().signal;

function dest(): string {
  const dir = join(tmp.dir, 'out');
  mkdirSync(dir);
  return dir;
}

describe('zip extraction', () => {
  it('extracts an export with its media', async () => {
    const out = dest();
    const result = await extractZip(
      fixture('telegram/channel-export.zip'),
      'channel-export.zip',
      out,
      signal,
    );
    expect(result.files).toBe(3);
    expect(Object.keys(listFiles(out)).sort()).toEqual([
      'ChatExport_2024-01-10/photos/photo_1@06-12-2023_08-45-00.jpg',
      'ChatExport_2024-01-10/photos/photo_2@06-01-2024_12-00-00.jpg',
      'ChatExport_2024-01-10/result.json',
    ]);
  });

  it('refuses a bomb whose headers claim a small size, while inflating, without writing it', async () => {
    // Rewrite the declared size of the 200 MB entry to 2 MB in both headers: the declared-size
    // check passes, so only the bytes counted while inflating can stop it.
    const zip = Buffer.from(readFileSync(fixture('hostile/zip-bomb.zip')));
    const name = Buffer.from('ChatExport/photos/huge.jpg');
    let at = zip.indexOf(name);
    let patched = 0;
    while (at !== -1) {
      if (zip.readUInt32LE(at - 30) === 0x04034b50) {
        zip.writeUInt32LE(2 * 1024 * 1024, at - 30 + 22);
        patched++;
      } else if (zip.readUInt32LE(at - 46) === 0x02014b50) {
        zip.writeUInt32LE(2 * 1024 * 1024, at - 46 + 24);
        patched++;
      }
      at = zip.indexOf(name, at + 1);
    }
    expect(patched).toBe(2);
    const lying = join(tmp.dir, 'lying.zip');
    writeFileSync(lying, zip);
    const out = dest();
    await expect(extractZip(lying, 'lying.zip', out, signal)).rejects.toThrow(
      /lying\.zip: .*(zip bomb|damaged)/,
    );
    const written = Object.values(listFiles(out)).reduce((n, s) => n + s, 0);
    expect(written).toBeLessThan(3 * 1024 * 1024);
  });

  it('caps the real bytes of the whole archive', async () => {
    await expect(
      extractZip(fixture('telegram/channel-export.zip'), 'channel-export.zip', dest(), signal, {
        maxTotalBytes: 10_000,
        maxRatio: 100,
        ratioGraceBytes: 1 << 20,
        maxEntries: 10,
      }),
    ).rejects.toThrow(/channel-export\.zip: refused: it would unpack to more than/);
  });

  it('names each kind of bad entry', () => {
    const entry = (fileName: string, mode = 0o100644) => ({
      fileName,
      externalFileAttributes: mode << 16,
      versionMadeBy: 0x031e,
      isEncrypted: () => false,
    });
    const root = '/ws/tmp/unzip-1';
    expect(entryProblem(entry('a/b.json'), root)).toBeNull();
    expect(entryProblem(entry('../../etc/passwd'), root)).toMatch(/escapes/);
    expect(entryProblem(entry('/etc/passwd'), root)).toMatch(/absolute path/);
    expect(entryProblem(entry('C:/Windows/x'), root)).toMatch(/absolute path/);
    expect(entryProblem(entry('photos/link.jpg', 0o120777), root)).toMatch(/symbolic link/);
    expect(entryProblem({ ...entry('a.json'), isEncrypted: () => true }, root)).toMatch(/encrypted/);
  });
});
