import type { Meta, StoryObj } from '@storybook/react-vite';
import { useMemo } from 'react';
import { BackupKitError, type CustodianShareSource, type ExportSnapshot } from '@backup-kit/core';
import { createFakePortal } from '@backup-kit/core/testing';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import type { UseExportWalletResult } from '../hooks/use-export-wallet.js';
import { WALLET_PASSWORD, WalletScenario } from '../stories/wallet-scenario.js';
import { ExportWallet } from './export-wallet-parts.js';

interface Args {
  /** The export's state, shown at once over a RootProvider (no Portal calls to wait for). */
  state: ExportSnapshot['state'];
}

// A made-up key for the state stories: not the key of any wallet, and never an arg.
const DEMO_KEY = '4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

function snapshotFor(state: Args['state']): ExportSnapshot {
  const method = 'PASSWORD';
  switch (state) {
    case 'idle':
      return { state };
    case 'revealed':
      return { state, method, keys: { SECP256K1: DEMO_KEY }, hidesAt: Date.now() + 60_000 };
    case 'refused':
      return { state, method, error: new BackupKitError('EXPORT_REFUSED', { stage: 'loading' }) };
    case 'error':
      return { state, method, error: new BackupKitError('WRONG_PASSWORD', { stage: 'exporting', retryable: true }) };
    default:
      return { state, method };
  }
}

/** An export held in one state. Its actions do nothing: the story stays in its state. */
function ExportAt({ state }: Args) {
  const portal = useMemo(() => createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } }), []);
  const snapshot = snapshotFor(state);
  const settled = () => Promise.resolve(snapshot);
  const value: UseExportWalletResult = {
    ...snapshot,
    portalStatus: 'ready',
    request: () => {},
    confirm: settled,
    hide: () => {},
    reset: () => {},
    retry: settled,
  };
  return (
    <BackupKitProvider portal={portal}>
      <ExportWallet.RootProvider value={value}>
        <ExportWallet.Steps />
      </ExportWallet.RootProvider>
    </BackupKitProvider>
  );
}

const meta = {
  title: 'Components/ExportWallet',
  tags: ['autodocs'],
  component: ExportAt,
  args: { state: 'idle' },
  argTypes: {
    state: {
      control: 'select',
      options: ['idle', 'confirming', 'revealing', 'revealed', 'hidden', 'refused', 'error'],
    },
  },
} satisfies Meta<typeof ExportAt>;

export default meta;
type Story = StoryObj<typeof meta>;

const rootOf = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[data-scope="export-wallet"][data-part="root"]');

/** Every attribute value in the canvas: the key must be in none. */
const attributeValues = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.value)).join(' ');

function shows(state: Args['state'], text: string): Story['play'] {
  return async ({ canvasElement }) => {
    await expect(rootOf(canvasElement)).toHaveAttribute('data-state', state);
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(text);
    // Before Reveal, the key is nowhere in the page.
    await expect(canvasElement.innerHTML).not.toContain(DEMO_KEY);
  };
}

export const Idle: Story = { args: { state: 'idle' }, play: shows('idle', '') };
export const Confirm: Story = { args: { state: 'confirming' }, play: shows('confirming', 'Confirm to export') };
export const Revealing: Story = {
  args: { state: 'revealing' },
  play: shows('revealing', 'Exporting your private key'),
};
/** The key is here, still hidden: nothing shows it until Reveal. */
export const Revealed: Story = { args: { state: 'revealed' }, play: shows('revealed', 'Your private key is ready') };
/** After Reveal: the key as text, and in no attribute. */
export const RevealedShown: Story = {
  args: { state: 'revealed' },
  play: async ({ canvasElement }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Reveal' }));
    await expect(within(canvasElement).getByRole('group', { name: 'Private key (EVM)' })).toHaveTextContent(DEMO_KEY);
    await expect(attributeValues(canvasElement)).not.toContain(DEMO_KEY);
    await expect(within(canvasElement).getByRole('button', { name: 'Copy' })).toHaveFocus();
  },
};
export const Hidden: Story = { args: { state: 'hidden' }, play: shows('hidden', 'cleared from this page') };
export const Refused: Story = { args: { state: 'refused' }, play: shows('refused', 'not allowed right now') };
export const Failed: Story = { args: { state: 'error' }, play: shows('error', 'password') };

export const DarkIdle: Story = { ...Idle, globals: { theme: 'dark' } };
export const DarkConfirm: Story = { ...Confirm, globals: { theme: 'dark' } };
export const DarkRevealing: Story = { ...Revealing, globals: { theme: 'dark' } };
export const DarkRevealed: Story = { ...Revealed, globals: { theme: 'dark' } };
export const DarkRevealedShown: Story = { ...RevealedShown, globals: { theme: 'dark' } };
export const DarkHidden: Story = { ...Hidden, globals: { theme: 'dark' } };
export const DarkRefused: Story = { ...Refused, globals: { theme: 'dark' } };
export const DarkFailed: Story = { ...Failed, globals: { theme: 'dark' } };

// The app's server, as a stub: it releases a custodian share for the fake wallet.
const custodianShare: CustodianShareSource = { load: async () => 'custodian-share-from-your-server' };

/**
 * A whole export over the fake Portal and the story's storage (a self-managed PASSWORD backup):
 * confirm with the password, Reveal, and the key shows; it is in no attribute.
 */
export const WholeExport: StoryObj = {
  args: {},
  argTypes: { state: { table: { disable: true } } },
  render: () => (
    <WalletScenario
      args={{ portalState: 'ready', latencyMs: 200, backedUpWith: ['PASSWORD'], holdAt: 'nowhere', failAt: 'nowhere' }}
    >
      {(storage) => <ExportWallet.DropIn storage={storage} custodianShare={custodianShare} revealMs={60_000} />}
    </WalletScenario>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Export private key' }));
    await userEvent.type(canvas.getByLabelText('Backup password'), WALLET_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Export the key' }));
    const reveal = await canvas.findByRole('button', { name: 'Reveal' }, { timeout: 5000 });
    await expect(canvas.getByRole('group', { name: 'Private key (EVM)' })).toHaveTextContent('Hidden.');
    await userEvent.click(reveal);
    await waitFor(() =>
      expect(canvas.getByRole('group', { name: 'Private key (EVM)' })).toHaveTextContent(/[0-9a-f]{64}/),
    );
    const key = /[0-9a-f]{64}/.exec(canvas.getByRole('group', { name: 'Private key (EVM)' }).textContent ?? '')![0];
    await expect(attributeValues(canvasElement)).not.toContain(key);
    await expect(canvasElement.innerHTML).not.toContain(WALLET_PASSWORD);
  },
};
