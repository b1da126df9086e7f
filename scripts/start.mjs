// Runs the development services side by side and prints where they are. Each service is a
// child process; when one exits or Ctrl-C is pressed, all of them stop.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const services = [
  {
    name: 'storybook',
    url: 'http://localhost:6006',
    cmd: ['pnpm', 'exec', 'storybook', 'dev', '-p', '6006', '--ci', '--quiet'],
    when: () => existsSync(`${root}.storybook/main.ts`),
  },
];

const children = [];
function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

for (const service of services.filter((s) => s.when())) {
  const child = spawn(service.cmd[0], service.cmd.slice(1), {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  const prefix = `[${service.name}]`;
  child.stdout.on('data', (d) => process.stdout.write(`${prefix} ${d}`));
  child.stderr.on('data', (d) => process.stderr.write(`${prefix} ${d}`));
  child.on('exit', (code) => {
    console.error(`${prefix} exited with ${code}`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

console.log('\nBackup Kit is starting:');
for (const service of services.filter((s) => s.when())) console.log(`  ${service.name.padEnd(11)} ${service.url}`);
console.log('Press Ctrl-C to stop.\n');
