// INTERIM: stands in for @backup-kit/react's RecoverWallet and BackupStatus until they land.
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from 'react';
import {
  createRecoveryFlow,
  getBackupStatus,
  getPortalFacade,
  type BackupMethod,
  type BackupStatusSummary,
  type RecoverySnapshot,
} from '@backup-kit/core';
import { useBackupKit } from '@backup-kit/react';
import type { PlaygroundSetup } from './Onboarding.js';

const METHOD_NAMES: Record<BackupMethod, string> = {
  PASSWORD: 'Password',
  PASSKEY: 'Passkey (Portal)',
  CUSTOM: 'Passkey (key vault)',
  GDRIVE: 'Google Drive',
  UNKNOWN: 'Unknown',
};

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

export function RecoverPanel({
  setup,
  onRecovered,
}: {
  setup: PlaygroundSetup;
  onRecovered: (details: { address: string }) => void;
}) {
  const kit = useBackupKit();
  const portal = kit.portal!;
  const flow = useMemo(
    () =>
      createRecoveryFlow(portal, {
        storage: setup.storage,
        passkey: setup.directPasskey,
        passkeyWindow: setup.passkeyWindow,
      }),
    [portal, setup],
  );
  const snapshot: RecoverySnapshot = useSyncExternalStore(flow.subscribe, flow.getSnapshot);
  useEffect(() => {
    void flow.refresh();
  }, [flow]);
  const recoveredAddress = snapshot.state === 'success' ? snapshot.address : null;
  useEffect(() => {
    if (recoveredAddress) onRecovered({ address: recoveredAddress });
  }, [recoveredAddress, onRecovered]);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const methods = snapshot.state === 'idle' || snapshot.state === 'error' ? snapshot.methods : [];
  const submitPassword = (event: FormEvent) => {
    event.preventDefault();
    const password = passwordRef.current?.value ?? '';
    void flow.recover({ method: 'PASSWORD', password });
  };
  return (
    <div data-scope="recover-wallet" data-part="root" data-state={snapshot.state}>
      <div role="status" data-part="status">
        {snapshot.state === 'error' ? snapshot.error.message : snapshot.state === 'recovering' ? 'Recovering…' : ''}
      </div>
      {methods.includes('PASSWORD') && (
        <form onSubmit={submitPassword}>
          <label htmlFor={`${id}pw`}>Password</label>
          <input id={`${id}pw`} ref={passwordRef} type="password" autoComplete="current-password" />
          <button type="submit">Recover with password</button>
        </form>
      )}
      {methods
        .filter((m) => m !== 'PASSWORD')
        .map((m) => (
          <button key={m} type="button" onClick={() => void flow.recover({ method: m })}>
            Recover with {METHOD_NAMES[m]}
          </button>
        ))}
    </div>
  );
}
