import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { silentLogger } from '../src/log/logger.js';
import { type RunningServer, startServer } from '../src/start-server.js';
import { createPostgresDatabase, postgresBackend } from './support/backends.js';
import { launchChromium, openPasskeyPage, type PasskeyPage, servePasskeyPage } from './support/passkey-browser.js';
import { WEBHOOK_SECRET, tempDir } from './support/test-server.js';
import { assertion, randomVaultKey, vaultPost } from './support/vault.js';

// Two vault instances behind a load balancer: separate servers with separate pools, sharing
// only Postgres and the key file. Every step of a ceremony may land on either.
describe.skipIf(!postgresBackend().available)('passkey vault on two instances over one Postgres', () => {
  let browser: Browser;
  let pages: Awaited<ReturnType<typeof servePasskeyPage>>;
  let page: PasskeyPage;
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    const [databaseUrl, keyDir] = await Promise.all([createPostgresDatabase(), tempDir()]);
    [browser, pages] = await Promise.all([launchChromium(), servePasskeyPage()]);
    const pageOrigin = `http://localhost:${pages.port}`;
    const startInstance = () =>
      startServer({
        port: 0,
        databaseUrl,
        keyFile: join(keyDir, 'keys.json'),
        webhookSecret: WEBHOOK_SECRET,
        logger: silentLogger,
        mode: 'development',
        vault: { relyingParties: ['localhost'], allowedOrigins: [pageOrigin] },
      });
    [first, second] = await Promise.all([startInstance(), startInstance()]);
    page = await openPasskeyPage(browser, pageOrigin);
  });
  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await pages?.close();
    await first?.stop();
    await second?.stop();
  });

  it('registers with options from one instance and verify on the other, then writes and reads the key across them', async () => {
    const options = await page.post(`${first.url}/vault/registration/options`, { rpId: 'localhost', rpName: 'Test' });
    const { response } = await page.create(options.body.options);
    const registered = await page.post(`${second.url}/vault/registration/verify`, {
      ceremonyId: options.body.ceremonyId,
      response,
    });
    expect(registered.status).toBe(200);
    const credentialId = registered.body.credentialId as string;

    const key = randomVaultKey();
    const write = await assertion(page, second.url, { credentialId });
    expect(
      (
        await vaultPost(first.url, 'authentication/verify', {
          ceremonyId: write.ceremonyId,
          response: write.response,
          write: { key },
        })
      ).status,
    ).toBe(200);

    const read = await assertion(page, first.url);
    expect(
      await vaultPost(second.url, 'authentication/verify', { ceremonyId: read.ceremonyId, response: read.response }),
    ).toMatchObject({
      status: 200,
      body: { credentialId, mode: 'vault', key },
    });
  });

  it('lets only one instance consume a ceremony both receive at once', async () => {
    const options = await vaultPost(first.url, 'registration/options', { rpId: 'localhost', rpName: 'Test' });
    const { response } = await page.create(options.body.options);
    const body = { ceremonyId: options.body.ceremonyId, response };
    const answers = await Promise.all([
      vaultPost(first.url, 'registration/verify', body),
      vaultPost(second.url, 'registration/verify', body),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
  });
});
