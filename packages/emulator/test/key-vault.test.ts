import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';
import { silentLogger } from './support/emulator-state.js';

const APP_ORIGIN = 'http://localhost:5173';

describe("Backup Kit's key vault mounted in the emulator", () => {
  let emulator: RunningEmulator;
  let withoutVault: RunningEmulator;

  beforeAll(async () => {
    [emulator, withoutVault] = await Promise.all([
      startEmulator({ logger: silentLogger, vault: { relyingParties: ['localhost'], allowedOrigins: [APP_ORIGIN] } }),
      startEmulator({ logger: silentLogger }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([emulator?.stop(), withoutVault?.stop()]);
  });

  const registrationOptions = (target: RunningEmulator) =>
    fetch(`${target.url}/vault/registration/options`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: APP_ORIGIN },
      body: JSON.stringify({ rpId: 'localhost', rpName: 'Backup Kit playground' }),
    });

  it('answers /vault/registration/options on the emulator origin, for the app origin it serves', async () => {
    const response = await registrationOptions(emulator);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(await response.json()).toMatchObject({
      ceremonyId: expect.any(String),
      options: {
        rp: { id: 'localhost', name: 'Backup Kit playground' },
        challenge: expect.any(String),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      },
    });
  });

  it('answers 404 under /vault/ with how to mount it when the emulator was started without a vault', async () => {
    const response = await registrationOptions(withoutVault);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 201, message: expect.stringContaining('{ vault }') } });
  });
});
