import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const script = fileURLToPath(new URL('../../../../scripts/postgres.sh', import.meta.url));

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

/** A fresh cluster on a free loopback port through scripts/postgres.sh (installs it if needed). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const { stdout } = await run('bash', [script, 'start'], { timeout: 600_000 });
  const value = (name: string) => stdout.match(new RegExp(`^${name}=(.+)$`, 'm'))?.[1];
  const url = value('DATABASE_URL');
  const dir = value('PGDIR');
  if (!url || !dir) throw new Error(`scripts/postgres.sh start printed no DATABASE_URL:\n${stdout}`);
  return { url, stop: async () => void (await run('bash', [script, 'stop', dir], { timeout: 60_000 })) };
}
