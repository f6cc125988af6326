// Runs every test suite in turn — type checks, unit tests (vitest), the production build, and
// the built app in Chromium (Playwright) — even when an earlier one fails, then prints one line
// "N passed, N failed" summed over all of them. Exits non-zero if anything failed.
// This is what `npm test` runs, and what .ci/run runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const OUT = '.test-output';
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}
const results: SuiteResult[] = [];

function run(cmd: string, args: string[]): number {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Type checks: each environment is one check.
const checks: [string, string, string[]][] = [
  ['types: models (environment-free)', 'npx', ['tsc', '-p', 'workers/models/tsconfig.json']],
  ['types: worker glue', 'npx', ['tsc', '-p', 'workers/tsconfig.json']],
  ['types: page (svelte-check)', 'npx', ['svelte-check', '--tsconfig', 'src/tsconfig.json', '--fail-on-warnings']],
  ['types: tests and scripts', 'npx', ['tsc', '-p', 'test/tsconfig.json']],
];
{
  let passed = 0;
  let failed = 0;
  for (const [name, cmd, args] of checks) {
    const ok = run(cmd, args) === 0;
    console.log(`${ok ? '✓' : '✗'} ${name}`);
    if (ok) passed++;
    else failed++;
  }
  results.push({ name: 'type checks', passed, failed, skipped: 0 });
}

// 2. Unit tests.
{
  const status = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${OUT}/unit.json`]);
  const j = readJson(`${OUT}/unit.json`) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number } | null;
  if (j) {
    const failed = j.numFailedTests + (status !== 0 && j.numFailedTests === 0 ? 1 : 0);
    results.push({ name: 'unit tests', passed: j.numPassedTests, failed, skipped: j.numPendingTests + j.numTodoTests });
  } else {
    results.push({ name: 'unit tests', passed: 0, failed: 1, skipped: 0 });
  }
}

// 3. Production build (the in-browser tests run against it).
const built = run('npx', ['vite', 'build']) === 0 && existsSync('dist/index.html');
results.push({ name: 'build', passed: built ? 1 : 0, failed: built ? 0 : 1, skipped: 0 });
// Initial JavaScript within budget, Chart.js and the worker in their own chunks.
if (built) {
  const ok = run('npx', ['tsx', 'scripts/check-bundle.ts']) === 0;
  results.push({ name: 'bundle budget', passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 });
}

// 4. The built app in Chromium.
if (built) {
  const status = run('npx', ['playwright', 'test', '-c', 'test/e2e/playwright.config.ts']);
  const j = readJson(`${OUT}/e2e.json`) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } } | null;
  if (j) {
    const failed = j.stats.unexpected + j.stats.flaky + (status !== 0 && j.stats.unexpected === 0 ? 1 : 0);
    results.push({ name: 'in-browser tests', passed: j.stats.expected, failed, skipped: j.stats.skipped });
  } else {
    results.push({ name: 'in-browser tests', passed: 0, failed: 1, skipped: 0 });
  }
} else {
  results.push({ name: 'in-browser tests (not run: the build failed)', passed: 0, failed: 1, skipped: 0 });
}

console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`);
}
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
const line = `${passed} passed, ${failed} failed`;
writeFileSync(`${OUT}/summary.txt`, `${line}\n`);
// .ci/run prints the summary itself as its very last line (after anything npm adds on failure).
if (!process.env.SUMMARY_PRINTED_BY_CALLER) console.log(line);
process.exit(failed > 0 ? 1 : 0);
