// Sums the Vitest JSON reports of every package into the one closing line CI reads.
// A suite that crashed before writing its report counts as one failure, so it cannot pass silently.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dirs = ['packages', 'apps']
  .flatMap((group) => (existsSync(join(root, group)) ? readdirSync(join(root, group)).map((n) => join(group, n)) : []))
  .concat(['e2e']);

let passed = 0;
let failed = 0;
for (const dir of dirs) {
  const pkg = join(root, dir, 'package.json');
  if (!existsSync(pkg)) continue;
  const hasTests = Boolean(JSON.parse(readFileSync(pkg, 'utf8')).scripts?.test);
  const report = join(root, dir, 'test-results.json');
  if (!existsSync(report)) {
    if (hasTests) {
      console.error(`${dir}: no test-results.json (the suite did not finish)`);
      failed += 1;
    }
    continue;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0);
}
// Build, type-check, lint and format failures from scripts/test.sh count as failures too.
const checkFailures = Number(process.env.CHECK_FAILURES ?? 0);
if (checkFailures > 0) console.error(`${checkFailures} check(s) failed before the tests (see "== FAILED" above)`);
failed += checkFailures;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
