import { describe, expect, it } from 'vitest';
import { parseCliArguments } from './cli-arguments.js';

describe('the backup-kit-emulator command line', () => {
  it('starts Portal-managed on port 5190 by default', () => {
    expect(parseCliArguments([], {})).toEqual({ kind: 'start', options: { port: 5190 } });
  });

  it('starts self-managed with a webhook URL and a secret from the flag or WEBHOOK_SECRET', () => {
    const webhook = { url: 'http://localhost:4000', secret: 's' };
    expect(parseCliArguments(['--port', '0', '--webhook-url', webhook.url, '--webhook-secret', 's'], {})).toEqual({
      kind: 'start',
      options: { port: 0, webhook },
    });
    expect(parseCliArguments(['--port=0', '--webhook-url', webhook.url], { WEBHOOK_SECRET: 's' })).toEqual({
      kind: 'start',
      options: { port: 0, webhook },
    });
  });

  it('starts with Portal-managed backups on --portal-managed', () => {
    expect(parseCliArguments(['--port', '0', '--portal-managed'], {})).toEqual({
      kind: 'start',
      options: { port: 0, portalManagedBackups: true },
    });
  });

  it('refuses --portal-managed together with a webhook, which means self-managed backups', () => {
    expect(() =>
      parseCliArguments(['--portal-managed', '--webhook-url', 'http://localhost:4000', '--webhook-secret', 's'], {}),
    ).toThrow('exclude each other');
  });

  it("mounts Backup Kit's key vault for the app origins given, for localhost unless told otherwise", () => {
    expect(parseCliArguments(['--port', '0', '--vault-origin', 'http://localhost:5173'], {})).toEqual({
      kind: 'start',
      options: { port: 0, vault: { relyingParties: ['localhost'], allowedOrigins: ['http://localhost:5173'] } },
    });
    expect(
      parseCliArguments(
        ['--portal-managed', '--vault-origin', 'http://localhost:5173', '--vault-origin', 'http://localhost:4173'],
        {},
      ),
    ).toMatchObject({
      options: {
        portalManagedBackups: true,
        vault: { allowedOrigins: ['http://localhost:5173', 'http://localhost:4173'] },
      },
    });
    expect(
      parseCliArguments(
        ['--vault-origin', 'https://app.test', '--vault-rp-id', 'app.test', '--vault-data-dir', 'd'],
        {},
      ),
    ).toMatchObject({ options: { vault: { relyingParties: ['app.test'], dataDir: 'd' } } });
    expect(() => parseCliArguments(['--vault-rp-id', 'localhost'], {})).toThrow('need --vault-origin');
    expect(() => parseCliArguments(['--vault-origin', 'localhost:5173'], {})).toThrow('is not an origin');
  });

  it('refuses a bad port, a webhook without a secret, a secret without a webhook and unknown flags', () => {
    expect(() => parseCliArguments(['--port=-1'], {})).toThrow('invalid --port');
    expect(() => parseCliArguments(['--port', 'http'], {})).toThrow('invalid --port');
    expect(() => parseCliArguments(['--webhook-url', 'http://localhost:4000'], {})).toThrow('needs --webhook-secret');
    expect(() => parseCliArguments(['--webhook-secret', 's'], {})).toThrow('needs --webhook-url');
    expect(() => parseCliArguments(['--webhook-url', 'localhost:4000', '--webhook-secret', 's'], {})).toThrow(
      'http(s) URL',
    );
    expect(() => parseCliArguments(['--verbose'], {})).toThrow();
  });
});
