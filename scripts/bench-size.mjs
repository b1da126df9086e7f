#!/usr/bin/env node
// Size benchmark: what an app pays for each component of @backup-kit/react.
//
// Bundles, from the BUILT packages (dist), what an app would write:
//   import { BackupButton } / { PasswordBackup } / { PasskeySetup } / * from '@backup-kit/react'
// with esbuild (minified, ESM, browser, code splitting on), react, react-dom and @portal-hq/web
// external. Prints the minified and gzip bytes of the eager code (the entry and every chunk it
// imports statically) and of each lazy chunk (reached only through import()), and exits non-zero
// when a budget is broken.
//
// The opt-in entries (@backup-kit/react/wallet-gate, and /export once the package has it) are
// measured alone, as `export * from` each.
//
// Usage: pnpm bench:size              (builds core and react first)
//        pnpm bench:size --no-build   (measures the dist as it is)
//        pnpm bench:size --no-renders (skips the commit count of scripts/bench-renders.mjs)
//        pnpm bench:size --no-vite    (skips the stock Vite 8 app of scripts/bench-vite-consumer.mjs)

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reactDist = path.join(root, 'packages/react/dist/index.js');
const coreDist = path.join(root, 'packages/core/dist/index.js');
const exportDist = path.join(root, 'packages/react/dist/export.js');

const KB = 1000;
/** Packages core loads with import(): they must never be in the eager code. */
const MUST_STAY_LAZY = ['@simplewebauthn/browser', 'tldts'];

const scenarios = [
  { name: 'BackupButton', code: "export { BackupButton } from '@backup-kit/react';", eagerGzipBudget: 5 * KB },
  { name: 'PasswordBackup', code: "export { PasswordBackup } from '@backup-kit/react';", eagerGzipBudget: 15 * KB },
  { name: 'PasskeySetup', code: "export { PasskeySetup } from '@backup-kit/react';", eagerGzipBudget: 15 * KB },
  { name: 'everything', code: "export * from '@backup-kit/react';", eagerGzipBudget: 15 * KB },
  // ExportWallet's cost on top of the main entry (compare with `everything`).
  {
    name: 'all + export',
    code: "export * from '@backup-kit/react';\nexport { ExportWallet } from '@backup-kit/react/export';",
  },
];

// The opt-in entry points, each measured alone (they cost nothing to apps that do not import them).
const reactPackage = JSON.parse(readFileSync(path.join(root, 'packages/react/package.json'), 'utf8'));
// WalletGate and ExportWallet carry their own parts and labels: a budget each.
const optIn = { './wallet-gate': ['wallet-gate', 12 * KB], './export': ['export', 8 * KB] };
const aliases = { '@backup-kit/react': reactDist };
for (const [subpath, [name, eagerGzipBudget]] of Object.entries(optIn)) {
  const target = reactPackage.exports[subpath]?.import;
  if (!target) continue; // not (yet) an entry of the package
  aliases[`@backup-kit/react/${name}`] = path.join(root, 'packages/react', target);
  scenarios.push({ name, code: `export * from '@backup-kit/react/${name}';`, eagerGzipBudget });
}

if (!process.argv.includes('--no-build')) {
  execFileSync('pnpm', ['--filter', '@backup-kit/core', '--filter', '@backup-kit/react', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
for (const file of [coreDist, reactDist, exportDist]) {
  if (!existsSync(file)) {
    console.error(`bench:size: ${path.relative(root, file)} is missing; build the packages first.`);
    process.exit(2);
  }
}

const work = mkdtempSync(path.join(tmpdir(), 'backup-kit-size-'));
const failures = [];
const rows = [];

try {
  for (const scenario of scenarios) {
    const entry = path.join(work, `${scenario.name}.js`);
    writeFileSync(entry, `${scenario.code}\n`);
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      splitting: true,
      outdir: path.join(work, 'out', scenario.name),
      write: false,
      metafile: true,
      legalComments: 'none',
      logLevel: 'silent',
      external: ['react', 'react/*', 'react-dom', 'react-dom/*', '@portal-hq/web'],
      // Resolve the package as an app would after installing it: its published entry, no source condition.
      alias: aliases,
      define: { 'process.env.NODE_ENV': '"production"' },
    });

    const outputs = result.metafile.outputs;
    const contents = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
    const sizeOf = (file) => {
      const bytes = contents.get(path.resolve(process.cwd(), file));
      return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    };

    // The scenario's own output (lazy chunks are entry points to esbuild too).
    const entryOut = Object.keys(outputs).find((file) => outputs[file].entryPoint?.endsWith(`/${scenario.name}.js`));
    // Eager: the entry and everything it imports statically, transitively.
    const eager = new Set();
    const visit = (file) => {
      if (eager.has(file)) return;
      eager.add(file);
      for (const imported of outputs[file].imports) {
        if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      }
    };
    visit(entryOut);
    const lazy = Object.keys(outputs).filter((file) => file.endsWith('.js') && !eager.has(file));
    // Lazy chunks the app can actually load: reached through import() from the eager code. esbuild
    // also emits chunks for import()s inside modules it tree-shook away; those are never loaded.
    const loadable = new Set();
    const follow = (file, kinds) => {
      for (const imported of outputs[file].imports) {
        if (imported.external || !kinds.includes(imported.kind) || eager.has(imported.path)) continue;
        if (loadable.has(imported.path)) continue;
        loadable.add(imported.path);
        follow(imported.path, ['import-statement', 'dynamic-import']);
      }
    };
    for (const file of eager) follow(file, ['dynamic-import']);

    const total = (files) =>
      files.reduce(
        (sum, file) => {
          const size = sizeOf(file);
          return { min: sum.min + size.min, gzip: sum.gzip + size.gzip };
        },
        { min: 0, gzip: 0 },
      );
    const eagerSize = total([...eager]);
    const eagerPackages = new Set([...eager].flatMap((file) => packagesIn(outputs[file].inputs)));

    rows.push({
      scenario: scenario.name,
      chunk: eager.size === 1 ? 'eager' : `eager (${eager.size} files)`,
      ...eagerSize,
      budget: scenario.eagerGzipBudget,
    });
    // One eager file: a second one means a lazy chunk imports a module the entry also reaches, which
    // esbuild splits out and every app loads up front (see core's README, "Entries, and what loads when").
    if (eager.size > 1) {
      const shared = [...eager]
        .filter((file) => file !== entryOut)
        .flatMap((file) => Object.keys(outputs[file].inputs));
      failures.push(`${scenario.name}: eager code is ${eager.size} files; split out: ${shared.join(', ')}`);
    }
    // The export entry stands alone: no other component's code (through the main entry or directly).
    const others =
      /react\/dist\/(backup-button|password-backup|passkey-setup|recover-wallet|backup-status|wallet-gate)\//;
    if (scenario.name === 'export') {
      const borrowed = [...eager]
        .flatMap((file) => Object.keys(outputs[file].inputs))
        .filter((input) => others.test(input));
      if (borrowed.length > 0) failures.push(`export: the entry pulls in other components (${borrowed.join(', ')})`);
    }
    for (const file of lazy.sort()) {
      const what = describe(outputs[file].inputs);
      const chunk = loadable.has(file) ? `lazy: ${what}` : `unused: ${what} (never loaded)`;
      rows.push({ scenario: scenario.name, chunk, ...sizeOf(file) });
    }

    if (scenario.eagerGzipBudget !== undefined && eagerSize.gzip > scenario.eagerGzipBudget) {
      failures.push(
        `${scenario.name}: eager code is ${eagerSize.gzip} B gzip, over the ${scenario.eagerGzipBudget} B budget`,
      );
    }
    for (const name of MUST_STAY_LAZY) {
      if (eagerPackages.has(name))
        failures.push(`${scenario.name}: ${name} is in the eager code; it must stay a lazy chunk`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pad = (value, width, right = false) => (right ? String(value).padStart(width) : String(value).padEnd(width));
console.log(
  '@backup-kit/react size (esbuild, minified, ESM, browser, splitting; react, react-dom, @portal-hq/web external)\n',
);
console.log(
  `${pad('import', 16)}${pad('chunk', 56)}${pad('min B', 10, true)}${pad('gzip B', 10, true)}${pad('budget', 12, true)}`,
);
for (const row of rows) {
  const budget = row.budget === undefined ? '' : `≤ ${row.budget} ${row.gzip <= row.budget ? 'ok' : 'OVER'}`;
  console.log(
    `${pad(row.scenario, 16)}${pad(row.chunk, 56)}${pad(row.min, 10, true)}${pad(row.gzip, 10, true)}${pad(budget, 12, true)}`,
  );
}
console.log(`\nLazy chunks load only when used; ${MUST_STAY_LAZY.join(' and ')} must never be eager.`);
console.log('"unused" chunks are emitted by esbuild for import()s in tree-shaken modules; nothing loads them.');

if (failures.length > 0) {
  console.error(`\nbench:size: ${failures.length} budget(s) broken:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log('\nbench:size: every budget holds.');
}

// The other cost an app pays: commits per backup (see scripts/bench-renders.mjs).
if (!process.argv.includes('--no-renders')) {
  try {
    execFileSync('node', [path.join(root, 'scripts/bench-renders.mjs')], { cwd: root, stdio: 'inherit' });
  } catch {
    process.exitCode = 1;
  }
}

// The same kit in a stock Vite 8 app's production build (see scripts/bench-vite-consumer.mjs).
if (!process.argv.includes('--no-vite')) {
  try {
    execFileSync('node', [path.join(root, 'scripts/bench-vite-consumer.mjs')], { cwd: root, stdio: 'inherit' });
  } catch {
    process.exitCode = 1;
  }
}

/** The npm packages whose code went into an output (from esbuild's metafile inputs). */
function packagesIn(inputs) {
  const names = new Set();
  for (const input of Object.keys(inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/);
    if (match) names.add(match[1]);
  }
  return [...names];
}

/** A short name for a lazy chunk: its npm packages, or its biggest source file. */
function describe(inputs) {
  const external = packagesIn(inputs).filter((name) => !name.startsWith('@backup-kit/'));
  if (external.length > 0) return external.join(', ');
  const biggest = Object.entries(inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)[0];
  return biggest ? path.basename(biggest[0]) : '(empty)';
}
