import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/index.js';

describe('the emulator over HTTP', () => {
  let emulator: RunningEmulator;
  const logLines: string[] = [];
  const logger = {
    info: (line: string) => logLines.push(line),
    warn: (line: string) => logLines.push(line),
    error: (line: string) => logLines.push(line),
  };

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, logger });
  });
  afterAll(() => emulator?.stop());

  const request = (path: string, init?: RequestInit) => fetch(`${emulator.url}${path}`, init);
  const announce = (apiKey: string, type: string, details: unknown) =>
    request('/api/v1/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type, details }),
    });

  it('listens on a free port of localhost and says loudly that it is a development emulator, not MPC', () => {
    expect(emulator.port).toBeGreaterThan(0);
    expect(emulator.host).toBe(`localhost:${emulator.port}`);
    expect(emulator.url).toBe(`http://localhost:${emulator.port}`);
    expect(logLines.join('\n')).toMatch(/FOR DEVELOPMENT AND TESTS ONLY[\s\S]*NOT MPC/);
    expect(logLines.join('\n')).toContain(`Enclave MPC API: ${emulator.url}/v1/…`);
  });

  it('serves the iframe page exactly where @portal-hq/web 3.4.1 looks for it, with its bundled script', async () => {
    const page = await request('/3.4.1/iframe/index.html?parentOrigin=http://localhost:3000');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    const src = /<script type="module" src="\.\/([^"]+)"/.exec(html)?.[1];
    expect(src).toBe('emulator-iframe.js');
    const script = await request(`/3.4.1/iframe/${src}`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const code = await script.text();
    expect(code).toContain('portal:ready');
    expect(code).not.toMatch(/^import /m);
  });

  it('serves the passkey window at /passkey/popup with one button and its bundled script', async () => {
    const page = await request('/passkey/popup');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('>Continue with passkey</button>');
    const src = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
    expect(src).toBe('/passkey/passkey-popup.js');
    const code = await (await request(src ?? '')).text();
    expect(code).toContain('backup-kit-emulator:passkey-popup:hello');
    expect(code).not.toMatch(/^import /m);
  });

  it('sets the passkey popup time limit through PUT /_emulator/passkeys, refusing nonsense', async () => {
    expect(emulator.control.state().passkeys).toEqual({ popupTimeoutMs: 30_000, pendingOperations: 0 });
    const put = (body: unknown) => request('/_emulator/passkeys', { method: 'PUT', body: JSON.stringify(body) });
    expect((await put({ popupTimeoutMs: 1_500 })).status).toBe(204);
    expect(emulator.control.state().passkeys.popupTimeoutMs).toBe(1_500);
    const refused = await put({ popupTimeoutMs: -1 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: { code: 201, message: expect.stringContaining('popupTimeoutMs') } });
    emulator.control.configurePasskeys({ popupTimeoutMs: 30_000 });
  });

  it('answers 404 for other SDK versions and unknown paths', async () => {
    expect((await request('/3.2.1/iframe/index.html')).status).toBe(404);
    expect((await request('/nothing-here')).status).toBe(404);
  });

  it('logs the message types it receives with allowlisted fields only, never a password', async () => {
    emulator.control.reset();
    await announce('key-1', 'portal:wasm:backup', {
      backupMethod: 'PASSWORD',
      backupConfigs: { passwordStorage: { password: 'p4ssw0rd' } },
    });
    await announce('key-1', 'portal:storedClientBackupShare', { success: false, backupMethod: 'PASSWORD' });
    await announce('key-1', 'portal:wasm:recover', {
      cipherText: 'c1ph3rt3xt',
      backupMethod: 'PASSWORD',
      backupConfigs: { passwordStorage: { password: 'p4ssw0rd' } },
    });
    const { log, clients } = emulator.control.state();
    expect(log.map(({ type, details, apiKey, clientId }) => ({ type, details, apiKey, clientId }))).toEqual([
      { type: 'portal:wasm:backup', details: { backupMethod: 'PASSWORD' }, apiKey: 'key-1', clientId: clients[0]?.id },
      {
        type: 'portal:storedClientBackupShare',
        details: { success: false, backupMethod: 'PASSWORD' },
        apiKey: 'key-1',
        clientId: clients[0]?.id,
      },
      { type: 'portal:wasm:recover', details: { backupMethod: 'PASSWORD' }, apiKey: 'key-1', clientId: clients[0]?.id },
    ]);
    expect(JSON.stringify(emulator.control.state()) + logLines.join('\n')).not.toMatch(/p4ssw0rd|c1ph3rt3xt/);
  });

  it('injects, lists, hands out and clears faults through /_emulator/faults', async () => {
    emulator.control.reset();
    const created = await request('/_emulator/faults', {
      method: 'POST',
      body: JSON.stringify({ kind: 'backup', code: 211, apiKey: 'key-2' }),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ id: expect.stringMatching(/^fault_/) });
    const state = await (await request('/_emulator/state')).json();
    expect(state.pendingFaults).toMatchObject([{ kind: 'backup', code: 211, apiKey: 'key-2', remaining: 1 }]);

    expect(await (await announce('key-3', 'portal:wasm:backup', {})).json()).toMatchObject({ fault: null });
    expect(await (await announce('key-2', 'portal:wasm:backup', {})).json()).toMatchObject({
      fault: { effect: 'error', code: 211 },
    });

    await request('/_emulator/faults', { method: 'POST', body: JSON.stringify({ kind: 'recover' }) });
    expect((await request('/_emulator/faults', { method: 'DELETE' })).status).toBe(204);
    expect(emulator.control.state().pendingFaults).toEqual([]);
  });

  it('refuses an invalid fault with 400 and the reason', async () => {
    const response = await request('/_emulator/faults', {
      method: 'POST',
      body: JSON.stringify({ kind: 'address', code: 1 }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 201, message: expect.stringContaining("no error reply for 'address'") },
    });
  });

  it('forgets every client on POST /_emulator/reset', async () => {
    await announce('key-4', 'portal:configure', { apiKey: 'key-4' });
    expect(emulator.control.state().clients.length).toBeGreaterThan(0);
    expect((await request('/_emulator/reset', { method: 'POST' })).status).toBe(204);
    expect(emulator.control.state()).toMatchObject({ clients: [], log: [], pendingFaults: [] });
  });

  it('allows the control API from localhost origins only (CORS)', async () => {
    const preflight = await request('/_emulator/faults', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const fromLoopback = await request('/_emulator/state', { headers: { origin: 'http://127.0.0.1:4000' } });
    expect(fromLoopback.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:4000');
    const fromElsewhere = await request('/_emulator/state', { headers: { origin: 'https://example.com' } });
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses to start Portal-managed with a webhook, which means self-managed backups', async () => {
    await expect(
      startEmulator({ portalManagedBackups: true, webhook: { url: 'http://localhost:9', secret: 's' }, logger }),
    ).rejects.toThrow('exclude each other');
  });

  it('refuses wallet operations without an apiKey', async () => {
    const response = await request('/api/v1/client');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 202, message: expect.stringContaining('apiKey') } });
  });
});
