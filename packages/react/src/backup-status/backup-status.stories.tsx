import type { Meta, StoryObj } from '@storybook/react-vite';
import type { BackupMethod, BackupStorage } from '@backup-kit/core';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { PasswordBackup } from '../password-backup/password-backup-parts.js';
import { fillAndSubmit, showsState, waitForRoot } from '../stories/play.js';
import {
  defaultWalletScenario,
  splitWalletScenario,
  WalletScenario,
  walletScenarioArgTypes,
  type WalletScenarioArgs,
} from '../stories/wallet-scenario.js';
import { createFakePortal } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { BackupStatus } from './backup-status-parts.js';
import type { BackupStatusProps } from './backup-status.js';

interface StatusStoryArgs {
  /** Render a PasswordBackup as the call to action while nothing is backed up. */
  passwordBackupWhenEmpty: boolean;
}

type Args = BackupStatusProps & WalletScenarioArgs & StatusStoryArgs;

// A password the call-to-action stories type; never an arg.
const NEW_PASSWORD = 'a brand new backup password';

const meta = {
  title: 'Components/BackupStatus',
  tags: ['autodocs'],
  component: BackupStatus.DropIn,
  args: {
    ...defaultWalletScenario,
    passwordBackupWhenEmpty: true,
    refreshOnSuccess: true,
    disabled: false,
    labels: {},
  },
  argTypes: {
    ...walletScenarioArgTypes,
    // Recovery only: not used by BackupStatus.
    failAt: { options: ['nowhere', 'loading'], control: 'select', table: { category: 'Scenario (fake Portal)' } },
    holdAt: { options: ['nowhere', 'loading'], control: 'select', table: { category: 'Scenario (fake Portal)' } },
    passwordBackupWhenEmpty: { control: 'boolean' },
    methods: { control: 'check', options: ['PASSWORD', 'PASSKEY', 'GDRIVE', 'CUSTOM'] },
    labels: { control: 'object' },
    empty: { control: false, table: { disable: true } },
    portal: { control: false, table: { disable: true } },
  },
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { passwordBackupWhenEmpty, ...props } = rest;
    return (
      <WalletScenario args={scenario}>
        {(storage) => (
          <BackupStatus.DropIn
            {...props}
            empty={
              passwordBackupWhenEmpty ? (
                <PasswordBackup.DropIn storage={storage} policy={{ requireAcknowledgement: false }} onSuccess={fn()} />
              ) : undefined
            }
          />
        )}
      </WalletScenario>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The story's storage with one method's share deleted behind the kit's back. */
const withoutShare = (storage: BackupStorage, lost: BackupMethod): BackupStorage => ({
  save: (request) => storage.save(request),
  load: (request) => (request.backupMethod === lost ? Promise.resolve(null) : storage.load!(request)),
});

const itemOf = (canvasElement: HTMLElement, method: string) =>
  canvasElement.querySelector(`[data-scope="backup-status"][data-part="item"][data-method="${method}"]`);

/** Some methods backed up: each says so in words, and the status line sums it up. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await expect(itemOf(canvasElement, 'PASSWORD')).toHaveTextContent('Backed up');
    await expect(itemOf(canvasElement, 'PASSKEY')).toHaveTextContent('Not backed up');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Backed up with Password and Google Drive.',
    );
  },
};

export const Loading: Story = {
  args: { holdAt: 'loading' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'loading', portal: 'ready' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Checking your backups…');
    await expect(within(canvasElement).getByRole('button', { name: 'Refresh' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const Connecting: Story = {
  args: { portalState: 'connecting' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'loading', portal: 'loading' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Connecting to Portal…');
  },
};

/** Nothing backed up: the call to action (here a PasswordBackup) shows under the list. */
export const NothingBackedUp: Story = {
  args: { backedUpWith: [] },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'empty' });
    await expect(within(canvasElement).getAllByRole('status')[0]).toHaveTextContent(
      'This wallet is not backed up yet.',
    );
    await expect(within(canvasElement).getByLabelText('Backup password')).toBeInTheDocument();
  },
};

/**
 * Back up from the call to action: once the backup succeeds the status is read again by itself,
 * the call to action goes away, and focus moves to Refresh instead of being lost.
 */
export const BackedUpFromTheCallToAction: Story = {
  args: { backedUpWith: [] },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'empty' });
    await fillAndSubmit(canvasElement, NEW_PASSWORD);
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await expect(itemOf(canvasElement, 'PASSWORD')).toHaveTextContent('Backed up');
    await waitFor(() => expect(within(canvasElement).getByRole('button', { name: 'Refresh' })).toHaveFocus());
  },
};

/** A passkey backup made on the kit's direct path (CUSTOM) counts as a passkey. */
export const DirectPathPasskey: Story = {
  args: { backedUpWith: ['CUSTOM'] },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await expect(itemOf(canvasElement, 'PASSKEY')).toHaveTextContent('Backed up');
  },
};

/**
 * Portal counts PASSWORD as backed up, but the app's storage (the `storage` prop) no longer holds
 * its share: the item says so (data-state `missing`) and asks for a new backup.
 */
export const MissingFromStorage: Story = {
  args: { backedUpWith: ['PASSWORD'] },
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { passwordBackupWhenEmpty: _unused, ...props } = rest;
    return (
      <WalletScenario args={scenario}>
        {(storage) => <BackupStatus.DropIn {...props} storage={withoutShare(storage, 'PASSWORD')} />}
      </WalletScenario>
    );
  },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await waitFor(() => expect(itemOf(canvasElement, 'PASSWORD')).toHaveAttribute('data-state', 'missing'));
    await expect(itemOf(canvasElement, 'PASSWORD')).toHaveTextContent('Missing from storage: back up again');
  },
};

/** Reading the status failed: the error, and Refresh to read it again. */
export const ReadFailed: Story = {
  args: { failAt: 'loading' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'error', stage: 'status' });
    await expect(within(canvasElement).getByRole('button', { name: 'Refresh' })).not.toHaveAttribute('aria-disabled');
  },
};

/** Refresh after a failed read: the status is read again. */
export const ReadFailedThenRefreshed: Story = {
  args: { failAt: 'loading' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'error', stage: 'status' });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Refresh' }));
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
  },
};

export const PortalNotReady: Story = {
  args: { portalState: 'not-ready' },
  play: showsState('backup-status', { state: 'error', stage: 'initializing', portal: 'error' }),
};

export const PortalInitFailed: Story = {
  args: { portalState: 'init-failed' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'error', stage: 'initializing' });
    await expect(within(canvasElement).getByRole('button', { name: 'Refresh' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready', disabled: '' });
    await expect(within(canvasElement).getByRole('button', { name: 'Refresh' })).toBeDisabled();
  },
};

export const CustomLabels: Story = {
  args: {
    labels: {
      listLabel: 'Sauvegardes',
      method: ({ method }) =>
        ({ PASSWORD: 'Mot de passe', PASSKEY: 'Clé d’accès' })[method as string] ?? 'Google Drive',
      backedUp: 'Sauvegardé',
      notBackedUp: 'Non sauvegardé',
      summary: ({ names }) => `Sauvegardé avec : ${names.join(', ')}.`,
      refresh: 'Actualiser',
    },
  },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await expect(within(canvasElement).getByRole('list', { name: 'Sauvegardes' })).toBeInTheDocument();
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Sauvegardé avec : Mot de passe, Google Drive.',
    );
  },
};

/** The parts, arranged by hand: two methods only, the status above, Refresh first. */
export const Parts: Story = {
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { passwordBackupWhenEmpty: _, ...props } = rest;
    return (
      <WalletScenario args={scenario}>
        {() => (
          <BackupStatus.Root {...props}>
            <BackupStatus.Refresh>Check again</BackupStatus.Refresh>
            <BackupStatus.Status />
            <BackupStatus.List>
              <BackupStatus.Item method="PASSKEY">Passkey on this device</BackupStatus.Item>
              <BackupStatus.Item method="PASSWORD" />
            </BackupStatus.List>
          </BackupStatus.Root>
        )}
      </WalletScenario>
    );
  },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Check again' }));
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready' });
  },
};

export const DarkTheme: Story = { ...Ready, globals: { theme: 'dark' } };
export const DarkThemeNothingBackedUp: Story = { ...NothingBackedUp, globals: { theme: 'dark' } };

/** After an export (eject): Portal reports `ejectedAt`, and the status says when the key left. */
export const Exported: Story = {
  render: () => (
    <BackupKitProvider
      portal={createFakePortal({ wallet: { backedUpWith: ['PASSWORD'], ejectedAt: '2026-12-01T10:00:00.000Z' } })}
    >
      <BackupStatus.DropIn />
    </BackupKitProvider>
  ),
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-status', { state: 'ready', ejected: '' });
    await expect(within(canvasElement).getByRole('note')).toHaveTextContent(
      'This wallet’s private key was exported on December 1, 2026.',
    );
  },
};
export const DarkExported: Story = { ...Exported, globals: { theme: 'dark' } };
