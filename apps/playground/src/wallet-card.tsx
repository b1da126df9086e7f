import { useState } from 'react';
import { useBackupKit } from '@backup-kit/react';
import { WalletGate } from '@backup-kit/react/wallet-gate';
import type { Backups } from './backups.js';
import { Card } from './card.js';
import { LoseDeviceDialog, type LoseDeviceAnswer } from './lose-device-dialog.js';
import type { Wallet, WalletSnapshot } from './wallet.js';

/** The address recovery gave back, and what it is compared with. */
export interface RecoveryCheck {
  recovered: string;
  /**
   * The address before the loss: as this browser saw it before "Lose this device" ('device'), or
   * as Portal reported the lost wallet ('portal'); null when the page knows neither.
   */
  before: { address: string; source: 'device' | 'portal' } | null;
}

interface WalletCardProps {
  wallet: Wallet;
  backups: Backups;
  recovery: RecoveryCheck | null;
  onCreate: () => void;
  /** The dialog is about to open: read the backups again, so it tells the truth. */
  onConfirmLoss: () => void;
  onLose: () => void;
  onBackUpFirst: () => void;
}

export function WalletCard({
  wallet,
  backups,
  recovery,
  onCreate,
  onConfirmLoss,
  onLose,
  onBackUpFirst,
}: WalletCardProps) {
  const kit = useBackupKit();
  const [confirming, setConfirming] = useState(false);
  const { snapshot, gate } = wallet;
  const state = kit.status === 'error' ? 'portal-error' : snapshot.state;
  // The gate's own create step: no wallet yet, creating it, or creating failed (then "Try again").
  const creating =
    gate.state === 'no-wallet' || gate.state === 'creating' || (gate.state === 'error' && gate.during === 'creating');

  const answer = (choice: LoseDeviceAnswer) => {
    setConfirming(false);
    if (choice === 'lose') onLose();
    else if (choice === 'back-up-first') onBackUpFirst();
  };

  return (
    <Card id="wallet" step={1} title="Your wallet" state={state}>
      {/* The kit's WalletGate routes the page: create, then straight into the backup step; a
          wallet not on this device goes to recovery; on the device, the app with a reminder. */}
      <WalletGate.RootProvider value={gate} labels={GATE_LABELS} className="pg-gate">
        {gate.state === 'on-device' && <WalletGate.Reminder className="pg-reminder" />}
        <div role="status" className="pg-status">
          <WalletText
            snapshot={snapshot}
            backups={backups}
            backupStep={gate.state === 'backup'}
            portalStatus={kit.status}
            portalError={kit.error?.message}
          />
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
          {kit.status === 'ready' && creating && (
            <WalletGate.Create
              className="pg-button"
              onClick={(event) => {
                // The page's create: it also plans where focus goes next.
                event.preventDefault();
                if (gate.state !== 'creating') onCreate();
              }}
            />
          )}
          {gate.state === 'backup' && <WalletGate.SkipBackup className="pg-button pg-button--secondary" />}
          {(snapshot.state === 'on-device' || snapshot.state === 'losing') && (
            <button
              type="button"
              className="pg-button pg-button--danger"
              aria-disabled={snapshot.state === 'losing' || undefined}
              aria-haspopup="dialog"
              onClick={() => {
                if (snapshot.state !== 'on-device') return;
                onConfirmLoss();
                setConfirming(true);
              }}
            >
              Lose this device
            </button>
          )}
          {snapshot.state === 'error' && !creating && (
            <button type="button" className="pg-button" onClick={() => void wallet.refresh()}>
              Check again
            </button>
          )}
        </div>
      </WalletGate.RootProvider>
      <LoseDeviceDialog open={confirming} backups={backups} onAnswer={answer} />
    </Card>
  );
}

function shortAddress(address: string) {
  return address.length > 14 ? `${address.slice(0, 8)}…${address.slice(-6)}` : address;
}

/** Same address: said in green. Another one: a real alarm, in red. Nothing to compare with: said plainly. */
function RecoveryResult({ recovery }: { recovery: RecoveryCheck }) {
  const { recovered, before } = recovery;
  const recoveredShort = shortAddress(recovered);
  if (!before) {
    return (
      <p className="pg-note" data-testid="address-check" data-same="unknown">
        Recovered {recoveredShort}. This page did not see the address before the loss, so it has nothing to compare it
        with.
      </p>
    );
  }
  const same = recovered.toLowerCase() === before.address.toLowerCase();
  const whose = before.source === 'device' ? 'this device lost' : 'Portal had for the lost wallet';
  return (
    <p className={same ? 'pg-match' : 'pg-mismatch'} data-testid="address-check" data-same={same}>
      {same
        ? `Recovered the same wallet: its address is the one ${whose} (${recoveredShort}).`
        : `Recovered ${recoveredShort}, which is not the address ${whose} (${shortAddress(before.address)}).`}
    </p>
  );
}

/** The gate's words where the page has its own. */
const GATE_LABELS = {
  create: 'Create a wallet',
  creating: 'Creating the wallet…',
  skipBackup: 'Back up later',
  reminder:
    'Your wallet is not backed up yet. Without a backup, losing this device loses the wallet: back it up below.',
};

function WalletText(props: {
  snapshot: WalletSnapshot;
  backups: Backups;
  /** Right after the wallet was created here: the gate asks for the backup now. */
  backupStep: boolean;
  portalStatus: string;
  portalError: string | undefined;
}) {
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
      return props.backupStep ? (
        <>Your wallet is ready, on this device. It has no backup yet: back it up below, now.</>
      ) : (
        <OnDeviceText backups={props.backups} />
      );
    case 'losing':
      return <>Forgetting the wallet on this device…</>;
    case 'lost':
      return <LostText backups={props.backups} />;
    case 'error':
      return <>{props.snapshot.error.message}</>;
  }
}

function OnDeviceText({ backups }: { backups: Backups }) {
  // Without a backup, the gate's reminder above says so.
  if (backups.state === 'none') return <>Your wallet is on this device.</>;
  if (backups.state === 'some') return <>Your wallet is on this device, and it is backed up.</>;
  return <>Your wallet is on this device.</>;
}

function LostText({ backups }: { backups: Backups }) {
  switch (backups.state) {
    case 'some':
      return <>This device lost its wallet. The wallet is backed up: recover it below.</>;
    case 'none':
      return (
        <>
          This device lost its wallet, and the wallet has no backup: it cannot be recovered. Start over as a new user to
          try again.
        </>
      );
    case 'checking':
      return <>This device lost its wallet. Looking for a backup…</>;
    case 'unknown':
      return <>This device lost its wallet. Whether it has a backup could not be checked: {backups.message}</>;
  }
}
