// `pnpm test` / `npm test`: every check, in order of speed — type-check, lint, unit and
// integration tests (vitest, real PostgreSQL), browser tests (Playwright + Debian Chromium).
// Every step runs even when an earlier one fails, then one summary line tells the story.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(ROOT, 'node_modules/.bin', name);
const skipBrowser = process.argv.includes('--no-browser');
fs.mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });

interface Step {
  name: string;
  cmd: string;
  args: string[];
  /** passed/failed test counts from the step's report, for the summary */
  counts?: () => { passed: number; failed: number; skipped: number };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
  } catch {
    return null;
  }
}

const steps: Step[] = [
  { name: 'typecheck (packages, worker, scripts)', cmd: bin('tsc'), args: ['-p', 'tsconfig.json'] },
  { name: 'typecheck (dashboard)', cmd: bin('tsc'), args: ['-p', 'apps/web/tsconfig.json'] },
  { name: 'lint', cmd: bin('biome'), args: ['check', '.'] },
  {
    name: 'unit + integration (vitest)',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
    counts: () => {
      const r = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(
        'test-results/vitest.json',
      );
      return {
        passed: r?.numPassedTests ?? 0,
        failed: r ? r.numFailedTests : 1,
        skipped: (r?.numPendingTests ?? 0) + (r?.numTodoTests ?? 0),
      };
    },
  },
];
if (!skipBrowser) {
  steps.push({
    name: 'browser (Playwright)',
    cmd: bin('tsx'),
    args: ['scripts/browser-tests.ts'],
    counts: () => {
      const r = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
        'test-results/e2e-report.json',
      );
      return r
        ? { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped }
        : { passed: 0, failed: 1, skipped: 0 };
    },
  });
}

const results: { name: string; ok: boolean; seconds: number }[] = [];
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const step of steps) {
  console.log(`\n\x1b[1m▶ ${step.name}\x1b[0m`);
  const t0 = Date.now();
  const r = spawnSync(step.cmd, step.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '1' } });
  const ok = r.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - t0) / 1000 });
  if (step.counts) {
    const c = step.counts();
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
    if (!ok && c.failed === 0) totals.failed += 1; // the step failed outside any test (setup, build)
  } else if (!ok) {
    totals.failed += 1; // a failed check counts as one failure
  }
}

console.log('\n\x1b[1mSummary\x1b[0m');
for (const r of results) console.log(`  ${r.ok ? '\x1b[32m✓' : '\x1b[31m✗'}\x1b[0m ${r.name} (${r.seconds.toFixed(1)} s)`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
