// Every format Sifter imports, in detection order: the first importer whose detect() accepts a
// file's head wins. Telegram comes first because its JSON export would otherwise look like generic
// JSON/NDJSON to a looser detector. Each format adds exactly one line here.
import { open } from 'node:fs/promises';
import type { Importer, InputFile } from './types';
import { telegramJsonImporter } from './telegram-json/importer';
import { telegramHtmlImporter } from './telegram-html/importer';
import { xArchiveImporter } from './x-archive/importer';
import { warcImporter } from './warc/importer';
import { rssImporter } from './feeds/rss';
import { atomImporter } from './feeds/atom';
import { opmlImporter } from './feeds/opml';
import { articleImporter } from './article/importer';
import { sifterJsonImporter } from './sifter-json/importer';
import { ndjsonImporter } from './ndjson/importer';
import { csvImporter } from './csv/importer';

export const importers: Importer[] = [
  telegramJsonImporter,
  telegramHtmlImporter,
  xArchiveImporter,
  warcImporter,
  rssImporter,
  atomImporter,
  opmlImporter,
  articleImporter, // after Telegram HTML: any other page is a saved article
  sifterJsonImporter, // Sifter's own export: before generic NDJSON, which would claim its lines
  ndjsonImporter,
  csvImporter, // last: the loosest detector (a header row and consistent columns)
];

/** How many bytes of a file detection looks at. */
export const DETECT_HEAD_BYTES = 64 * 1024;

/** Reads the first bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, bytes = DETECT_HEAD_BYTES): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The importer for a file, judged by its content (the name is only a hint); null when none fits. */
export async function detectFormat(
  file: Pick<InputFile, 'path' | 'displayName'>,
  list: readonly Importer[] = importers,
): Promise<Importer | null> {
  const head = await readHead(file.path);
  const name = file.displayName.split(/[\\/]/).pop() ?? file.displayName;
  for (const importer of list) {
    try {
      if (importer.detect({ head, name })) return importer;
    } catch {
      // A detector that trips over odd bytes simply does not claim the file.
    }
  }
  return null;
}
