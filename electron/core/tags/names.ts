// Tag names and paths: what a valid name is, how a path splits, when two names are "the same".
import { SifterError } from '../errors';

export const PATH_SEPARATOR = '/';
const MAX_NAME_LENGTH = 200;
const MAX_DEPTH = 12;

/** A calm palette; a new tag without a colour gets one picked from its name, so it is stable. */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** Validates one tag name (no separator, no control characters) and returns it trimmed, NFC. */
export function checkTagName(raw: string): string {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '') throw new SifterError('INVALID', 'A tag name cannot be empty.');
  if (name.includes(PATH_SEPARATOR)) {
    throw new SifterError(
      'INVALID',
      `A tag name cannot contain "${PATH_SEPARATOR}" (it separates levels, as in "Actors/Way Home"): "${name}".`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw new SifterError('INVALID', `A tag name cannot contain control characters: "${name}".`);
  if (name.length > MAX_NAME_LENGTH)
    throw new SifterError('INVALID', `A tag name is at most ${MAX_NAME_LENGTH} characters.`);
  return name;
}

/** Splits "Actors / Way Home" into ["Actors", "Way Home"]; an empty level is an error. */
export function splitTagPath(path: string): string[] {
  const parts = path.split(PATH_SEPARATOR).map((p) => p.trim());
  if (parts.some((p) => p === '')) {
    throw new SifterError('INVALID', `"${path}" has an empty level: write tag paths as "Parent/Child".`);
  }
  if (parts.length > MAX_DEPTH)
    throw new SifterError('INVALID', `"${path}" is nested deeper than ${MAX_DEPTH} levels.`);
  return parts.map(checkTagName);
}

/** The key names are compared by: "Actors" and "actors" are one tag (any script, not only ASCII). */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

export function defaultTagColor(name: string): string {
  let h = 0;
  for (const ch of nameKey(name)) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return PALETTE[h % PALETTE.length] ?? '#888888';
}
