import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built bin (`pnpm -r build` runs before the tests in scripts/test.sh). */
export const builtBin = fileURLToPath(new URL('../../dist/bin.js', import.meta.url));
export const binIsBuilt = () => existsSync(builtBin);

/** Runs the built bin as an operator would, with `env` over this process's environment. */
export function runBin(args: string[], env: Record<string, string>, cwd?: string) {
  const child = spawn(process.execPath, [builtBin, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    child,
    exited,
    output: () => ({ stdout, stderr }),
    /** The URL a server prints first; rejects if the bin exits instead. */
    url: () =>
      new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (chunk) => resolve(String(chunk).trim()));
        child.once('exit', (code) => reject(new Error(`bin exited with ${code}: ${stderr}`)));
      }),
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
