// `sifter search "<query>"`: runs a query over a workspace's index and prints the hits (with --json,
// `{"total","groups","hits":[…],"facets":{…}}` — the fields scripts need, not the whole UI result).
import { UsageError, type Command } from '../command';
import { dispatch } from '../../core/api';
import { SifterError } from '../../core/errors';
import type { SearchResult } from '../../../shared/domain';
import { openCliCore } from '../args';

function formatDate(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

export const search: Command = {
  name: 'search',
  summary: 'Search a workspace with the query language',
  usage: 'sifter search "<query>" --workspace DIR [--limit N] [--sort relevance|date] [--json]',
  options: { limit: { type: 'string' }, sort: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const query = ctx.positionals.join(' ');
    if (ctx.positionals.length === 0)
      throw new UsageError('give the query to search for, e.g. sifter search "мобилизация" --workspace DIR');
    const limitFlag = ctx.flags.limit;
    const limit = limitFlag === undefined ? 20 : Number(limitFlag);
    if (typeof limitFlag === 'string' && (!/^\d{1,4}$/.test(limitFlag) || limit > 1000))
      throw new UsageError('--limit takes a number from 0 to 1000');
    const sort = ctx.flags.sort ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date') throw new UsageError('--sort takes relevance or date');
    const core = openCliCore(ctx);
    try {
      const res = await dispatch(core, 'search.query', {
        query,
        sort,
        limit,
        offset: 0,
        collapseCopies: false,
      });
      if (!res.ok) throw new SifterError(res.error.code, res.error.message);
      const result = res.value as SearchResult;
      if (ctx.flags.json) {
        const hits = result.hits.map((h) => ({
          id: h.id,
          score: h.score,
          title: h.title,
          snippet: h.snippet,
          channel: h.channel,
          author: h.author,
          publishedAt: h.publishedAt === null ? null : new Date(h.publishedAt).toISOString(),
          lang: h.lang,
        }));
        ctx.io.stdout(
          JSON.stringify({
            total: result.total,
            groups: result.groups,
            hits,
            facets: result.facets,
            problem: result.problem,
          }) + '\n',
        );
      } else {
        if (result.problem)
          ctx.io.stderr(
            `Query problem at ${result.problem.start}–${result.problem.end}: ${result.problem.message}\n`,
          );
        const lines = [
          `${result.total} item${result.total === 1 ? '' : 's'} (${result.groups} group${result.groups === 1 ? '' : 's'})`,
        ];
        for (const h of result.hits) {
          lines.push(
            `#${h.id}  ${formatDate(h.publishedAt)}  ${h.channel ?? h.source}${h.lang ? ` [${h.lang}]` : ''}`,
          );
          if (h.title) lines.push(`  ${h.title}`);
          lines.push(`  ${h.snippet.replace(/\s+/g, ' ')}`);
        }
        ctx.io.stdout(lines.join('\n') + '\n');
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
