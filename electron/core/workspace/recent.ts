import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RecentWorkspace } from '../../../shared/domain';

const MAX_RECENT = 12;

/** The list of recently opened workspaces, kept in a small JSON file outside any workspace. */
export class RecentWorkspaces {
  constructor(private readonly file: string | null) {}

  list(): RecentWorkspace[] {
    if (!this.file || !existsSync(this.file)) return [];
    try {
      const data = JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
      if (!Array.isArray(data)) return [];
      return data.filter(
        (r): r is RecentWorkspace => typeof r?.dir === 'string' && typeof r?.openedAt === 'number',
      );
    } catch {
      return []; // a damaged list of recents is not worth failing a start for
    }
  }

  add(dir: string): void {
    if (!this.file) return;
    const next = [{ dir, openedAt: Date.now() }, ...this.list().filter((r) => r.dir !== dir)].slice(
      0,
      MAX_RECENT,
    );
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2));
    renameSync(tmp, this.file);
  }
}
