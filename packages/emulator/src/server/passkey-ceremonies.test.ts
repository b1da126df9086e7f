import { describe, expect, it } from 'vitest';
import { passkeyPopupUrl } from '../passkey-popup-url.js';
import type { CreatePasskeyOperationRequest } from '../protocol/emulator-api.js';
import { createClientRegistry } from './client-registry.js';
import { createPasskeyCeremonies } from './passkey-ceremonies.js';

const HOST = 'localhost:5190';
const APP = 'http://localhost:5173';

function setUp() {
  let time = 1_000_000;
  const ceremonies = createPasskeyCeremonies({ popupTimeoutMs: 5_000, clock: () => time });
  const clients = createClientRegistry();
  const client = clients.getOrCreate('api-key');
  const request = (overrides: Partial<CreatePasskeyOperationRequest> = {}): CreatePasskeyOperationRequest => ({
    kind: 'backup',
    keyId: 'key-1',
    passkey: { relyingParty: 'localhost', relyingPartyOrigins: [APP], webAuthnHost: HOST },
    parentOrigin: APP,
    ...overrides,
  });
  return { ceremonies, clients, client, request, advance: (ms: number) => void (time += ms) };
}

describe('passkey operations and ceremonies (the passkey window’s server side)', () => {
  it('opens an operation for the relying party and host Portal was configured with', () => {
    const { ceremonies, client, request } = setUp();
    expect(ceremonies.createOperation(client, request(), HOST)).toEqual({
      operationId: expect.stringMatching(/^pko_[0-9a-f]{32}$/),
      popupTimeoutMs: 5_000,
      popupUrl: 'http://localhost:5190/passkey/popup',
    });
    expect(ceremonies.createOperation(client, request({ passkey: null }), HOST).operationId).toMatch(/^pko_/);
    expect(ceremonies.pendingOperations()).toBe(2);
  });

  it('refuses, with the value to use, a webAuthnHost, relying party or app origin that cannot work here', () => {
    const { ceremonies, client, request } = setUp();
    const refused = (passkey: CreatePasskeyOperationRequest['passkey']) => () =>
      ceremonies.createOperation(client, request({ passkey }), HOST);
    expect(refused({ webAuthnHost: 'passkeys.example.com' })).toThrow(
      expect.objectContaining({ code: 201, message: expect.stringContaining(`webAuthnHost: '${HOST}'`) }),
    );
    expect(refused({ relyingParty: 'example.com' })).toThrow(
      expect.objectContaining({ code: 201, message: expect.stringContaining("relyingParty: 'localhost'") }),
    );
    expect(refused({ relyingPartyOrigins: ['https://app.example.com'] })).toThrow(
      expect.objectContaining({ code: 201, message: expect.stringContaining(APP) }),
    );
    expect(refused('nonsense' as never)).toThrow(expect.objectContaining({ code: 201 }));
    expect(ceremonies.pendingOperations()).toBe(0);
  });

  it('answers 203 for a recovery without a passkey backup and 113 for the key of a replaced one', () => {
    const { ceremonies, client, request } = setUp();
    expect(() => ceremonies.createOperation(client, request({ kind: 'recover' }), HOST)).toThrow(
      expect.objectContaining({ code: 203 }),
    );
    client.passkey = {
      credential: { id: 'credential-1', publicKey: new Uint8Array(), counter: 0 },
      rpId: 'localhost',
      keyId: 'key-2',
      key: { protection: 'prf', wrappedKey: 'wrapped' },
      prfSalt: 'salt',
      storedAt: new Date().toISOString(),
    };
    expect(() => ceremonies.createOperation(client, request({ kind: 'recover', keyId: 'key-1' }), HOST)).toThrow(
      expect.objectContaining({ code: 113, message: expect.stringContaining('replaced') }),
    );
    expect(ceremonies.createOperation(client, request({ kind: 'recover', keyId: 'key-2' }), HOST).operationId).toMatch(
      /^pko_/,
    );
    expect(ceremonies.snapshotOf(client)).toEqual({
      credentialId: 'credential-1',
      rpId: 'localhost',
      keyProtection: 'prf',
      storedAt: expect.any(String),
    });
  });

  it('uses a challenge once: after a failed verification the same challenge is gone', async () => {
    const { ceremonies, client, request } = setUp();
    const { operationId } = ceremonies.createOperation(client, request(), HOST);
    const options = (await ceremonies.registrationOptions(operationId)) as Record<string, unknown>;
    expect(options).toMatchObject({
      rp: { id: 'localhost' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    await expect(ceremonies.verifyRegistration(operationId, { id: 'forged' })).rejects.toMatchObject({
      code: 'PASSKEY_FAILED',
      message: expect.stringContaining('did not verify'),
    });
    await expect(ceremonies.verifyRegistration(operationId, { id: 'forged' })).rejects.toMatchObject({
      code: 'PASSKEY_FAILED',
      message: expect.stringContaining('No registration challenge is waiting'),
    });
  });

  it('lets challenges and operations expire', async () => {
    const { ceremonies, client, request, advance } = setUp();
    const { operationId } = ceremonies.createOperation(client, request(), HOST);
    await ceremonies.registrationOptions(operationId);
    advance(91_000);
    await expect(ceremonies.verifyRegistration(operationId, {})).rejects.toMatchObject({
      message: expect.stringContaining('expired'),
    });
    advance(10 * 60_000);
    await expect(ceremonies.registrationOptions(operationId)).rejects.toMatchObject({ code: 203 });
    expect(ceremonies.pendingOperations()).toBe(0);
  });

  it('makes a PASSKEY backup only after a verified authentication of that client', async () => {
    const { ceremonies, clients, client, request } = setUp();
    const { operationId } = ceremonies.createOperation(client, request(), HOST);
    await expect(ceremonies.authenticationOptions(operationId)).rejects.toMatchObject({
      code: 201,
      message: expect.stringContaining('Register the passkey'),
    });
    expect(() => ceremonies.takeAuthenticatedBackup(client, operationId)).toThrow(
      expect.objectContaining({ code: 201 }),
    );
    expect(() => ceremonies.takeAuthenticatedBackup(clients.getOrCreate('another'), operationId)).toThrow(
      expect.objectContaining({ code: 201 }),
    );
    expect(() => ceremonies.takeAuthenticatedBackup(client, 'pko_unknown')).toThrow(
      expect.objectContaining({ code: 203 }),
    );
    expect(client.passkey).toBeNull();
  });
});

describe('passkeyPopupUrl', () => {
  it('uses http for localhost hosts, like @portal-hq/web, and https otherwise', () => {
    expect(passkeyPopupUrl('localhost:5190')).toBe('http://localhost:5190/passkey/popup');
    expect(passkeyPopupUrl('passkeys.example.com')).toBe('https://passkeys.example.com/passkey/popup');
  });
});
