// Helpers the CLI commands share: reading item ids from flags, and opening the workspace's Core.
import { Core } from '../core/core';
import { UsageError, type CommandContext } from './command';

/** `--ids 1,2,3` (commas or spaces) → item ids; a usage error for anything else. */
export function parseIds(value: string): number[] {
  const ids = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((part) => {
      if (!/^\d{1,15}$/.test(part) || Number(part) < 1)
        throw new UsageError(`--ids takes item ids separated by commas (e.g. 1,2,3), not "${part}"`);
      return Number(part);
    });
  if (ids.length === 0) throw new UsageError('--ids is empty');
  return ids;
}

/** The Core of the command's workspace (--workspace or SIFTER_WORKSPACE); the caller closes it. */
export function openCliCore(ctx: CommandContext): Core {
  // No list of recent workspaces: that list is the app's and browser mode's, not a script's.
  return new Core({ mode: 'cli', workspaceDir: ctx.workspaceDir(), version: ctx.version, recentFile: null });
}
