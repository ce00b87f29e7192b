// Media references of Telegram exports. A file the export left out is written as a placeholder
// such as "(File not included. Change data exporting settings to download.)".
import type { MediaRef } from '../types';

export function isPlaceholder(path: string): boolean {
  return /^\(File /i.test(path.trim()) || /not included|exceeds maximum size|unavailable/i.test(path);
}

/** Telegram's media_type → Sifter's media kind. */
export function mediaKind(mediaType: unknown): MediaRef['kind'] {
  switch (mediaType) {
    case 'video_file':
    case 'video_message':
      return 'video';
    case 'audio_file':
      return 'audio';
    case 'voice_message':
      return 'voice';
    case 'sticker':
      return 'sticker';
    case 'animation':
      return 'animation';
    default:
      return 'file';
  }
}

/**
 * A media reference, copied into the workspace when the export holds the file. `copy` resolves to
 * the stored path, or null when the file is absent.
 */
export async function mediaRef(
  kind: MediaRef['kind'],
  path: string,
  name: string | null,
  copy: (relative: string) => Promise<string | null>,
  extra: Partial<MediaRef> = {},
): Promise<MediaRef> {
  if (isPlaceholder(path)) return { kind, path: null, name, missing: true, ...extra };
  const stored = await copy(path);
  return {
    kind,
    path: stored,
    name: name ?? path.split('/').pop() ?? null,
    missing: stored === null,
    ...extra,
  };
}
