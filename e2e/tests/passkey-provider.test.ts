// Issue 11.1 and 11.2: the passkey options given once, on BackupKitProvider, drive both paths
// (Portal's window at the emulator, the kit's direct path against the vault), and nothing is
// downloaded between the user's click and the passkey prompt.
import type { Page, Request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { codeRequestsBetween, recordCeremonies, type ContextEvent } from '../support/ceremonies.js';
import { client, completedMethods } from '../support/emulator.js';
import { PasskeyWallet, VirtualAuthenticator } from '../support/passkeys.js';
import { waitForState, type Playground } from '../support/playground.js';
import { useStack } from '../support/stack.js';

const stack = useStack();
/** Only the page's query gives this name, to the provider alone: a ceremony that shows it read the provider's options. */
const RP_NAME = 'Provider-only passkey e2e';

/** The playground in a recorded context, with a virtual authenticator on its page. */
async function openRecorded(query: Record<string, string> = {}) {
  const context = await stack.newContext();
  const events = await recordCeremonies(context);
  let authenticator: VirtualAuthenticator | undefined;
  const app = await stack.open({
    context,
    query: { rpName: RP_NAME, ...query },
    setUp: async (page: Page) => (authenticator = await VirtualAuthenticator.attach(page)),
  });
  return { app, events, authenticator: authenticator! };
}

const ceremonies = (events: readonly ContextEvent[]) =>
  events.filter((event): event is Extract<ContextEvent, { kind: 'create' | 'get' }> =>
    ['create', 'get'].includes(event.kind),
  );

/** The bodies the page POSTed to a path (the vault's, the emulator's), in order. */
function recordPosts(app: Playground, path: string): Array<{ origin: string; body: Record<string, unknown> }> {
  const posts: Array<{ origin: string; body: Record<string, unknown> }> = [];
  app.context.on('request', (request: Request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith(path)) {
      posts.push({ origin: new URL(request.url()).origin, body: request.postDataJSON() as Record<string, unknown> });
    }
  });
  return posts;
}

async function directSetup(app: Playground) {
  const setup = app.passkeySetup(await app.openMethod('passkey-direct'));
  // idle: the options' check and the direct path's code were loaded when the options were given.
  await waitForState(setup, ['idle']);
  return setup;
}

describe('passkey options given once, on the provider', () => {
  test('the direct path (usePopup: false): back up and recover with the relying party of the provider', async () => {
    const { app, events, authenticator } = await openRecorded({ passkey: 'direct' });
    const registrations = recordPosts(app, '/vault/registration/options');
    const address = await app.createWallet();
    // The provider's options are the direct path's: Portal's window is not offered on this page.
    await expect(app.page.locator('details[data-method-panel="passkey-sdk"]').count()).resolves.toBe(0);
    const setup = await directSetup(app);
    await setup.getByRole('button', { name: 'Create a passkey and back up' }).click();
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');

    // The ceremonies ran in this page (no window), with the provider's relying party.
    expect(app.context.pages()).toHaveLength(1);
    expect(ceremonies(events).map(({ kind, rpId, rpName }) => ({ kind, rpId, rpName }))).toEqual([
      { kind: 'create', rpId: 'localhost', rpName: RP_NAME },
      { kind: 'get', rpId: 'localhost', rpName: undefined },
    ]);
    // Against the vault at the provider's customDomain (the server), asked for the provider's relying party.
    expect(registrations).toEqual([
      { origin: stack.server.url, body: expect.objectContaining({ rpId: 'localhost', rpName: RP_NAME }) },
    ]);
    expect((await stack.server.userShare(app.userId, 'CUSTOM')).status).toBe(200);
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSWORD']);
    expect(await authenticator.credentials()).toHaveLength(1);

    await app.loseDevice();
    // RecoverWallet has no passkey prop on this page either: it unlocks with the provider's options.
    expect(await app.recoverWith('Passkey (key vault)')).toBe('success');
    expect(await app.address()).toBe(address);
    expect(
      ceremonies(events)
        .slice(2)
        .map(({ kind, rpId }) => ({ kind, rpId })),
    ).toEqual([{ kind: 'get', rpId: 'localhost' }]);
  });

  test("Portal's path: the window opens at the emulator's webAuthnHost with the provider's relying party; recovery gives the same address", async () => {
    const { app, events } = await openRecorded();
    const operations = recordPosts(app, '/api/v1/passkey/operations');
    const passkeys = new PasskeyWallet();
    const address = await app.createWallet();
    const setup = app.passkeySetup(await app.openMethod('passkey-sdk'));
    await waitForState(setup, ['idle']);

    const throughWindow = async (click: () => Promise<void>) => {
      const opened = app.context.waitForEvent('page');
      await click();
      const popup = await opened;
      await passkeys.attachTo(popup);
      const closed = popup.waitForEvent('close');
      expect(new URL(popup.url()).host).toBe(stack.emulator.host);
      await popup.getByRole('button', { name: 'Continue with passkey' }).click();
      await closed;
    };

    await throughWindow(() => setup.getByRole('button', { name: "Back up with a passkey in Portal's window" }).click());
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');
    // Portal was created with the config the kit built from the provider's options.
    const portalConfig = {
      relyingParty: 'localhost',
      relyingPartyOrigins: [stack.origin],
      webAuthnHost: stack.emulator.host,
    };
    expect(operations.map(({ body }) => ({ kind: body.kind, passkey: body.passkey }))).toEqual([
      { kind: 'backup', passkey: portalConfig },
    ]);
    // The passkey window's ceremonies (a create, then a get for its PRF) ran at the emulator, none in the page.
    const windowCeremonies = ceremonies(events).map(({ kind, page, rpId }) => ({
      kind,
      host: new URL(page).host,
      rpId,
    }));
    expect(windowCeremonies[0]).toEqual({ kind: 'create', host: stack.emulator.host, rpId: 'localhost' });
    for (const ceremony of windowCeremonies)
      expect(ceremony).toMatchObject({ host: stack.emulator.host, rpId: 'localhost' });
    expect(client(stack.emulator, app.apiKey).passkey).toMatchObject({ rpId: 'localhost' });
    expect(completedMethods(stack.emulator, app.apiKey)).toEqual(['PASSKEY']);

    await app.loseDevice();
    await app.chooseRecoveryMethod("Passkey (Portal's window)");
    await throughWindow(() => app.recover.getByRole('button', { name: 'Recover with passkey' }).click());
    expect(await app.recoveryOutcome()).toBe('success');
    expect(await app.address()).toBe(address);
    expect(operations.map(({ body }) => ({ kind: body.kind, passkey: body.passkey }))).toEqual([
      { kind: 'backup', passkey: portalConfig },
      { kind: 'recover', passkey: portalConfig },
    ]);
  });
});

describe('nothing is downloaded between the click and the passkey prompt', () => {
  test('the direct path: no script or module request between the click and navigator.credentials.create', async () => {
    const { app, events } = await openRecorded();
    await app.createWallet();
    const setup = await directSetup(app);
    events.length = 0;
    await setup.getByRole('button', { name: 'Create a passkey and back up' }).click();
    expect(await waitForState(setup, ['success', 'error', 'cancelled'])).toBe('success');
    expect(codeRequestsBetween(events, 'click-start', 'create', stack.origin)).toEqual([]);
    // The vault's options were fetched inside that window: the recording sees requests there.
    const vaultCalls = events.filter((event) => event.kind === 'request' && event.url.includes('/vault/'));
    expect(vaultCalls.length).toBeGreaterThan(0);
  });

  test("Portal's path: the passkey window opens inside the click, before any request", async () => {
    const { app, events } = await openRecorded();
    await app.createWallet();
    const setup = app.passkeySetup(await app.openMethod('passkey-sdk'));
    await waitForState(setup, ['idle']);
    events.length = 0;
    const opened = app.context.waitForEvent('page');
    await setup.getByRole('button', { name: "Back up with a passkey in Portal's window" }).click();
    const popup = await opened;
    const kinds = events.map((event) => event.kind);
    // Synchronously inside the click's dispatch: between its first and last listener.
    expect(kinds.indexOf('click-start')).toBeGreaterThanOrEqual(0);
    expect(kinds.indexOf('open')).toBeGreaterThan(kinds.indexOf('click-start'));
    expect(kinds.indexOf('click-end')).toBeGreaterThan(kinds.indexOf('open'));
    expect(codeRequestsBetween(events, 'click-start', 'open', stack.origin)).toEqual([]);
    await popup.close();
  });
});
