// Test-only child process (built with esbuild by bulk-kill.test.ts): runs one bulk tag over every
// item of a workspace and reports, from inside the open transaction, how far it got. With
// "pause" it then blocks forever, so the parent can SIGKILL it while the transaction is open.
import { writeSync } from 'node:fs';
import { openWorkspace } from '../workspace/workspace';
import { bulkTag } from './item-tags';

const [dir, tagArg, mode] = process.argv.slice(2);
if (!dir || !tagArg) {
  process.stderr.write('usage: kill-child DIR TAG_ID [pause|run]\n');
  process.exit(2);
}
const ws = openWorkspace(dir);
const ids = (ws.db.prepare('SELECT id FROM items ORDER BY id').all() as { id: number }[]).map((r) => r.id);
let signalled = false;
bulkTag(ws, 'add', Number(tagArg), ids, {
  onProgress(done, total) {
    if (signalled || done < total / 2) return;
    signalled = true;
    const inside = ws.db.prepare('SELECT COUNT(*) AS n FROM item_tags').get() as { n: number };
    // writeSync: the parent must see this line before anything else happens.
    writeSync(1, `started ${inside.n}\n`);
    if (mode === 'pause') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
});
writeSync(1, 'committed\n');
ws.close();
