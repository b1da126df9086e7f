import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));

function typecheck(project: string): string {
  try {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}${stderr}` || String(error);
  }
}

// These read the packages' built declarations (dist), as an installed copy would be read.
describe('a user app with the stock Vite React TypeScript template settings', () => {
  it('type-checks its imports of @backup-kit/react and @backup-kit/core', () => {
    expect(typecheck('tsconfig.app.json')).toBe('');
  }, 60_000);

  it('still type-checks with skipLibCheck turned off', () => {
    expect(typecheck('tsconfig.strict-libs.json')).toBe('');
  }, 60_000);
});
