import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupDatabase } from '../src/db/backup-database.js';
import { createBackupRouter } from '../src/create-backup-router.js';
import {
  WEBHOOK_SECRET,
  captureLogs,
  getUserShare,
  putUserShare,
  startTestServer,
  tempDir,
  uniqueId,
} from './support/test-server.js';
import { pgliteBackend } from './support/backends.js';
import { silentLogger } from '../src/log/logger.js';
import { startServer } from '../src/start-server.js';
import type { Authorize } from '../src/router-options.js';
import { join } from 'node:path';

// Who may call is decided by the same middleware on either database: PGlite is enough here.
describe('access control', () => {
  let database: BackupDatabase;
  beforeAll(async () => {
    database = await pgliteBackend().open();
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('with an authorize hook', () => {
    // A stand-in for an app's session check: "Bearer <userId>".
    const authorize: Authorize = async (request) => {
      const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
      return token ? { userId: token } : null;
    };

    it('lets the caller the hook names use their own share', async () => {
      const server = await startTestServer(database, { authorize });
      try {
        const userId = uniqueId('user');
        const auth = { Authorization: `Bearer ${userId}`, 'X-Backup-Kit-User': '' };
        expect(
          (await putUserShare(server.url, userId, { backupMethod: 'PASSWORD', cipherText: 'mine' }, auth)).status,
        ).toBe(200);
        expect((await (await getUserShare(server.url, userId, 'PASSWORD', auth)).json()).cipherText).toBe('mine');
      } finally {
        await server.stop();
      }
    });

    it('answers 401 when the hook finds no identity, and ignores the development header', async () => {
      const server = await startTestServer(database, { authorize });
      try {
        const response = await getUserShare(server.url, 'alice', 'PASSWORD', { 'X-Backup-Kit-User': 'alice' });
        expect(response.status).toBe(401);
      } finally {
        await server.stop();
      }
    });

    it("answers 403 when the hook's caller is not the path's user", async () => {
      const server = await startTestServer(database, { authorize });
      try {
        const response = await putUserShare(
          server.url,
          'alice',
          { backupMethod: 'PASSWORD', cipherText: 'x' },
          {
            Authorization: 'Bearer mallory',
          },
        );
        expect(response.status).toBe(403);
      } finally {
        await server.stop();
      }
    });

    it('gives the hook the Node request when served by Node (for Express-style req.user)', async () => {
      let sawNodeRequest = false;
      const server = await startTestServer(database, {
        authorize: (_request, { nodeRequest }) => {
          sawNodeRequest = nodeRequest?.socket.remoteAddress === '127.0.0.1';
          return { userId: 'node-user' };
        },
      });
      try {
        await getUserShare(server.url, 'node-user', 'PASSWORD');
        expect(sawNodeRequest).toBe(true);
      } finally {
        await server.stop();
      }
    });
  });

  describe('start-up without a hook', () => {
    it('refuses to build a router in production mode', () => {
      expect(() => createBackupRouter({ db: database, webhookSecret: WEBHOOK_SECRET, mode: 'production' })).toThrow(
        /authorize hook/,
      );
    });

    it.each([undefined, 'development', 'Production', 'prod', 'test'])(
      "refuses to build a router without a hook or mode: 'development' when NODE_ENV=%s",
      (nodeEnv) => {
        const previous = process.env.NODE_ENV;
        if (nodeEnv === undefined) delete process.env.NODE_ENV;
        else process.env.NODE_ENV = nodeEnv;
        try {
          expect(() =>
            createBackupRouter({ db: database, webhookSecret: WEBHOOK_SECRET, logger: silentLogger }),
          ).toThrow(/no authorize hook.*mode: 'development'/);
        } finally {
          process.env.NODE_ENV = previous;
        }
      },
    );

    it('refuses to start without a hook or development mode', async () => {
      await expect(
        startServer({
          database,
          webhookSecret: WEBHOOK_SECRET,
          keyFile: join(await tempDir(), 'keys.json'),
          logger: captureLogs().logger,
        }),
      ).rejects.toThrow(/no authorize hook/);
    });

    it.each(['0.0.0.0', '192.168.1.10', '::'])('refuses development mode listening on %s', async (host) => {
      await expect(startTestServer(database, { host })).rejects.toThrow(/refusing development mode on --host/);
    });

    it.each(['short', 'x'.repeat(31)])('refuses a webhook secret of %j (under 32 characters)', (webhookSecret) => {
      expect(() => createBackupRouter({ db: database, webhookSecret, mode: 'development' })).toThrow(
        /at least 32 characters.*openssl rand -hex 32/,
      );
    });

    it('refuses to build a router without a webhook secret', () => {
      expect(() => createBackupRouter({ db: database, webhookSecret: '', mode: 'development' })).toThrow(
        /webhookSecret/,
      );
    });

    it('says loudly at start-up that development mode trusts the header', async () => {
      const logs = captureLogs();
      const server = await startTestServer(database, { logger: logs.logger });
      await server.stop();
      const warning = logs.lines.map((line) => JSON.parse(line)).find((entry) => entry.level === 'warn');
      expect(warning?.msg).toMatch(/DEVELOPMENT MODE.*X-Backup-Kit-User/);
    });

    it('stays quiet about development mode once a hook is given', async () => {
      const logs = captureLogs();
      const server = await startTestServer(database, { logger: logs.logger, authorize: () => null });
      await server.stop();
      expect(logs.lines.join('\n')).not.toContain('DEVELOPMENT MODE');
    });
  });

  describe('CORS for the playground', () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/users/alice/user-backup-share`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,x-backup-kit-user',
        },
      });

    it.each(['http://localhost:5173', 'http://127.0.0.1:4000'])(
      'allows %s with the kit headers in development',
      async (origin) => {
        const server = await startTestServer(database);
        try {
          const response = await preflight(server.url, origin);
          expect(response.status).toBe(204);
          expect(response.headers.get('access-control-allow-origin')).toBe(origin);
          const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
          expect(allowed).toContain('content-type');
          expect(allowed).toContain('x-backup-kit-user');
          expect(response.headers.get('access-control-allow-methods')).toContain('POST');
        } finally {
          await server.stop();
        }
      },
    );

    it.each(['https://evil.example', 'http://localhost.evil.example:5173'])(
      'gives %s no CORS grant',
      async (origin) => {
        const server = await startTestServer(database);
        try {
          expect((await preflight(server.url, origin)).headers.get('access-control-allow-origin')).toBeNull();
        } finally {
          await server.stop();
        }
      },
    );

    it('keeps the CORS grant on error answers so the browser can read them', async () => {
      const server = await startTestServer(database);
      try {
        const response = await fetch(`${server.url}/users/alice/user-backup-share?backupMethod=PASSWORD`, {
          headers: { Origin: 'http://localhost:5173' },
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      } finally {
        await server.stop();
      }
    });

    it('allows only the configured origins when given', async () => {
      const server = await startTestServer(database, { cors: { origins: ['https://wallet.example'] } });
      try {
        expect((await preflight(server.url, 'https://wallet.example')).headers.get('access-control-allow-origin')).toBe(
          'https://wallet.example',
        );
        expect(
          (await preflight(server.url, 'http://localhost:5173')).headers.get('access-control-allow-origin'),
        ).toBeNull();
      } finally {
        await server.stop();
      }
    });

    it('grants no origin by default in production', async () => {
      const server = await startTestServer(database, { mode: 'production', authorize: () => null });
      try {
        expect(
          (await preflight(server.url, 'http://localhost:5173')).headers.get('access-control-allow-origin'),
        ).toBeNull();
      } finally {
        await server.stop();
      }
    });
  });
});
