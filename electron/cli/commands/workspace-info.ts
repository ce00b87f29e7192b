import type { Command } from '../command';
import { openWorkspace } from '../../core/workspace/workspace';

export const workspaceInfo: Command = {
  name: 'workspace info',
  summary: 'Show the schema version and row counts of a workspace',
  usage: 'sifter workspace info --workspace DIR [--json]',
  options: { json: { type: 'boolean' } },
  async run(ctx) {
    const ws = openWorkspace(ctx.workspaceDir());
    try {
      const info = ws.info();
      if (ctx.flags.json) {
        ctx.io.stdout(JSON.stringify(info) + '\n');
      } else {
        const lines = [`Workspace ${info.dir}`, `Schema version ${info.schemaVersion}`];
        for (const [table, n] of Object.entries(info.counts)) lines.push(`  ${table.padEnd(20)} ${n}`);
        ctx.io.stdout(lines.join('\n') + '\n');
      }
      return 0;
    } finally {
      ws.close();
    }
  },
};
