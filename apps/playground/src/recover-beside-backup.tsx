import { useState } from 'react';
import { BackupButton, PasswordBackup, RecoverWallet } from '@backup-kit/react';
import { useWalletGate, WalletGate } from '@backup-kit/react/wallet-gate';
import { Card } from './card.js';
import { METHOD_NAMES } from './methods.js';
import type { PlaygroundSetup } from './Onboarding.js';

/**
 * `?view=recover-beside-backup`, out of the onboarding flow: a `RecoverWallet` that stays mounted
 * beside a `PasswordBackup` on the provider's Portal. It starts with "No backup was found" and,
 * once the backup succeeds, offers the password by itself (issue 11: fresh everywhere). The Google
 * Drive button is a second backup, made while a recovery attempt is on screen: that one stays.
 */
export function RecoverBesideBackup({ setup }: { setup: PlaygroundSetup }) {
  const gate = useWalletGate();
  // Kept once true: the gate checks again after the backup, and the form keeps its outcome.
  const [hasWallet, setHasWallet] = useState(false);
  if (!hasWallet && (gate.state === 'backup' || gate.state === 'on-device')) setHasWallet(true);

  return (
    <>
      <Card id="wallet" step={1} title="Your wallet" state={gate.state}>
        <WalletGate.RootProvider value={gate} labels={{ create: 'Create a wallet' }}>
          <WalletGate.Status />
          {/* The gate says nothing once the wallet is on this device: the page does. */}
          {gate.state === 'on-device' && <p>Your wallet is on this device.</p>}
          {!hasWallet && <WalletGate.Create className="pg-button" />}
        </WalletGate.RootProvider>
      </Card>
      <Card id="backup" step={2} title="Back it up">
        {hasWallet ? (
          <>
            <h3>Password</h3>
            <PasswordBackup.DropIn storage={setup.storage} />
            {/* A second backup, to show the recovery is not read again while the user is in it. */}
            <h3>Google Drive</h3>
            <BackupButton.DropIn method="GDRIVE" storage={setup.storage} />
          </>
        ) : (
          <p className="pg-hint">Create a wallet first: there is nothing to back up yet.</p>
        )}
      </Card>
      <Card id="recover" step={3} title="Recover">
        <p className="pg-hint">Mounted all along: it reads the backups again after a backup on this page.</p>
        <RecoverWallet.DropIn
          storage={setup.storage}
          labels={{ method: ({ method }) => METHOD_NAMES[method] }}
          empty={<p>Back the wallet up above: the password shows here once the backup is made.</p>}
        />
      </Card>
    </>
  );
}
