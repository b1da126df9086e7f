import { useCallback, useMemo, useState } from 'react';
import { httpStorage, type CreatePortalOptions } from '@backup-kit/core';
import { BackupKitProvider } from '@backup-kit/react';
import { passkeyPopupUrl } from '@backup-kit/emulator/passkey-popup';
import type { PlaygroundConfig } from './config.js';
import { Onboarding, type PlaygroundSetup } from './Onboarding.js';
import { RecoverBesideBackup } from './recover-beside-backup.js';
import { apiKeyFor, currentUserId, startOverAsNewUser } from './user.js';

/** The SDK requires an RPC per chain; the playground never sends a transaction. */
const RPC_CONFIG = { 'eip155:11155111': 'https://rpc.sepolia.org' };
/** The emulator's stand-in for Google Drive only needs a client id to be configured. */
const GDRIVE_CLIENT_ID = 'backup-kit-playground';

export function App({ config }: { config: PlaygroundConfig }) {
  const [userId, setUserId] = useState(() => currentUserId(config.user));

  const startOver = useCallback(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.has('user')) {
      url.searchParams.delete('user');
      window.history.replaceState(null, '', url);
    }
    setUserId(startOverAsNewUser());
  }, []);

  const setup = useMemo<PlaygroundSetup>(() => {
    const base = { relyingPartyId: config.rpId, relyingPartyName: config.rpName };
    return {
      config,
      userId,
      storage: httpStorage({
        url: `${config.serverUrl}/users/${encodeURIComponent(userId)}/user-backup-share`,
        // The Backup Kit server in development mode (--dev): the caller is whoever this header names.
        headers: { 'X-Backup-Kit-User': userId },
      }),
      directPasskey: { ...base, customDomain: config.vaultUrl, usePopup: false },
      sdkPasskey: { ...base, customDomain: `http://${config.portalHost}`, usePopup: true },
      passkeyWindow: { url: passkeyPopupUrl(config.portalHost) },
    };
  }, [config, userId]);

  const portalOptions = useMemo<CreatePortalOptions>(
    () => ({
      apiKey: apiKeyFor(userId),
      host: config.portalHost,
      rpcConfig: RPC_CONFIG,
      gdrive: { clientId: GDRIVE_CLIENT_ID },
      readyTimeoutMs: config.readyTimeoutMs,
    }),
    [config, userId],
  );

  return (
    <>
      <header className="pg-header">
        <h1>Backup Kit playground</h1>
        <p className="pg-lead">
          Create a wallet, back it up, lose this device and get the same wallet back — with the real{' '}
          <code>@portal-hq/web</code> 3.4.1 and Backup Kit&apos;s components.
        </p>
        <aside className="pg-notice" aria-label="Development emulator">
          <p>
            <strong>Development only.</strong> Portal here is the Backup Kit emulator at{' '}
            <code>{config.portalHost}</code>: not Portal, not MPC, not secure. Never use real funds or real passwords.
          </p>
        </aside>
      </header>
      <main className="pg-main">
        <section className="pg-card pg-user" aria-labelledby="user-heading">
          <div>
            <h2 id="user-heading">Test user</h2>
            <p>
              This browser is <code data-testid="user-id">{userId}</code>: the server keeps this user&apos;s encrypted
              backups, and the emulator knows the user by a Portal API key made from it.
            </p>
          </div>
          <button type="button" className="pg-button pg-button--secondary" onClick={startOver}>
            Start over as a new user
          </button>
        </section>
        {/* A new user is a new Portal instance (the apiKey is read once per provider). The passkey
            options are given once here: the kit builds Portal's passkey config from them, and
            every passkey component reads them. Portal's window by default; ?passkey=direct gives
            the provider the direct path's instead (the other path's demo brings its own). */}
        <BackupKitProvider
          key={userId}
          portalOptions={portalOptions}
          passkey={config.passkey === 'direct' ? setup.directPasskey : setup.sdkPasskey}
          passkeyWindow={setup.passkeyWindow}
        >
          {config.view === 'recover-beside-backup' ? (
            <RecoverBesideBackup setup={setup} />
          ) : (
            <Onboarding setup={setup} />
          )}
        </BackupKitProvider>
      </main>
      <footer className="pg-footer">
        <h2>Where things run</h2>
        <dl>
          <dt>Portal (emulator)</dt>
          <dd>
            <code>{config.portalHost}</code>
          </dd>
          <dt>Backup server</dt>
          <dd>
            <code>{config.serverUrl}</code>
          </dd>
          <dt>Passkey vault</dt>
          <dd>
            <code>{config.vaultUrl}</code> (relying party <code>{config.rpId}</code>)
          </dd>
        </dl>
        <p>
          Change any of them with the page&apos;s query, e.g. <code>?portalHost=localhost:5190</code>,{' '}
          <code>serverUrl</code>, <code>vaultUrl</code>, <code>rpId</code>, <code>readyTimeoutMs</code>.
        </p>
      </footer>
    </>
  );
}
