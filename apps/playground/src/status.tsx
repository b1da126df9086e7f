// INTERIM: stands in for @backup-kit/react's BackupStatus until it lands.
import { useEffect, useState } from 'react';
import { getBackupStatus, getPortalFacade, type BackupStatusSummary } from '@backup-kit/core';
import { useBackupKit } from '@backup-kit/react';
import { METHOD_NAMES } from './methods.js';

export function StatusPanel({ version }: { version: number }) {
  const kit = useBackupKit();
  const [status, setStatus] = useState<{ state: string; summary?: BackupStatusSummary; message?: string }>({
    state: 'loading',
  });
  useEffect(() => {
    if (kit.status !== 'ready' || !kit.portal) return;
    let live = true;
    getBackupStatus(getPortalFacade(kit.portal)).then(
      (summary) => live && setStatus({ state: 'ready', summary }),
      (error: Error) => live && setStatus({ state: 'error', message: error.message }),
    );
    return () => {
      live = false;
    };
  }, [kit.status, kit.portal, version]);
  const state = kit.status === 'error' ? 'error' : status.state;
  return (
    <div data-scope="backup-status" data-part="root" data-state={state} role="status">
      {kit.status === 'error' ? (
        kit.error?.message
      ) : state === 'loading' ? (
        'Reading the backup status…'
      ) : state === 'error' ? (
        status.message
      ) : status.summary?.methods.length ? (
        <ul>
          {status.summary.methods.map((m) => (
            <li key={m} data-method={m}>
              {METHOD_NAMES[m]}: backed up
            </li>
          ))}
        </ul>
      ) : (
        'Not backed up yet.'
      )}
    </div>
  );
}
