import { useCallback, useEffect, useReducer, useRef, useState, type ReactNode } from 'react';
import type { BackupStorage, PasskeyOptions, PasskeyWindowOptions } from '@backup-kit/core';
import { BackupButton, BackupStatus, PasskeySetup, PasswordBackup, RecoverWallet } from '@backup-kit/react';
import { useBackups, type Backups } from './backups.js';
import { Card, focusCard } from './card.js';
import type { PlaygroundConfig } from './config.js';
import { forgetLostAddress, lostAddressOf, rememberLostAddress } from './lost-address.js';
import { METHOD_NAMES } from './methods.js';
import { useStrengthEstimator } from './strength-estimator.js';
import { ExportMethods } from './export-card.js';
import { WalletCard, type RecoveryCheck } from './wallet-card.js';
import { useWallet, type WalletSnapshot } from './wallet.js';

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

/** Why there is nothing to back up, in the words of the wallet's state. */
function NothingToBackUp({ state, backups }: { state: WalletSnapshot['state']; backups: Backups }) {
  if (state === 'checking') return <>Looking for your wallet…</>;
  if (state === 'lost' || state === 'losing') {
    return backups.state === 'none' ? (
      <>This device lost the wallet, and without a backup there is nothing left to back up.</>
    ) : (
      <>This device lost the wallet: recover it below, then you can back it up again.</>
    );
  }
  if (state === 'error') return <>Create or recover a wallet on this device first.</>;
  return <>Create a wallet first: there is nothing to back up yet.</>;
}

/**
 * The four ways to back up, shown while the wallet is on this device, and while Portal connects
 * (the components then say that they are waiting for Portal, or that it could not start).
 */
function BackupMethods({ setup }: { setup: PlaygroundSetup }) {
  const strength = useStrengthEstimator(setup.userId);
  // The provider's passkey options serve one path; the other path's demo brings its own.
  const direct = setup.config.passkey === 'direct';
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
        hint="Portal encrypts the backup share with your password; the server keeps the encrypted share. A strength check (zxcvbn) loads when you start typing."
      >
        {/* The first focus in the form loads the strength check: nothing is downloaded before. */}
        <div id="method-password" data-strength-check={strength.status} onFocus={strength.load}>
          <PasswordBackup.DropIn storage={setup.storage} policy={strength.policy} labels={strength.labels} />
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
          passkey={direct ? undefined : setup.directPasskey}
          labels={{ trigger: 'Create a passkey and back up' }}
          storage={setup.storage}
          fallback={passwordFallback}
        />
      </Method>
      {/* Portal's window needs Portal's passkey config, which only the provider's options build. */}
      {!direct && (
        <Method
          id="passkey-sdk"
          title="Passkey (Portal's window)"
          hint="Portal's own passkey backup: the emulator's passkey window opens when you click, and the prompt runs there."
        >
          <PasskeySetup.DropIn
            labels={{ trigger: "Back up with a passkey in Portal's window" }}
            storage={setup.storage}
            fallback={passwordFallback}
          />
        </Method>
      )}
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

/** Where focus goes when the button that had it goes away with the state it led to. */
type FocusPlan = Partial<Record<WalletSnapshot['state'], string>>;

export function Onboarding({ setup }: { setup: PlaygroundSetup }) {
  const wallet = useWallet();
  const { backups, refresh: refreshBackups } = useBackups();
  // A new wallet on this device (created or recovered) starts the backup forms afresh.
  const [generation, nextGeneration] = useReducer((n: number) => n + 1, 0);
  // Each lost device gets a fresh recovery form.
  const [lostCount, countLoss] = useReducer((n: number) => n + 1, 0);
  const [recovery, setRecovery] = useState<RecoveryCheck | null>(null);
  const { refresh, create, lose } = wallet;
  const state = wallet.snapshot.state;

  const focusPlan = useRef<FocusPlan>({});
  useEffect(() => {
    const card = focusPlan.current[state];
    if (!card) return;
    focusPlan.current = {};
    focusCard(card);
  }, [state]);

  const onCreate = useCallback(async () => {
    // The next step once the wallet is here; the wallet's own message if it could not be made.
    focusPlan.current = { 'on-device': 'backup', error: 'wallet' };
    forgetLostAddress();
    await create();
    setRecovery(null);
    nextGeneration();
    refreshBackups();
  }, [create, refreshBackups]);

  const address = 'address' in wallet.snapshot ? wallet.snapshot.address : null;
  const onLose = useCallback(async () => {
    // Kept across reloads: the recovered address must be this one.
    if (address) rememberLostAddress(setup.userId, address);
    focusPlan.current = { lost: 'recover', error: 'wallet' };
    await lose();
    setRecovery(null);
    countLoss();
  }, [lose, address, setup.userId]);

  const onRecovered = useCallback(
    ({ address: recovered }: { address: string }) => {
      const kept = lostAddressOf(setup.userId);
      // Storage off: Portal's record of the lost wallet is the next best thing to compare with.
      const before: RecoveryCheck['before'] = kept
        ? { address: kept, source: 'device' }
        : address
          ? { address, source: 'portal' }
          : null;
      setRecovery({ recovered, before });
      nextGeneration();
      void refresh();
    },
    [refresh, setup.userId, address],
  );

  const enabled = state === 'on-device' || state === 'connecting';
  const lost = state === 'lost';

  return (
    <>
      <WalletCard
        wallet={wallet}
        backups={backups}
        recovery={recovery}
        onCreate={() => void onCreate()}
        onConfirmLoss={refreshBackups}
        onLose={() => void onLose()}
        onBackUpFirst={() => focusCard('backup')}
      />
      <Card id="backup" step={2} title="Back it up">
        {enabled ? (
          <BackupMethods key={generation} setup={setup} />
        ) : (
          <p className="pg-hint">
            <NothingToBackUp state={state} backups={backups} />
          </p>
        )}
      </Card>
      <Card id="status" step={3} title="Backup status">
        <p className="pg-hint">
          What Portal counts as backed up. A passkey backup in the key vault shows as Password: Portal 3.4.1 knows it as
          one.
        </p>
        {/* Backups refresh it by themselves; a new wallet (created or recovered) reads it again. */}
        <BackupStatus.DropIn
          key={generation}
          // Cross-checked with the server: a share Portal counts but the server lost shows as missing.
          storage={setup.storage}
          labels={{
            method: ({ method }) => METHOD_NAMES[method],
            // Too late for "not backed up yet" once the device has lost the wallet.
            ...(lost && { empty: 'This wallet has no backup.' }),
          }}
          empty={
            state === 'on-device' ? (
              <p>
                Back it up above, e.g. with a <a href="#method-password">password</a>.
              </p>
            ) : null
          }
        />
      </Card>
      <Card id="recover" step={4} title="Recover">
        {lost || recovery ? (
          <RecoverWallet.DropIn
            key={lostCount}
            storage={setup.storage}
            // Direct-path backups (CUSTOM) are unlocked at the vault; Portal's window comes from the provider.
            passkey={setup.config.passkey === 'direct' ? undefined : setup.directPasskey}
            labels={{ method: ({ method }) => METHOD_NAMES[method] }}
            onSuccess={onRecovered}
            empty={
              <p>
                Nothing can bring this wallet back. Start over as a new user (at the top) to try again, and back up
                before you lose the device.
              </p>
            }
          />
        ) : (
          <p className="pg-hint">
            {state === 'on-device'
              ? 'Recovery is for a device that lost its wallet: back it up, then press “Lose this device”.'
              : 'Nothing to recover yet: create a wallet, back it up, then press “Lose this device”.'}
          </p>
        )}
      </Card>
      <Card id="export" step={5} title="Export the private key">
        <p className="pg-hint">
          Takes the wallet out of Portal: the key is shown only after you confirm, hidden until you reveal it, and
          cleared after a minute. The server releases its share only with an <code>authorizeExport</code> hook (the
          end-to-end tests start it with one); without it the export is refused.
        </p>
        {state === 'on-device' ? (
          <ExportMethods key={generation} setup={setup} />
        ) : (
          <p className="pg-hint">Create or recover a wallet on this device first.</p>
        )}
      </Card>
    </>
  );
}
