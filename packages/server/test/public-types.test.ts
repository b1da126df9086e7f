import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/test-server.js';

const builtTypes = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));

// drizzle-orm's and PGlite's own declaration files fail a strict check (see tsconfig.json), so
// the public types must not reach them: a consumer without skipLibCheck has to compile.
describe.skipIf(!existsSync(builtTypes))('the published types', () => {
  it('type-check in a strict consumer without skipLibCheck', async () => {
    const consumer = join(await tempDir(), 'consumer.ts');
    await writeFile(
      consumer,
      `import { createBackupRouter, createVaultRouter, openBackupDatabase, startServer, type Authorize, type VaultOptions } from ${JSON.stringify(builtTypes.replace(/\.d\.ts$/, '.js'))};
const authorize: Authorize = async (request) => (request.headers.get('x-user') ? { userId: 'u' } : null);
const db = await openBackupDatabase({ dataDir: 'memory://' });
const vault: VaultOptions = { relyingParties: ['localhost'], allowedOrigins: ['http://localhost:5173'] };
const router = createBackupRouter({ db, webhookSecret: 's', authorize, vault });
const vaultOnly = createVaultRouter({ db, ...vault, challengeTtlMs: 60_000 });
const server = await startServer({ database: db, webhookSecret: 's', authorize, vault });
export const used = [router.requestListener, vaultOnly.fetch, server.url];
`,
    );
    const program = ts.createProgram([consumer], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: ['node'],
      typeRoots: [fileURLToPath(new URL('../node_modules/@types', import.meta.url))],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
