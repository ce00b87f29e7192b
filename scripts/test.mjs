// `npm test`: lint, format check, typecheck, build, unit tests (vitest), end-to-end tests (Playwright in
// Chromium), then one closing line "N passed, N failed" summed over all runners. Lint, format,
// typecheck and build count as one check each. Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, cmd, args, env = {}) {
  process.stderr.write(`\n━━ ${label}: ${cmd} ${args.join(' ')}\n`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return res.status === 0;
}

function check(label, cmd, args) {
  if (run(label, cmd, args)) results.passed++;
  else {
    results.failed++;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.']);
check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
check('build', 'npm', ['run', '--silent', 'build']);

// Unit and integration tests.
const vitestOk = run('vitest', 'npx', ['vitest', 'run']);
const vitest = readJson('test-results/vitest.json');
if (vitest) {
  results.passed += vitest.numPassedTests ?? 0;
  results.failed += vitest.numFailedTests ?? 0;
  results.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count: count it as a failure.
  const brokenSuites = (vitest.testResults ?? []).filter(
    (s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0,
  );
  results.failed += brokenSuites.length;
  if (!vitestOk && (vitest.numFailedTests ?? 0) + brokenSuites.length === 0) {
    results.failed++;
    failures.push('vitest (exited non-zero)');
  }
  if ((vitest.numFailedTests ?? 0) + brokenSuites.length > 0) failures.push('vitest');
} else {
  results.failed++;
  failures.push('vitest (no report)');
}

// End-to-end tests in Chromium.
if (!existsSync(process.env.SIFTER_CHROMIUM ?? '/usr/bin/chromium')) {
  results.failed++;
  failures.push('playwright: /usr/bin/chromium is missing (apt-get install -y chromium)');
} else {
  const pwOk = run('playwright', 'npx', ['playwright', 'test']);
  const pw = readJson('test-results/playwright.json');
  if (pw?.stats) {
    results.passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
    results.failed += pw.stats.unexpected ?? 0;
    results.skipped += pw.stats.skipped ?? 0;
    if ((pw.stats.unexpected ?? 0) > 0) failures.push('playwright');
    if (!pwOk && (pw.stats.unexpected ?? 0) === 0) {
      results.failed++;
      failures.push('playwright (exited non-zero)');
    }
  } else {
    results.failed++;
    failures.push('playwright (no report)');
  }
}

if (failures.length) process.stderr.write(`\nFailed: ${failures.join(', ')}\n`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
process.stdout.write(`\n${results.passed} passed, ${results.failed} failed${skipped}\n`);
process.exit(results.failed > 0 ? 1 : 0);
