import { useCallback, useReducer, useState, type ReactNode } from 'react';
import type { BackupStorage, PasskeyOptions, PasskeyWindowOptions } from '@backup-kit/core';
import {
  BackupButton,
  BackupStatus,
  PasskeySetup,
  PasswordBackup,
  RecoverWallet,
  useBackupKit,
} from '@backup-kit/react';
import type { PlaygroundConfig } from './config.js';
import { METHOD_NAMES } from './methods.js';
import { useWallet, type Wallet, type WalletSnapshot } from './wallet.js';

export interface PlaygroundSetup {
  config: PlaygroundConfig;
  userId: string;
  /** Self-managed backups: the encrypted client backup share goes to the Backup Kit server. */
  storage: BackupStorage;
  /** The kit's direct path: WebAuthn in this page against the key vault at `customDomain`. */
  directPasskey: PasskeyOptions;
  /** Portal's own passkey backup, through the emulator's passkey window. */
  sdkPasskey: PasskeyOptions;
  passkeyWindow: PasskeyWindowOptions;
}

function Card(props: { id: string; title: string; step?: number; state?: string; children: ReactNode }) {
  return (
    <section
      className="pg-card"
      aria-labelledby={`${props.id}-heading`}
      data-section={props.id}
      data-state={props.state}
    >
      <h2 id={`${props.id}-heading`}>
        {props.step !== undefined && <span className="pg-step">{props.step}. </span>}
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

function shortAddress(address: string) {
  return address.length > 14 ? `${address.slice(0, 8)}…${address.slice(-6)}` : address;
}

/** The address recovery gave back, and the one the wallet had before this device lost it. */
interface RecoveryCheck {
  recovered: string;
  before: string | null;
}

interface WalletCardProps {
  wallet: Wallet;
  recovery: RecoveryCheck | null;
  onCreate: () => void;
  onLose: () => void;
}

function WalletCard({ wallet, recovery, onCreate, onLose }: WalletCardProps) {
  const kit = useBackupKit();
  const { snapshot } = wallet;
  const state = kit.status === 'error' ? 'portal-error' : snapshot.state;
  return (
    <Card id="wallet" step={1} title="Your wallet" state={state}>
      <div role="status" className="pg-status">
        <WalletText snapshot={snapshot} portalStatus={kit.status} portalError={kit.error?.message} />
      </div>
      {'address' in snapshot && snapshot.address && (
        <p className="pg-address">
          Address:{' '}
          <code data-testid="wallet-address" title={snapshot.address}>
            {snapshot.address}
          </code>
        </p>
      )}
      {recovery && snapshot.state === 'on-device' && <RecoveryResult recovery={recovery} />}
      <div className="pg-actions">
        {kit.status === 'error' && kit.error?.retryable && (
          <button type="button" className="pg-button" onClick={kit.retry}>
            Connect to Portal again
          </button>
        )}
        {(snapshot.state === 'none' || snapshot.state === 'creating') && (
          <button
            type="button"
            className="pg-button"
            aria-disabled={snapshot.state === 'creating' || undefined}
            onClick={() => snapshot.state === 'none' && onCreate()}
          >
            {snapshot.state === 'creating' ? 'Creating the wallet…' : 'Create a wallet'}
          </button>
        )}
        {(snapshot.state === 'on-device' || snapshot.state === 'losing') && (
          <button
            type="button"
            className="pg-button pg-button--danger"
            aria-disabled={snapshot.state === 'losing' || undefined}
            onClick={() => snapshot.state === 'on-device' && onLose()}
          >
            Lose this device
          </button>
        )}
        {snapshot.state === 'error' && (
          <button type="button" className="pg-button" onClick={() => void wallet.refresh()}>
            Check again
          </button>
        )}
      </div>
    </Card>
  );
}

function RecoveryResult({ recovery }: { recovery: RecoveryCheck }) {
  const same = recovery.before !== null && recovery.recovered.toLowerCase() === recovery.before.toLowerCase();
  return (
    <p className={same ? 'pg-match' : 'pg-mismatch'} data-testid="address-check" data-same={same}>
      {same
        ? `Recovered: the same address as before this device lost it (${shortAddress(recovery.recovered)}).`
        : `Recovered ${shortAddress(recovery.recovered)}, which is not the address this device lost (${shortAddress(recovery.before ?? 'unknown')}).`}
    </p>
  );
}

function WalletText(props: { snapshot: WalletSnapshot; portalStatus: string; portalError: string | undefined }) {
  if (props.portalStatus === 'error') return <>{props.portalError}</>;
  switch (props.snapshot.state) {
    case 'connecting':
      return <>Connecting to Portal…</>;
    case 'checking':
      return <>Looking for your wallet…</>;
    case 'none':
      return <>You have no wallet yet.</>;
    case 'creating':
      return <>Creating your wallet… {props.snapshot.status ?? ''}</>;
    case 'on-device':
      return <>Your wallet is on this device.</>;
    case 'losing':
      return <>Forgetting the wallet on this device…</>;
    case 'lost':
      return <>This device lost its wallet. Recover it from a backup below.</>;
    case 'error':
      return <>{props.snapshot.error.message}</>;
  }
}

/** Opens a backup method in a disclosure so the page stays short. */
function Method(props: { id: string; title: string; hint: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="pg-method" data-method-panel={props.id} open={props.open}>
      <summary>{props.title}</summary>
      <div className="pg-method-body">
        <p className="pg-hint">{props.hint}</p>
        {props.children}
      </div>
    </details>
  );
}

/**
 * The four ways to back up, shown while the wallet is on this device, and while Portal connects
 * (the components then say that they are waiting for Portal, or that it could not start).
 */
function BackupCard({ setup, enabled }: { setup: PlaygroundSetup; enabled: boolean }) {
  return (
    <Card id="backup" step={2} title="Back it up">
      {enabled ? (
        <BackupMethods setup={setup} />
      ) : (
        <p className="pg-hint">Create or recover a wallet on this device first.</p>
      )}
    </Card>
  );
}

function BackupMethods({ setup }: { setup: PlaygroundSetup }) {
  const passwordFallback = (
    <p>
      Use a password instead: open <a href="#method-password">Password</a> above.
    </p>
  );
  return (
    <>
      <Method
        id="password"
        title="Password"
        open
        hint="Portal encrypts the backup share with your password; the server keeps the encrypted share."
      >
        <div id="method-password">
          <PasswordBackup.DropIn storage={setup.storage} />
        </div>
      </Method>
      <Method
        id="passkey-direct"
        title="Passkey (key vault)"
        hint={
          <>
            Backup Kit&apos;s direct path: the passkey prompt runs in this page against the key vault at{' '}
            <code>{setup.directPasskey.customDomain}</code>. Portal 3.4.1 knows this backup as a password backup, so it
            replaces a password backup, and the other way round.
          </>
        }
      >
        <PasskeySetup.DropIn
          passkey={setup.directPasskey}
          labels={{ trigger: 'Create a passkey and back up' }}
          storage={setup.storage}

          fallback={passwordFallback}
        />
      </Method>
      <Method
        id="passkey-sdk"
        title="Passkey (Portal's window)"
        hint="Portal's own passkey backup: the emulator's passkey window opens when you click, and the prompt runs there."
      >
        <PasskeySetup.DropIn
          passkey={setup.sdkPasskey}
          passkeyWindow={setup.passkeyWindow}
          labels={{ trigger: "Back up with a passkey in Portal's window" }}
          storage={setup.storage}

          fallback={passwordFallback}
        />
      </Method>
      <Method
        id="gdrive"
        title="Google Drive"
        hint="Portal keeps the key in (the emulator's stand-in for) Google Drive; the server keeps the encrypted share."
      >
        <BackupButton.DropIn method="GDRIVE" storage={setup.storage} />
      </Method>
    </>
  );
}

export function Onboarding({ setup }: { setup: PlaygroundSetup }) {
  const wallet = useWallet();
  // A new wallet on this device (created or recovered) starts the backup forms afresh.
  const [generation, nextGeneration] = useReducer((n: number) => n + 1, 0);
  // Each lost device gets a fresh recovery form.
  const [lostCount, countLoss] = useReducer((n: number) => n + 1, 0);
  const [recovery, setRecovery] = useState<RecoveryCheck | null>(null);
  // The address the wallet had when this device lost it: the recovered one must be the same.
  const [addressBeforeLoss, setAddressBeforeLoss] = useState<string | null>(null);
  const { refresh, create, lose } = wallet;

  const onCreate = useCallback(async () => {
    await create();
    setRecovery(null);
    nextGeneration();
  }, [create]);
  const address = 'address' in wallet.snapshot ? wallet.snapshot.address : null;
  const onLose = useCallback(async () => {
    setAddressBeforeLoss(address);
    await lose();
    setRecovery(null);
    countLoss();
  }, [lose, address]);
  const onRecovered = useCallback(
    ({ address: recovered }: { address: string }) => {
      setRecovery({ recovered, before: addressBeforeLoss });
      nextGeneration();
      void refresh();
    },
    [refresh, addressBeforeLoss],
  );
  const state = wallet.snapshot.state;
  const enabled = state === 'on-device' || state === 'connecting';

  return (
    <>
      <WalletCard wallet={wallet} recovery={recovery} onCreate={() => void onCreate()} onLose={() => void onLose()} />
      <BackupCard key={generation} setup={setup} enabled={enabled} />
      <Card id="status" step={3} title="Backup status">
        <p className="pg-hint">
          What Portal counts as backed up. A passkey backup in the key vault shows as Password: Portal 3.4.1 knows it as
          one.
        </p>
        {/* Backups refresh it by themselves; a new wallet (created or recovered) reads it again. */}
        <BackupStatus.DropIn
          key={generation}
          labels={{ method: ({ method }) => METHOD_NAMES[method] }}
          empty={
            <p>
              Back it up above, e.g. with a <a href="#method-password">password</a>.
            </p>
          }
        />
      </Card>
      <Card id="recover" step={4} title="Recover">
        {state === 'lost' || recovery ? (
          <RecoverWallet.DropIn
            key={lostCount}
            storage={setup.storage}
            passkey={setup.directPasskey}
            passkeyWindow={setup.passkeyWindow}
            labels={{ method: ({ method }) => METHOD_NAMES[method] }}
            onSuccess={onRecovered}
            empty={<p>Back up before you lose the device next time: start over as a new user to try again.</p>}
          />
        ) : (
          <p className="pg-hint">
            Recovery is for a device that lost its wallet: back up first, then press “Lose this device”.
          </p>
        )}
      </Card>
    </>
  );
}
