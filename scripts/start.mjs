// Runs the development services side by side on fixed ports and prints where they are:
//   the Backup Kit server (PGlite in .data/server, passkey vault for localhost),
//   the Portal emulator (self-managed: custodian shares go to the server's webhook),
//   the playground (Vite) and Storybook.
// Each service is a child process; when one exits or Ctrl-C is pressed, all of them stop.
// Run through `bash scripts/start.sh`, which installs and builds first.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';

const root = new URL('..', import.meta.url).pathname;

const PORTS = { server: 8787, emulator: 5190, playground: 5173, storybook: 6006 };
const PLAYGROUND_ORIGIN = `http://localhost:${PORTS.playground}`;
// A development secret shared by the emulator (sender) and the server (receiver) only; the
// server refuses one under 32 characters (make a real one with `openssl rand -hex 32`).
const WEBHOOK_SECRET = process.env.WEBHOOK_SECRET ?? 'backup-kit-development-webhook-secret-not-for-production';

const serverBin = `${root}packages/server/dist/bin.js`;
const emulatorBin = `${root}packages/emulator/dist/cli.js`;

/** The emulator mounts the passkey vault itself in newer builds; use it only when it says so. */
function emulatorHasVault() {
  if (!existsSync(emulatorBin)) return false;
  const help = spawnSync(process.execPath, [emulatorBin, '--help'], { encoding: 'utf8' });
  return `${help.stdout}${help.stderr}`.includes('--vault-origin');
}

const services = [
  {
    name: 'server',
    port: PORTS.server,
    url: `http://localhost:${PORTS.server}`,
    // A TCP connection is enough (an HTTP probe would put a refused request in its log).
    probe: { host: '127.0.0.1', port: PORTS.server },
    what: 'Backup Kit server: /users/:id/user-backup-share, /webhook/backup, passkey vault /vault/',
    when: () => existsSync(serverBin),
    cmd: () => [
      process.execPath,
      serverBin,
      ...['--port', String(PORTS.server), '--data-dir', '.data/server'],
      ...['--vault-rp-id', 'localhost', '--vault-origin', PLAYGROUND_ORIGIN],
      // Development mode: the playground names its user in X-Backup-Kit-User (loopback only).
      '--dev',
    ],
    env: { WEBHOOK_SECRET },
  },
  {
    name: 'emulator',
    port: PORTS.emulator,
    url: `http://localhost:${PORTS.emulator}`,
    probe: `http://localhost:${PORTS.emulator}/_emulator/state`,
    what: 'Portal emulator (development only, not MPC): new Portal({ host: "localhost:5190" })',
    when: () => existsSync(emulatorBin),
    cmd: () => [
      process.execPath,
      emulatorBin,
      ...['--port', String(PORTS.emulator)],
      ...['--webhook-url', `http://127.0.0.1:${PORTS.server}`],
      ...(emulatorHasVault() ? ['--vault-origin', PLAYGROUND_ORIGIN] : []),
    ],
    env: { WEBHOOK_SECRET },
  },
  {
    name: 'playground',
    port: PORTS.playground,
    url: `${PLAYGROUND_ORIGIN}/`,
    probe: `${PLAYGROUND_ORIGIN}/`,
    what: 'the playground: create, back up, lose the device, recover',
    when: () => existsSync(`${root}apps/playground/package.json`),
    cmd: () => [
      'pnpm',
      '--filter',
      '@backup-kit/playground',
      'exec',
      'vite',
      '--port',
      String(PORTS.playground),
      '--strictPort',
    ],
    env: {
      VITE_PORTAL_HOST: `localhost:${PORTS.emulator}`,
      VITE_SERVER_URL: `http://localhost:${PORTS.server}`,
      VITE_VAULT_URL: `http://localhost:${PORTS.server}`,
    },
  },
  {
    name: 'storybook',
    port: PORTS.storybook,
    url: `http://localhost:${PORTS.storybook}`,
    probe: `http://localhost:${PORTS.storybook}/index.json`,
    what: 'Storybook: every state of every component',
    when: () => existsSync(`${root}.storybook/main.ts`),
    cmd: () => ['pnpm', 'exec', 'storybook', 'dev', '-p', String(PORTS.storybook), '--ci', '--quiet'],
    env: {},
  },
].filter((service) => service.when());

/** Free on both loopback addresses: the services listen on 127.0.0.1 or localhost. */
function portIsFree(port, host) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', (error) => resolve(error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT'));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

const taken = [];
for (const service of services) {
  const free = (await portIsFree(service.port, '127.0.0.1')) && (await portIsFree(service.port, '::1'));
  if (!free) taken.push(service);
}
if (taken.length > 0) {
  for (const service of taken) {
    console.error(
      `Port ${service.port} is taken, and the ${service.name} needs it (${service.url}).\n` +
        `  Find what uses it with: ss -ltnp 'sport = :${service.port}'   (or lsof -i :${service.port})`,
    );
  }
  console.error('\nStop it (perhaps an earlier `bash scripts/start.sh`) and start again. Nothing was started.');
  process.exit(1);
}

const children = [];
let stopping = false;
/** Each service runs in its own process group (pnpm and Vite start children of their own). */
function signalGroup(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}
function stopAll(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping every service…');
  for (const child of children) signalGroup(child, 'SIGTERM');
  // Give them a moment to close their ports and databases, then make sure.
  const deadline = setTimeout(() => {
    for (const child of children) signalGroup(child, 'SIGKILL');
    process.exit(code);
  }, 5000);
  deadline.unref();
  Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : null,
    ),
  ).then(() => process.exit(code));
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

for (const service of services) {
  const [cmd, ...args] = service.cmd();
  const child = spawn(cmd, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...service.env },
    detached: true,
  });
  const prefix = `[${service.name}]`;
  const relay = (stream) => (data) => {
    for (const line of String(data).split('\n')) if (line.trim()) stream.write(`${prefix} ${line}\n`);
  };
  child.stdout.on('data', relay(process.stdout));
  child.stderr.on('data', relay(process.stderr));
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${prefix} exited with ${signal ?? code}; stopping everything.`);
    stopAll(code || 1);
  });
  children.push(child);
}

function answers(probe) {
  if (typeof probe !== 'string') {
    return new Promise((resolve) => {
      const socket = connect(probe, () => socket.end(() => resolve(true)));
      socket.once('error', () => resolve(false));
    });
  }
  return fetch(probe, { signal: AbortSignal.timeout(2000) }).then(
    (response) => response.body?.cancel().then(() => true) ?? true,
    () => false,
  );
}

async function waitFor(service, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until && !stopping) {
    if (await answers(service.probe)) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

const ready = await Promise.all(services.map((service) => waitFor(service)));
if (!stopping) {
  console.log('\nBackup Kit is running:');
  services.forEach((service, i) =>
    console.log(
      `  ${service.name.padEnd(11)} ${service.url.padEnd(24)} ${ready[i] ? '' : '(not answering yet) '}${service.what}`,
    ),
  );
  console.log('\nOpen the playground at ' + `${PLAYGROUND_ORIGIN}/` + '. Press Ctrl-C to stop everything.\n');
}
