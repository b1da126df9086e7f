import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { BackupKitError, type WalletGateSnapshot } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { expect, within } from 'storybook/test';
import { PasswordBackup } from '../password-backup/password-backup-parts.js';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import type { UseWalletGateResult } from '../hooks/use-wallet-gate.js';
import { WalletGate } from './wallet-gate-parts.js';

interface Args {
  /** The gate's state, shown at once over a RootProvider (no Portal calls to wait for). */
  state: WalletGateSnapshot['state'];
  /** When the wallet's private key was exported (Portal's ejectedAt); empty for never. */
  ejectedAt?: string;
}

const settled = (snapshot: WalletGateSnapshot) => () => Promise.resolve(snapshot);

function snapshotFor(state: Args['state']): WalletGateSnapshot {
  switch (state) {
    case 'creating':
      return { state, status: { status: 'Generating share', done: false } };
    case 'backup':
      return { state, address: '0x5e0b0f5bbd0f1a3fa32a6b2cd0e8f1b1f0b5c0de' };
    case 'error':
      return { state, during: 'checking', error: new BackupKitError('UNKNOWN', { stage: 'status' }) };
    default:
      return { state };
  }
}

/** A gate held in one state, over a fake Portal whose wallet has a Google Drive backup only when recovering. */
function GateAt({ state, ejectedAt }: Args) {
  const portal = useMemo(
    () =>
      createFakePortal({
        wallet: {
          backedUpWith: state === 'not-on-device' || ejectedAt ? ['GDRIVE'] : [],
          ...(ejectedAt ? { ejectedAt } : {}),
        },
      }),
    [state, ejectedAt],
  );
  const storage = useMemo(() => memoryStorage(), []);
  const snapshot = snapshotFor(state);
  const value: UseWalletGateResult = {
    ...snapshot,
    portalStatus: 'ready',
    check: settled(snapshot),
    create: settled(snapshot),
    retry: settled(snapshot),
    skipBackup: () => {},
  };
  return (
    <BackupKitProvider portal={portal}>
      <WalletGate.RootProvider value={value}>
        <WalletGate.Steps
          backup={<PasswordBackup.DropIn storage={storage} policy={{ requireAcknowledgement: false }} />}
        >
          <p>Your wallet app goes here.</p>
        </WalletGate.Steps>
      </WalletGate.RootProvider>
    </BackupKitProvider>
  );
}

const meta = {
  title: 'Components/WalletGate',
  tags: ['autodocs'],
  component: GateAt,
  args: { state: 'no-wallet' },
  argTypes: {
    state: {
      control: 'select',
      options: ['checking', 'no-wallet', 'creating', 'backup', 'not-on-device', 'on-device', 'error'],
    },
  },
} satisfies Meta<typeof GateAt>;

export default meta;
type Story = StoryObj<typeof meta>;

function shows(state: Args['state'], text?: string): Story['play'] {
  return async ({ canvasElement }) => {
    const root = canvasElement.querySelector('[data-scope="wallet-gate"][data-part="root"]');
    await expect(root).toHaveAttribute('data-state', state);
    // The text may show twice (the status and the busy button say "Creating…"): at least once.
    if (text) await expect(await within(canvasElement).findAllByText(text, { exact: false })).not.toHaveLength(0);
  };
}

export const Checking: Story = { args: { state: 'checking' }, play: shows('checking', 'Looking for your wallet') };
export const NoWallet: Story = { args: { state: 'no-wallet' }, play: shows('no-wallet', 'You have no wallet yet') };
export const Creating: Story = { args: { state: 'creating' }, play: shows('creating', 'Creating your wallet') };
export const Backup: Story = { args: { state: 'backup' }, play: shows('backup', 'Back it up now') };
export const NotOnDevice: Story = {
  args: { state: 'not-on-device' },
  play: shows('not-on-device', 'Recover from Google Drive'),
};
export const OnDeviceNotBackedUp: Story = {
  args: { state: 'on-device' },
  play: shows('on-device', 'Your wallet is not backed up yet'),
};
export const CheckFailed: Story = { args: { state: 'error' }, play: shows('error', 'Try again') };

export const DarkNoWallet: Story = { ...NoWallet, globals: { theme: 'dark' } };
export const DarkCreating: Story = { ...Creating, globals: { theme: 'dark' } };
export const DarkBackup: Story = { ...Backup, globals: { theme: 'dark' } };
export const DarkNotOnDevice: Story = { ...NotOnDevice, globals: { theme: 'dark' } };
export const DarkOnDeviceNotBackedUp: Story = { ...OnDeviceNotBackedUp, globals: { theme: 'dark' } };
export const DarkChecking: Story = { ...Checking, globals: { theme: 'dark' } };
export const DarkCheckFailed: Story = { ...CheckFailed, globals: { theme: 'dark' } };

/** The app, for a wallet whose private key was exported: a note says when. */
export const OnDeviceExported: Story = {
  args: { state: 'on-device', ejectedAt: '2026-12-01T10:00:00.000Z' },
  play: shows('on-device', 'private key was exported on December 1, 2026'),
};
export const DarkOnDeviceExported: Story = { ...OnDeviceExported, globals: { theme: 'dark' } };
