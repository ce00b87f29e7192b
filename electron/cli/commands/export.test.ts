// `sifter export` through the real CLI entry (runCli) on a workspace filled from the fixtures.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../main';
import { reportFixture, tempDir, removeTempDirs, type ReportFixture } from '../../core/reports/testing';

let f: ReportFixture;

beforeAll(async () => {
  f = await reportFixture();
}, 120_000);

afterAll(async () => {
  await f.close();
  removeTempDirs();
});

async function sifter(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    env,
  );
  return { code, stdout, stderr };
}

test('exports two tags as Markdown grouped by tag', async () => {
  const out = join(tempDir('sifter-cli-export-'), 'weekly.md');
  const r = await sifter([
    'export',
    '--workspace',
    f.dir,
    '--tag',
    'Actors/Way Home',
    '--tag',
    'Topics/Rotation',
    '--format',
    'md',
    '--out',
    out,
    '--group-by',
    'tag',
    '--title',
    'Weekly',
  ]);
  expect(r).toEqual({
    code: 0,
    stdout: `Wrote 4 items to ${out} (${readFileSync(out).length.toLocaleString('en-US')} bytes).\n`,
    stderr: '',
  });
  const md = readFileSync(out, 'utf8');
  expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual([
    'Overview',
    'Contents',
    'Actors/Way Home',
    'Topics/Rotation',
    'Sources cited',
  ]);
});

test('--query with --json prints the result as JSON', async () => {
  const out = join(tempDir('sifter-cli-export-'), 'q.csv');
  const r = await sifter([
    'export',
    '--workspace',
    f.dir,
    '--query',
    'мобилизованных',
    '--tag',
    'Actors',
    '--format',
    'csv',
    '--out',
    out,
    '--json',
  ]);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    path: out,
    format: 'csv',
    items: 2,
    bytes: readFileSync(out).length,
  });
});

test('usage errors name what is missing or wrong (exit code 2)', async () => {
  const out = join(tempDir('sifter-cli-export-'), 'x.html');
  const none = await sifter(['export', '--workspace', f.dir, '--format', 'html', '--out', out]);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('choose what goes in: --tag T (repeatable), --query Q, --saved NAME');
  const badFormat = await sifter([
    'export',
    '--workspace',
    f.dir,
    '--tag',
    'Actors',
    '--format',
    'rtf',
    '--out',
    out,
  ]);
  expect(badFormat.code).toBe(2);
  expect(badFormat.stderr).toContain('--format is one of html, docx, pdf, csv, json, ndjson, md, not "rtf"');
  const badGroup = await sifter([
    'export',
    '--workspace',
    f.dir,
    '--tag',
    'Actors',
    '--format',
    'html',
    '--out',
    out,
    '--group-by',
    'week',
  ]);
  expect(badGroup.stderr).toContain('--group-by is one of none, tag, source, day, not "week"');
  expect(existsSync(out)).toBe(false);
});

test('an unknown tag fails with exit code 1 and writes nothing', async () => {
  const out = join(tempDir('sifter-cli-export-'), 'x.html');
  const r = await sifter([
    'export',
    '--workspace',
    f.dir,
    '--tag',
    'Nobody',
    '--format',
    'html',
    '--out',
    out,
  ]);
  expect(r).toEqual({ code: 1, stdout: '', stderr: 'sifter export: There is no tag "Nobody".\n' });
  expect(existsSync(out)).toBe(false);
});

test('PDF with no Chromium says what to install (exit code 1)', async () => {
  const out = join(tempDir('sifter-cli-export-'), 'x.pdf');
  const previous = process.env.SIFTER_CHROMIUM;
  process.env.SIFTER_CHROMIUM = '/nonexistent/chromium';
  try {
    const r = await sifter([
      'export',
      '--workspace',
      f.dir,
      '--tag',
      'Actors',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PDF export needs Chromium or Google Chrome');
    expect(r.stderr).toContain('apt install chromium');
    expect(existsSync(out)).toBe(false);
  } finally {
    if (previous === undefined) delete process.env.SIFTER_CHROMIUM;
    else process.env.SIFTER_CHROMIUM = previous;
  }
});
