import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import {
  startEmulator,
  type EmulatorLogger,
  type RunningEmulator,
  type StartEmulatorOptions,
} from '@backup-kit/emulator';
import { silentLogger, startServer, type AuthorizeExport, type RunningServer } from '@backup-kit/server';
import type { Browser, BrowserContext } from 'playwright-core';
import { createServer as createViteServer, type ViteDevServer } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchChromium } from './chromium.js';
import { Playground, type OpenOptions } from './playground.js';

const playgroundRoot = fileURLToPath(new URL('../../apps/playground/', import.meta.url));
// At least 32 characters: the server refuses a shorter one.
const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef';

/** Output of the services goes nowhere unless E2E_VERBOSE is set. */
const verbose = !!process.env.E2E_VERBOSE;
const emulatorLogger: EmulatorLogger = verbose
  ? { info: console.info, warn: console.warn, error: console.error }
  : { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The Backup Kit server on PGlite in a temporary folder, with the passkey vault for the
 * playground's origin. It can be stopped and started again on the same port and folder, and
 * its database read directly while it is stopped (PGlite allows one process per folder).
 */
export class ServerHandle {
  private running: RunningServer | undefined;
  private port = 0;

  constructor(
    readonly dataDir: string,
    private readonly playgroundOrigin: string,
    /** The export hook the server starts with (see `StackOptions.authorizeExport`); change it, then restart. */
    public authorizeExport?: AuthorizeExport,
  ) {}

  /** How the browser reaches it: `localhost` (the passkey relying party), not 127.0.0.1. */
  get url(): string {
    return `http://localhost:${this.port}`;
  }

  /** How the emulator's webhook reaches it. */
  get webhookUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = await startServer({
      port: this.port,
      dataDir: join(this.dataDir, 'db'),
      keyFile: join(this.dataDir, 'keys', 'backup-kit-keys.json'),
      webhookSecret: WEBHOOK_SECRET,
      // The playground and these tests name the user in X-Backup-Kit-User: development mode.
      mode: 'development',
      vault: { relyingParties: ['localhost'], allowedOrigins: [this.playgroundOrigin] },
      rateLimit: false,
      ...(this.authorizeExport && { authorizeExport: this.authorizeExport }),
      ...(verbose ? {} : { logger: silentLogger }),
    });
    this.port = this.running.port;
  }

  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
  }

  /** What the server stores for a user and method, read through its own GET route. */
  async userShare(
    userId: string,
    backupMethod: string,
  ): Promise<{ status: number; cipherText?: string; updatedAt?: string }> {
    const response = await fetch(
      `${this.webhookUrl}/users/${encodeURIComponent(userId)}/user-backup-share?backupMethod=${backupMethod}`,
      { headers: { 'X-Backup-Kit-User': userId } },
    );
    if (response.status !== 200) return { status: response.status };
    const body = (await response.json()) as { cipherText: string; updatedAt: string };
    return { status: 200, cipherText: body.cipherText, updatedAt: body.updatedAt };
  }

  /** Whether the custodian backup share of a Portal client reached the server's webhook store. */
  async hasCustodianShare(clientId: string, backupMethod: string): Promise<boolean> {
    const response = await fetch(`${this.webhookUrl}/webhook/backup/fetch`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Webhook-Secret': WEBHOOK_SECRET },
      body: JSON.stringify({ clientId, backupMethod }),
    });
    await response.body?.cancel();
    return response.status === 200;
  }

  /** Stops the server, runs `read` on its database, and starts it again on the same port. */
  async readDatabase<T>(read: (db: PGlite) => Promise<T>): Promise<T> {
    await this.stop();
    const db = await PGlite.create(join(this.dataDir, 'db'));
    try {
      return await read(db);
    } finally {
      await db.close();
      await this.start();
    }
  }
}

export interface StackOptions {
  emulator?: Omit<StartEmulatorOptions, 'port' | 'webhook' | 'logger' | 'vault'>;
  /** Turns on the server's export route (`POST /users/:id/custodian-backup-share/export`). */
  authorizeExport?: AuthorizeExport;
}

export interface Stack {
  readonly browser: Browser;
  readonly emulator: RunningEmulator;
  readonly server: ServerHandle;
  /** The playground's origin, e.g. http://localhost:41234 */
  readonly origin: string;
  /** The playground in a new browser context: a new user with nothing on this "device". */
  open(options?: OpenOptions): Promise<Playground>;
  /** A browser context of its own, for tests that set it up before the page loads. */
  newContext(): Promise<BrowserContext>;
}

/**
 * Once per test file: Chromium, the playground's Vite dev server, the server and the emulator
 * (self-managed backups: custodian shares go to the server's webhook), all on free ports.
 * Every browser context is closed after each test; each test makes its own users.
 */
export function useStack(options: StackOptions = {}): Stack {
  let browser: Browser | undefined;
  let vite: ViteDevServer | undefined;
  let emulator: RunningEmulator | undefined;
  let server: ServerHandle | undefined;
  let origin = '';
  let tempDir = '';

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: use it inside a test`);
    return value;
  };

  beforeAll(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'backup-kit-e2e-'));
    const [launched, viteServer] = await Promise.all([launchChromium(), startPlayground()]);
    browser = launched;
    vite = viteServer;
    origin = new URL(viteServer.resolvedUrls?.local[0] ?? '').origin;
    server = new ServerHandle(tempDir, origin, options.authorizeExport);
    await server.start();
    emulator = await startEmulator({
      port: 0,
      webhook: { url: server.webhookUrl, secret: WEBHOOK_SECRET },
      // The emulator's own mount of the key vault (in memory), for customDomain = emulator.url.
      vault: { relyingParties: ['localhost'], allowedOrigins: [origin] },
      logger: emulatorLogger,
      ...options.emulator,
    });
  });

  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
    emulator?.control.clearFaults();
    if (server && !server.isRunning) await server.start();
  });

  afterAll(async () => {
    await Promise.allSettled([browser?.close(), vite?.close(), emulator?.stop(), server?.stop()]);
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  });

  const stack: Stack = {
    get browser() {
      return started(browser, 'Chromium');
    },
    get emulator() {
      return started(emulator, 'The emulator');
    },
    get server() {
      return started(server, 'The server');
    },
    get origin() {
      return started(origin || undefined, 'The playground');
    },
    newContext: () => started(browser, 'Chromium').newContext(),
    open: (openOptions) => Playground.open(stack, openOptions),
  };
  return stack;
}

/** The playground's own Vite config, served from source on a free port. */
async function startPlayground(): Promise<ViteDevServer> {
  const server = await createViteServer({
    root: playgroundRoot,
    configFile: join(playgroundRoot, 'vite.config.ts'),
    // Pre-bundled dependencies are kept between runs, beside the playground's own cache.
    cacheDir: join(playgroundRoot, 'node_modules/.vite-e2e'),
    logLevel: verbose ? 'info' : 'error',
    clearScreen: false,
    server: { host: 'localhost', port: 0, strictPort: false, watch: null, hmr: false },
  });
  await server.listen();
  return server;
}
