#!/usr/bin/env node
// What a stock Vite 8 app ships when it uses @backup-kit/react.
//
// Builds, with the repo's vite (8) programmatically, in production mode and with Vite's default
// settings (plus the React plugin of the stock template), two tiny apps in a temp dir: one that
// renders only a BackupButton, one that renders every component. The kit is resolved from its
// BUILT packages (dist), as an app gets it after installing it. Prints every emitted chunk
// (minified by Vite, gzip -9), whether it is eager (the entry and its static imports) or lazy
// (reached only through import()), and what is in it; exits non-zero if tldts or
// @simplewebauthn/browser end up in the eager code.
//
// Why a Vite build besides esbuild's (bench-size.mjs): rolldown chunks and inlines differently
// (its constant inlining once copied tldts's 69 kB trie string three times), and a library
// cannot set its consumers' bundler options.
//
// Usage: node scripts/bench-vite-consumer.mjs   (after building core and react; bench:size does)

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, version } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const reactDist = path.join(root, 'packages/react/dist/index.js');
/** Packages core loads with import(): never in the eager code. */
const MUST_STAY_LAZY = ['tldts', 'tldts-core', '@simplewebauthn/browser'];

const apps = [
  {
    name: 'BackupButton',
    imports: 'BackupKitProvider, BackupButton',
    body: "h(BackupButton.DropIn, { method: 'PASSKEY' })",
  },
  {
    name: 'all components',
    imports: 'BackupKitProvider, BackupButton, PasswordBackup, PasskeySetup, RecoverWallet, BackupStatus',
    body: "h(BackupButton.DropIn, { method: 'PASSKEY' }), h(PasswordBackup.DropIn), h(PasskeySetup.DropIn), h(RecoverWallet.DropIn), h(BackupStatus.DropIn)",
  },
];

if (!existsSync(reactDist)) {
  console.error('bench-vite-consumer: packages/react/dist is missing; build the packages first.');
  process.exit(2);
}

// Inside packages/react/node_modules, so the app resolves react and react-dom as an app would.
const cache = path.join(root, 'packages/react/node_modules/.cache');
mkdirSync(cache, { recursive: true });
const work = mkdtempSync(path.join(cache, 'vite-consumer-'));
const failures = [];
const rows = [];

try {
  for (const app of apps) {
    const dir = path.join(work, app.name.replace(/\W+/g, '-'));
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(
      path.join(dir, 'index.html'),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="/src/main.js"></script></body></html>\n',
    );
    writeFileSync(
      path.join(dir, 'src/main.js'),
      [
        "import { createElement as h } from 'react';",
        "import { createRoot } from 'react-dom/client';",
        `import { ${app.imports} } from '@backup-kit/react';`,
        "const portalOptions = { rpcConfig: {}, host: 'localhost:5190' };",
        `createRoot(document.getElementById('root')).render(h(BackupKitProvider, { portalOptions }, ${app.body}));`,
        '',
      ].join('\n'),
    );

    const result = await build({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      mode: 'production',
      plugins: [react()],
      // Only where the kit comes from: its built package, as after `npm install`.
      resolve: { alias: { '@backup-kit/react': reactDist } },
      build: { outDir: path.join(dir, 'dist'), write: false },
    });
    const output = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
    const chunks = new Map(output.filter((item) => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));

    const eager = new Set();
    const visit = (fileName) => {
      if (eager.has(fileName) || !chunks.has(fileName)) return;
      eager.add(fileName);
      for (const imported of chunks.get(fileName).imports) visit(imported);
    };
    for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);

    const eagerTotal = { min: 0, gzip: 0 };
    for (const chunk of [...chunks.values()].sort(
      (a, b) => Number(eager.has(b.fileName)) - Number(eager.has(a.fileName)),
    )) {
      const min = Buffer.byteLength(chunk.code);
      const gzip = gzipSync(chunk.code, { level: 9 }).length;
      const kind = eager.has(chunk.fileName) ? 'eager' : 'lazy';
      if (kind === 'eager') {
        eagerTotal.min += min;
        eagerTotal.gzip += gzip;
      }
      const packages = packagesIn(chunk.modules);
      rows.push({
        app: app.name,
        kind,
        file: chunk.fileName.replace(/^assets\//, ''),
        min,
        gzip,
        what: describe(packages),
      });
      for (const name of MUST_STAY_LAZY) {
        if (kind === 'eager' && packages.has(name))
          failures.push(`${app.name}: ${name} is in the eager chunk ${chunk.fileName}`);
      }
    }
    rows.push({ app: app.name, kind: 'total', file: 'eager (incl. react, react-dom)', ...eagerTotal, what: '' });
    const kit = [...eager].reduce((sum, file) => sum + kitBytes(chunks.get(file).modules), 0);
    rows.push({
      app: app.name,
      kind: 'total',
      file: 'eager kit code (before minifying)',
      min: kit,
      gzip: '',
      what: '',
    });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pad = (value, width, right = false) => (right ? String(value).padStart(width) : String(value).padEnd(width));
console.log(
  `\nA stock Vite ${version} app (production build, default settings, React plugin) using @backup-kit/react\n`,
);
console.log(
  `${pad('app', 16)}${pad('kind', 7)}${pad('chunk', 40)}${pad('min B', 9, true)}${pad('gzip B', 9, true)}  contents`,
);
for (const row of rows) {
  console.log(
    `${pad(row.app, 16)}${pad(row.kind, 7)}${pad(row.file, 40)}${pad(row.min, 9, true)}${pad(row.gzip, 9, true)}  ${row.what}`,
  );
}
if (failures.length > 0) {
  console.error(`\nbench-vite-consumer: ${failures.length} problem(s):\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
} else {
  console.log(`\nbench-vite-consumer: ${MUST_STAY_LAZY.join(', ')} are never eager.`);
}

/** The npm packages in a chunk with their rendered bytes (Vite's module ids are real paths). */
function packagesIn(modules) {
  const sizes = new Map();
  for (const [id, info] of Object.entries(modules)) {
    if (info.renderedLength === 0) continue;
    const name = packageOf(id);
    sizes.set(name, (sizes.get(name) ?? 0) + info.renderedLength);
  }
  return sizes;
}

function packageOf(id) {
  if (id.includes('/packages/core/')) return '@backup-kit/core';
  if (id.includes('/packages/react/dist/')) return '@backup-kit/react';
  const match = id.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/);
  return match ? match[1] : 'app';
}

function kitBytes(modules) {
  let sum = 0;
  for (const [id, info] of Object.entries(modules))
    if (packageOf(id).startsWith('@backup-kit/')) sum += info.renderedLength;
  return sum;
}

/** The chunk's packages, biggest first, with their share of its rendered code. */
function describe(sizes) {
  const total = [...sizes.values()].reduce((a, b) => a + b, 0) || 1;
  return [...sizes.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name, bytes]) => `${name} ${Math.round((bytes / total) * 100)}%`)
    .join(', ');
}
