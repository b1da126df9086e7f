import { describe, expect, it } from 'vitest';
import { recoverWallet } from '../../portal/portal-calls.js';
import { getPortalFacade } from '../../portal.js';
import { createFakePortal } from '../../testing/index.js';
import { createDirectPasskeyPath, type WebAuthnModule } from './direct-path.js';

const options = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example',
  usePopup: false,
};
const PRF_BYTES = new Uint8Array(32).fill(7).buffer;

/** An in-memory vault speaking the protocol, recording every body it receives. */
function fakeVault() {
  const bodies: Array<{ path: string; body: Record<string, unknown> }> = [];
  const keys = new Map<string, { mode: 'prf' | 'vault'; key?: string }>();
  let ceremony = 0;
  const fetch = (async (input: URL | RequestInfo, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
    bodies.push({ path, body });
    const json = (value: unknown) => new Response(JSON.stringify(value), { status: 200 });
    switch (path) {
      case '/vault/registration/options':
      case '/vault/authentication/options':
        ceremony += 1;
        return json({ ceremonyId: `c${ceremony}`, options: { challenge: 'AAAA', rpId: body.rpId } });
      case '/vault/registration/verify':
        keys.set('cred-1', body.prf ? { mode: 'prf' } : { mode: 'vault' });
        return json({ credentialId: 'cred-1' });
      case '/vault/authentication/verify': {
        const write = body.write as { key?: string; prf?: true } | undefined;
        if (write) keys.set('cred-1', write.prf ? { mode: 'prf' } : { mode: 'vault', key: write.key! });
        const entry = keys.get('cred-1')!;
        return json({ credentialId: 'cred-1', mode: entry.mode, ...(!write && entry.key && { key: entry.key }) });
      }
      default:
        return new Response('{}', { status: 404 });
    }
  }) as typeof globalThis.fetch;
  return { fetch, bodies, keys };
}

/** A stand-in for @simplewebauthn/browser: the authenticator answers PRF or not, or refuses. */
function fakeWebAuthn(behaviour: { prfAtCreate?: boolean; prfAtGet?: boolean; refuseGet?: boolean }) {
  const prf = (on: boolean | undefined) => (on ? { prf: { enabled: true, results: { first: PRF_BYTES } } } : {});
  const lib: WebAuthnModule = {
    startRegistration: (async () => ({
      id: 'cred-1',
      rawId: 'cred-1',
      type: 'public-key',
      response: {},
      clientExtensionResults: prf(behaviour.prfAtCreate),
    })) as never,
    startAuthentication: (async () => {
      if (behaviour.refuseGet)
        throw new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError');
      return {
        id: 'cred-1',
        rawId: 'cred-1',
        type: 'public-key',
        response: {},
        clientExtensionResults: prf(behaviour.prfAtGet),
      };
    }) as never,
    WebAuthnAbortService: { cancelCeremony: () => {} },
  };
  return lib;
}

async function backUpWith(behaviour: Parameters<typeof fakeWebAuthn>[0]) {
  const vault = fakeVault();
  const portal = createFakePortal();
  const path = createDirectPasskeyPath({ fetch: vault.fetch, webauthn: fakeWebAuthn(behaviour) });
  await path.register(options, undefined);
  const produced = await path.backUp({
    facade: getPortalFacade(portal),
    options,
    signal: undefined,
    onProgress: () => {},
  });
  return { vault, portal, path, produced };
}

describe('direct passkey path', () => {
  it('derives the key from PRF at registration, stores no key in the vault, and never sends the PRF output', async () => {
    const { vault, portal, produced } = await backUpWith({ prfAtCreate: true, prfAtGet: true });

    expect(produced.portalMethod).toBe('PASSWORD');
    expect(vault.keys.get('cred-1')).toEqual({ mode: 'prf' });
    expect(vault.bodies.map((b) => b.path)).toEqual(['/vault/registration/options', '/vault/registration/verify']);
    expect(JSON.stringify(vault.bodies)).not.toContain('results');
    expect(portal.count('backupWallet', { backupMethod: 'PASSWORD' })).toBe(1);
  });

  it("hands over 3.4.1's storageCallback, which marks the PASSWORD pairs stored, in vault and PRF mode", async () => {
    for (const behaviour of [{}, { prfAtCreate: true, prfAtGet: true }]) {
      const { portal, produced } = await backUpWith(behaviour);
      const status = async () => (await portal.getClient!())?.wallets?.[0]?.backupSharePairs?.[0]?.status;
      expect(await status()).toBe('incomplete');

      await produced.storageCallback!();

      expect(await status()).toBe('completed');
    }
  });

  it('writes a fresh random 256-bit key to the vault when the authenticator has no PRF', async () => {
    const { vault } = await backUpWith({});

    const entry = vault.keys.get('cred-1');
    expect(entry?.mode).toBe('vault');
    expect(entry?.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const authOptions = vault.bodies.find((b) => b.path === '/vault/authentication/options');
    expect(authOptions?.body).toEqual({ rpId: 'example.com', credentialId: 'cred-1' });
  });

  it('makes a backup that the unlocked key recovers, in vault mode and in PRF mode', async () => {
    for (const behaviour of [{}, { prfAtCreate: true, prfAtGet: true }]) {
      const { portal, path, produced } = await backUpWith(behaviour);
      const unlocked = await path.unlock(options);

      expect(unlocked.method).toBe('PASSWORD');
      const facade = getPortalFacade(portal);
      await expect(
        recoverWallet(facade, {
          method: unlocked.method,
          cipherText: produced.cipherText,
          password: unlocked.password,
        }),
      ).resolves.toBe(portal.address);
    }
  });

  it('refuses to unlock a PRF backup with an authenticator that returns no PRF output', async () => {
    const vault = fakeVault();
    await createDirectPasskeyPath({ fetch: vault.fetch, webauthn: fakeWebAuthn({ prfAtCreate: true }) }).register(
      options,
      undefined,
    );

    const other = createDirectPasskeyPath({ fetch: vault.fetch, webauthn: fakeWebAuthn({}) });

    await expect(other.unlock(options)).rejects.toMatchObject({ code: 'PASSKEY_FAILED', stage: 'passkey' });
  });

  it('turns a refused passkey prompt into PASSKEY_CANCELLED and writes nothing', async () => {
    const vault = fakeVault();
    const portal = createFakePortal();
    const path = createDirectPasskeyPath({ fetch: vault.fetch, webauthn: fakeWebAuthn({ refuseGet: true }) });
    await path.register(options, undefined);

    const attempt = path.backUp({ facade: getPortalFacade(portal), options, signal: undefined, onProgress: () => {} });

    await expect(attempt).rejects.toMatchObject({ code: 'PASSKEY_CANCELLED', retryable: true });
    expect(vault.keys.get('cred-1')).toEqual({ mode: 'vault' });
    expect(portal.count('backupWallet')).toBe(0);
  });

  it('asks for a passkey before backing up', async () => {
    const path = createDirectPasskeyPath({ fetch: fakeVault().fetch, webauthn: fakeWebAuthn({}) });
    const attempt = path.backUp({
      facade: getPortalFacade(createFakePortal()),
      options,
      signal: undefined,
      onProgress: () => {},
    });
    await expect(attempt).rejects.toMatchObject({ code: 'PASSKEY_FAILED' });
  });

  it('keeps the previous vault key when the new backup fails, writing the key only after the backup exists', async () => {
    const vault = fakeVault();
    const portal = createFakePortal({ failures: { backupWallet: [{ error: { code: 117, message: 'mpc failed' } }] } });
    const path = createDirectPasskeyPath({ fetch: vault.fetch, webauthn: fakeWebAuthn({}) });
    await path.register(options, undefined);
    vault.keys.set('cred-1', { mode: 'vault', key: 'previous-key' });

    const attempt = path.backUp({ facade: getPortalFacade(portal), options, signal: undefined, onProgress: () => {} });

    await expect(attempt).rejects.toMatchObject({ code: 'BACKUP_FAILED' });
    expect(vault.keys.get('cred-1')).toEqual({ mode: 'vault', key: 'previous-key' });
  });

  it('says NO_BACKUP_FOUND when the chosen passkey holds no backup key (the vault answers 404)', async () => {
    const fetch = (async () => new Response('{}', { status: 404 })) as typeof globalThis.fetch;
    const path = createDirectPasskeyPath({ fetch, webauthn: fakeWebAuthn({}) });

    await expect(path.unlock(options)).rejects.toMatchObject({ code: 'NO_BACKUP_FOUND', retryable: false });
  });
});
