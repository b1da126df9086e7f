#!/usr/bin/env node
// Render benchmark: how many times React commits while a PasswordBackup backs up.
//
// Runs the jsdom test packages/react/src/password-backup/password-backup-commits.test.tsx, which
// counts commits with a React Profiler over the fake Portal of @backup-kit/core/testing (five
// progress events) and fails past events + 4, then prints what it measured.
//
// Usage: node scripts/bench-renders.mjs   (also run at the end of `pnpm bench:size`)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(path.join(tmpdir(), 'backup-kit-renders-'));
const report = path.join(work, 'renders.json');

let failed = false;
try {
  execFileSync(
    'pnpm',
    [
      '--filter',
      '@backup-kit/react',
      'exec',
      'vitest',
      'run',
      '--project',
      'unit',
      'src/password-backup/password-backup-commits.test.tsx',
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, BACKUP_KIT_RENDER_REPORT: report } },
  );
} catch {
  failed = true;
}

console.log('\n@backup-kit/react commits (React Profiler, jsdom, fake Portal; from submit to success)\n');
console.log(`${'flow'.padEnd(40)}${'events'.padStart(8)}${'commits'.padStart(9)}${'budget'.padStart(12)}`);
const measured = JSON.parse(readFileSync(report, 'utf8'));
for (const [flow, { events, commits }] of Object.entries(measured)) {
  const budget = events + 4;
  const verdict = `≤ ${budget} ${commits <= budget ? 'ok' : 'OVER'}`;
  console.log(`${flow.padEnd(40)}${String(events).padStart(8)}${String(commits).padStart(9)}${verdict.padStart(12)}`);
}
rmSync(work, { recursive: true, force: true });

if (failed) {
  console.error('\nbench:renders: a PasswordBackup backup commits more than once per progress event plus four.');
  process.exit(1);
}
console.log('\nbench:renders: every budget holds.');
