import { useMemo } from 'react';
import { httpCustodianShare, type BackupMethod } from '@backup-kit/core';
import { ExportWallet } from '@backup-kit/react/export';
import { METHOD_NAMES } from './methods.js';
import type { PlaygroundSetup } from './Onboarding.js';

/** The backups a key can be exported from, in the order the page offers them for backing up. */
const EXPORTABLE: Array<{ id: string; method: BackupMethod }> = [
  { id: 'password', method: 'PASSWORD' },
  { id: 'passkey-direct', method: 'CUSTOM' },
  { id: 'passkey-sdk', method: 'PASSKEY' },
  { id: 'gdrive', method: 'GDRIVE' },
];

/**
 * Export (eject), from the entry point `@backup-kit/react/export`: the client backup share comes
 * from the server's user share store, the custodian share from its export route, which exists
 * only when the server was started with an `authorizeExport` hook.
 */
export function ExportMethods({ setup }: { setup: PlaygroundSetup }) {
  const { config, userId } = setup;
  const custodianShare = useMemo(
    () =>
      httpCustodianShare({
        url: `${config.serverUrl}/users/${encodeURIComponent(userId)}/custodian-backup-share/export`,
        headers: { 'X-Backup-Kit-User': userId },
      }),
    [config.serverUrl, userId],
  );
  return (
    <>
      {EXPORTABLE.map(({ id, method }) => (
        <details key={id} className="pg-method" data-export-panel={id}>
          <summary>{METHOD_NAMES[method]}</summary>
          <div className="pg-method-body">
            <ExportWallet.DropIn
              method={method}
              storage={setup.storage}
              custodianShare={custodianShare}
              // The key vault's passkey unlocks a direct-path backup; Portal's window comes from the provider.
              {...(method === 'CUSTOM' && { passkey: setup.directPasskey })}
            />
          </div>
        </details>
      ))}
    </>
  );
}
