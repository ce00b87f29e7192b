// Image thumbnails for report entries, read from the workspace's media/ folder and embedded in the
// file (a report makes no network request and needs no folder beside it). Only files inside
// media/ are read — never through a symlink — and sizes are capped per image and per report.
import type { DatabaseSync } from 'node:sqlite';
import { lstat, readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export interface Thumbnail {
  name: string;
  mime: string;
  data: Buffer;
}

const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
const MAX_REPORT_IMAGE_BYTES = 64 * 1024 * 1024;
const MAX_IMAGES_PER_ENTRY = 6;

const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** Magic numbers: the file must really be the image its name says (a report embeds only images). */
function sniff(data: Buffer): string | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (data.length >= 6 && data.subarray(0, 3).toString('latin1') === 'GIF') return 'image/gif';
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

export interface MediaBudget {
  budget: { bytes: number };
  warnings: string[];
}

export async function loadThumbnails(
  mediaRoot: string,
  itemId: number,
  db: DatabaseSync,
  state: MediaBudget,
): Promise<Thumbnail[]> {
  const row = db.prepare('SELECT media FROM items WHERE id = ?').get(itemId) as { media: string } | undefined;
  let refs: { kind?: string; path?: string | null; name?: string | null }[] = [];
  try {
    const parsed = JSON.parse(row?.media ?? '[]') as unknown;
    if (Array.isArray(parsed)) refs = parsed as typeof refs;
  } catch {
    return [];
  }
  const root = resolve(mediaRoot);
  const out: Thumbnail[] = [];
  for (const ref of refs) {
    if (out.length >= MAX_IMAGES_PER_ENTRY) break;
    if (!ref.path || (ref.kind !== 'photo' && ref.kind !== 'image')) continue;
    if (!MIME_BY_EXT[extname(ref.path).toLowerCase()]) continue;
    const file = resolve(root, ref.path);
    if (!file.startsWith(root + sep)) continue;
    try {
      const info = await lstat(file);
      if (!info.isFile() || info.size > MAX_IMAGE_BYTES) continue;
      if (state.budget.bytes + info.size > MAX_REPORT_IMAGE_BYTES) {
        if (!state.warnings.some((w) => w.startsWith('Images'))) {
          state.warnings.push(
            `Images beyond ${MAX_REPORT_IMAGE_BYTES / 1024 / 1024} MB in total were left out of the report.`,
          );
        }
        continue;
      }
      const data = await readFile(file);
      const mime = sniff(data);
      if (!mime) continue;
      state.budget.bytes += data.length;
      out.push({ name: ref.name ?? ref.path, mime, data });
    } catch {
      // A missing media file is shown as its name only.
    }
  }
  return out;
}

/** Pixel size of a PNG, GIF or JPEG from its header (DOCX needs it to lay the image out); null when unknown. */
export function imageSize(data: Buffer): { width: number; height: number } | null {
  if (data.length >= 24 && data[0] === 0x89 && data.subarray(12, 16).toString('latin1') === 'IHDR') {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length >= 10 && data.subarray(0, 3).toString('latin1') === 'GIF') {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) return null;
      const marker = data[at + 1]!;
      const length = data.readUInt16BE(at + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(at + 5), width: data.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}
