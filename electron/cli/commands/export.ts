// `sifter export`: a report of tagged material written to a file, in any report format. Thin: the
// flags become a report spec (validated by the same schema as the app's calls), core writes it.
import { resolve } from 'node:path';
import { UsageError, type Command, type CommandContext } from '../command';
import { exportReport } from '../../core/reports/render';
import {
  reportFormats,
  reportGroupings,
  reportSpecSchema,
  type ReportFormat,
  type ReportSpecInput,
} from '../../../shared/api/reports';
import { openCliCore } from '../args';

const str = (ctx: CommandContext, name: string): string | undefined => {
  const value = ctx.flags[name];
  return typeof value === 'string' ? value : undefined;
};

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${flag} is one of ${allowed.join(', ')}, not "${value}"`);
  return value as T;
}

/** The report spec the flags describe; a usage error names the flag that is wrong. */
export function specFromFlags(ctx: CommandContext): ReportSpecInput {
  const tags = (ctx.flags.tag as string[] | undefined) ?? [];
  const saved = str(ctx, 'saved');
  const query = str(ctx, 'query');
  if (
    tags.length === 0 &&
    saved === undefined &&
    query === undefined &&
    !str(ctx, 'from') &&
    !str(ctx, 'to')
  ) {
    throw new UsageError(
      'choose what goes in: --tag T (repeatable), --query Q, --saved NAME and/or --from/--to dates',
    );
  }
  const translation = oneOf(
    str(ctx, 'translation'),
    ['none', 'after', 'side-by-side'] as const,
    'translation',
  );
  const spec: ReportSpecInput = {
    title: str(ctx, 'title') ?? 'Report',
    author: str(ctx, 'author') ?? '',
    summary: str(ctx, 'summary') ?? '',
    tags: tags.map((path) => ({ path, children: !ctx.flags['without-children'] })),
    ...(saved !== undefined ? { saved: /^\d+$/.test(saved) ? Number(saved) : saved } : {}),
    ...(query !== undefined ? { query } : {}),
    ...(str(ctx, 'from') ? { from: str(ctx, 'from') } : {}),
    ...(str(ctx, 'to') ? { to: str(ctx, 'to') } : {}),
    clippedOnly: Boolean(ctx.flags['clipped-only']),
    groupBy: oneOf(str(ctx, 'group-by'), reportGroupings, 'group-by') ?? 'none',
    newestFirst: Boolean(ctx.flags['newest-first']),
    csvRows: oneOf(str(ctx, 'csv-rows'), ['item', 'clip'] as const, 'csv-rows') ?? 'item',
    show: {
      ...(translation ? { translation } : {}),
      ...(str(ctx, 'lang') ? { translationLang: str(ctx, 'lang') } : {}),
      ...(ctx.flags['no-media'] ? { media: false } : {}),
    },
  };
  const parsed = reportSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${issue?.path.join('.') || 'report'}: ${issue?.message ?? 'invalid'}`);
  }
  return spec;
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export tagged material as a report (HTML, DOCX, PDF, CSV, JSON, NDJSON, Markdown)',
  usage:
    'sifter export --workspace DIR (--tag T … | --query Q | --saved NAME) --format html|docx|pdf|csv|json|ndjson|md --out FILE\n' +
    '       [--group-by tag|source|day|none] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--clipped-only] [--without-children]\n' +
    '       [--title T] [--author A] [--summary S] [--translation none|after|side-by-side] [--lang en] [--newest-first]\n' +
    '       [--csv-rows item|clip] [--no-media] [--json]',
  options: {
    tag: { type: 'string', multiple: true },
    query: { type: 'string' },
    saved: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'group-by': { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'clipped-only': { type: 'boolean' },
    'without-children': { type: 'boolean' },
    title: { type: 'string' },
    author: { type: 'string' },
    summary: { type: 'string' },
    translation: { type: 'string' },
    lang: { type: 'string' },
    'newest-first': { type: 'boolean' },
    'csv-rows': { type: 'string' },
    'no-media': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const format = oneOf(str(ctx, 'format'), reportFormats, 'format');
    if (!format) throw new UsageError(`give --format (${reportFormats.join(', ')})`);
    const out = str(ctx, 'out');
    if (!out) throw new UsageError('give --out FILE');
    const spec = reportSpecSchema.parse(specFromFlags(ctx));
    const core = openCliCore(ctx);
    try {
      const result = await core.jobs.run('export', `Exporting ${format}`, (job) =>
        exportReport(core, spec, format as ReportFormat, resolve(out), job),
      );
      if (ctx.flags.json) ctx.io.stdout(JSON.stringify(result) + '\n');
      else {
        ctx.io.stdout(
          `Wrote ${result.items.toLocaleString('en-US')} item${result.items === 1 ? '' : 's'} to ${result.path} (${result.bytes.toLocaleString('en-US')} bytes).\n`,
        );
      }
      return 0;
    } finally {
      await core.close();
    }
  },
};
