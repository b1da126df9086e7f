import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MpcStatusName } from '@backup-kit/core';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { splitProps } from '../hooks/use-flow-store.js';
import { RECOVERY_OPTION_KEYS, useRecovery } from '../hooks/use-recovery.js';
import { expectSecretsOutOfTheLog, showsState, waitForRoot, stateStories } from '../stories/play.js';
import { useStartWhenReady } from '../stories/started-flow.js';
import {
  currentWalletScenario,
  defaultWalletScenario,
  WALLET_PASSWORD,
  WalletScenario,
  walletScenarioArgTypes,
  splitWalletScenario,
  type WalletScenarioArgs,
} from '../stories/wallet-scenario.js';
import { RecoverWallet } from './recover-wallet-parts.js';
import { RecoverWalletDropInParts, type RecoverWalletProps } from './recover-wallet.js';

interface RecoveryStoryArgs {
  /** Render a call to action (a link) for a wallet without backups. */
  emptyCallToAction: boolean;
  /** Recover as the story opens (no typing or clicks), with the first method, to see where it holds or fails. */
  recoverOnOpen: 'no' | 'with the right password' | 'with a wrong password';
}

const WRONG_PASSWORD = 'not my password';

/**
 * The drop-in's parts over a recovery the story starts itself (useRecovery + RootProvider), once
 * the methods are read: it opens in the state the scenario holds or fails at.
 */
function StartedRecoverWallet({ password, classNames, empty, ...props }: RecoverWalletProps & { password: string }) {
  const [options, rest] = splitProps(props, RECOVERY_OPTION_KEYS);
  const recovery = useRecovery(options);
  const method = recovery.methods[0];
  useStartWhenReady(recovery.state === 'idle' && method !== undefined, () =>
    // Only a PASSWORD backup takes the password (as the drop-in sends none for the others).
    recovery.recover(method === 'PASSWORD' ? { method, password } : { method: method! }),
  );
  return (
    <RecoverWallet.RootProvider {...rest} value={recovery}>
      <RecoverWalletDropInParts classNames={classNames} empty={empty} />
    </RecoverWallet.RootProvider>
  );
}

type Args = RecoverWalletProps & WalletScenarioArgs & RecoveryStoryArgs;

const ADDRESS = '0x5e0b0f5bbd0f1a3fa32a6b2cd0e8f1b1f0b5c0de';

const meta = {
  title: 'Components/RecoverWallet',
  tags: ['autodocs'],
  component: RecoverWallet.DropIn,
  args: {
    ...defaultWalletScenario,
    emptyCallToAction: true,
    recoverOnOpen: 'no',
    disabled: false,
    labels: {},
    // Only the callbacks that never carry a secret are logged in the Actions panel.
    onProgress: fn(),
    onSuccess: fn(),
    onError: fn(),
  },
  argTypes: {
    ...walletScenarioArgTypes,
    emptyCallToAction: { control: 'boolean' },
    recoverOnOpen: {
      control: 'inline-radio',
      options: ['no', 'with the right password', 'with a wrong password'],
      table: { category: 'Scenario (fake Portal)' },
    },
    methods: { control: 'check', options: ['PASSWORD', 'GDRIVE', 'PASSKEY'] },
    labels: { control: 'object' },
    empty: { control: false, table: { disable: true } },
    storage: { control: false, table: { disable: true } },
    portal: { control: false, table: { disable: true } },
    passkey: { control: false, table: { disable: true } },
    unlock: { control: false, table: { disable: true } },
  },
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { emptyCallToAction, recoverOnOpen, ...props } = rest;
    const empty = emptyCallToAction ? <a href="#create-wallet">Create a new wallet</a> : undefined;
    return (
      <WalletScenario args={scenario}>
        {(storage) =>
          recoverOnOpen === 'no' ? (
            <RecoverWallet.DropIn {...props} storage={storage} empty={empty} />
          ) : (
            <StartedRecoverWallet
              {...props}
              storage={storage}
              empty={empty}
              password={recoverOnOpen === 'with a wrong password' ? WRONG_PASSWORD : WALLET_PASSWORD}
            />
          )
        }
      </WalletScenario>
    );
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waits for the methods, types the password (when the method needs one) and submits. */
async function recoverWith(canvasElement: HTMLElement, password = WALLET_PASSWORD) {
  const canvas = within(canvasElement);
  await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle' });
  const input = canvas.queryByLabelText('Backup password');
  if (input) await userEvent.type(input, password);
  await userEvent.click(canvas.getByRole('button', { name: /^recover/i }));
}

function afterSubmit(attributes: Record<string, string>, password?: string): Story['play'] {
  return async ({ canvasElement }) => {
    await recoverWith(canvasElement, password);
    await waitForRoot(canvasElement, 'recover-wallet', attributes);
  };
}

const { opensIn } = stateStories<Story>('recover-wallet', { recoverOnOpen: 'with the right password' });

/** Holds the recovery on one MPC status (RecoverWallet's own status labels). */
const heldAt = (status: MpcStatusName, text: string) =>
  opensIn({ holdAt: status }, { state: 'recovering', status }, text);

/** Several backups: a choice among them, the password field for PASSWORD. */
export const ChoosingAmongMethods: Story = {
  args: { backedUpWith: ['PASSWORD', 'GDRIVE', 'PASSKEY'] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle', method: 'PASSWORD' });
    await expect(canvas.getAllByRole('radio')).toHaveLength(3);
    await expect(canvas.getByLabelText('Backup password')).toHaveAttribute('autocomplete', 'current-password');
  },
};

/** Fill it in and submit: the whole recovery with some latency. */
export const Playground: Story = {
  args: { latencyMs: 600 },
};

/** One backup: nothing to choose, the button names the method. */
export const OneMethod: Story = {
  args: { backedUpWith: ['GDRIVE'] },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle', method: 'GDRIVE' });
    await expect(within(canvasElement).queryByRole('radio')).toBeNull();
    await expect(within(canvasElement).getByRole('button')).toHaveAccessibleName('Recover from Google Drive');
  },
};

export const Loading: Story = {
  args: { holdAt: 'loading' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'loading', portal: 'ready' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Looking for your backups…');
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Connecting: Story = {
  args: { portalState: 'connecting' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'loading', portal: 'loading' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Connecting to Portal…');
  },
};

/** No backup at all: the status says so and the call to action takes the button's place. */
export const NoBackup: Story = {
  args: { backedUpWith: [] },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'empty' });
    await expect(canvas.getByRole('status')).toHaveTextContent('No backup was found for this wallet.');
    await expect(canvas.getByRole('link', { name: 'Create a new wallet' })).toBeInTheDocument();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

/** Self-managed: the encrypted backup is being read from the app's storage. */
export const Fetching = opensIn({ holdAt: 'fetching' }, { state: 'fetching' });

export const Starting = opensIn({ holdAt: 'starting' }, { state: 'recovering' });
export const ReadingShare = heldAt('Reading share', 'Reading the backup…');
export const DecryptingShare = heldAt('Decrypting share', 'Decrypting the backup…');
export const RecoveringBackupShare = heldAt('Recovering backup share', 'Restoring the backup share…');
export const RecoveringSigningShare = heldAt('Recovering signing share', 'Restoring the signing share…');
export const ShareDone = heldAt('Done', 'Backup restored.');

/** The wallet is back; the status shows its address so the user can check it. */
export const Success: Story = {
  ...opensIn({}, { state: 'success' }),
  play: async (context) => {
    await showsState('recover-wallet', { state: 'success' }, ADDRESS)(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSWORD', address: ADDRESS });
  },
};

/** A wrong password: the message next to the field, the input marked invalid. */
export const WrongPassword: Story = {
  ...opensIn({ recoverOnOpen: 'with a wrong password' }, { state: 'wrong-password' }),
  play: async (context) => {
    await showsState('recover-wallet', { state: 'wrong-password' })(context);
    const input = within(context.canvasElement).getByLabelText('Backup password');
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(
      'That password does not unlock this backup. Check it and try again.',
    );
  },
};

/** A wrong password typed by hand: focus back in the field, the typed text kept. */
export const WrongPasswordTyped: Story = {
  play: async (context) => {
    await afterSubmit({ state: 'wrong-password' }, WRONG_PASSWORD)!(context);
    const input = within(context.canvasElement).getByLabelText('Backup password');
    await waitFor(() => expect(input).toHaveFocus());
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(
      'That password does not unlock this backup. Check it and try again.',
    );
    await expect(input).toHaveValue(WRONG_PASSWORD);
  },
};

export const WrongPasswordThenRight: Story = {
  play: async (context) => {
    await WrongPasswordTyped.play!(context);
    const input = within(context.canvasElement).getByLabelText('Backup password');
    await userEvent.clear(input);
    await userEvent.type(input, `${WALLET_PASSWORD}{Enter}`);
    await waitForRoot(context.canvasElement, 'recover-wallet', { state: 'success' });
  },
};

/** The app's storage could not read the backup: nothing lost, "Try again" reads it again. */
export const StorageFailed: Story = {
  args: { failAt: 'fetching' },
  play: async (context) => {
    await afterSubmit({ state: 'error', stage: 'loading' })!(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Your backup could not be read.');
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await waitForRoot(context.canvasElement, 'recover-wallet', { state: 'success' });
  },
};

export const RecoveryFailed = opensIn({ failAt: 'recovering' }, { state: 'error', stage: 'recovering' });

/** Reading which backups exist failed: "Try again" reads them again. */
export const ListingFailed: Story = {
  args: { failAt: 'loading' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'error', stage: 'status' });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }));
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle' });
  },
};

export const PortalNotReady: Story = {
  args: { portalState: 'not-ready' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'error', stage: 'initializing', portal: 'error' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Portal did not become ready in time');
  },
};

export const PortalInitFailed: Story = {
  args: { portalState: 'init-failed' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'error', stage: 'initializing' });
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** A passkey backup (Portal's own ceremony): no password, one button. */
export const PasskeyRecovery: Story = {
  ...opensIn({ backedUpWith: ['PASSKEY'] }, { state: 'success', method: 'PASSKEY' }),
  play: async (context) => {
    await showsState('recover-wallet', { state: 'success', method: 'PASSKEY' })(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', address: ADDRESS });
  },
};

/**
 * The kit's direct-path passkey backup (stored as CUSTOM, unlocked with the passkey): shown as
 * "Passkey". Here `unlock` stands in for the passkey ceremony and the key vault.
 */
export const DirectPathPasskey: Story = {
  args: { backedUpWith: ['PASSKEY', 'GDRIVE'] },
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { emptyCallToAction: _, recoverOnOpen: _alsoUnused, ...props } = rest;
    return (
      <WalletScenario args={scenario}>
        {(storage) => {
          // Stand-in for the direct path: the PASSKEY backup, read back as CUSTOM.
          const stored = {
            save: storage.save,
            load: (request: Parameters<NonNullable<typeof storage.load>>[0]) =>
              storage.load!({
                ...request,
                backupMethod: request.backupMethod === 'CUSTOM' ? 'PASSKEY' : request.backupMethod,
              }),
          };
          return (
            <RecoverWallet.DropIn
              {...props}
              methods={['CUSTOM', 'GDRIVE']}
              storage={stored}
              passkey={{
                customDomain: 'https://passkeys.example.com',
                relyingPartyId: 'example.com',
                relyingPartyName: 'Example',
              }}
              // The options are checked against the page; this story stands in for example.com.
              pageOrigin="https://wallet.example.com"
              unlock={async ({ method }) => ({ method: method === 'CUSTOM' ? 'PASSKEY' : method, password: '' })}
            />
          );
        }}
      </WalletScenario>
    );
  },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    await waitForRoot(context.canvasElement, 'recover-wallet', { state: 'idle', method: 'CUSTOM' });
    await expect(canvas.getByRole('radio', { name: 'Passkey' })).toBeChecked();
    await userEvent.click(canvas.getByRole('button', { name: 'Recover with passkey' }));
    await waitForRoot(context.canvasElement, 'recover-wallet', { state: 'success', method: 'CUSTOM' });
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle', disabled: '' });
    await expect(within(canvasElement).getByLabelText('Backup password')).toBeDisabled();
    await expect(within(canvasElement).getByRole('button', { name: 'Recover with password' })).toBeDisabled();
  },
};

export const CustomLabels: Story = {
  args: {
    labels: {
      methodsLabel: 'Restaurer avec',
      method: ({ method }) => (method === 'PASSWORD' ? 'Mot de passe' : 'Google Drive'),
      passwordLabel: 'Mot de passe de sauvegarde',
      showPassword: 'Afficher le mot de passe',
      submit: 'Restaurer le portefeuille',
      errors: { WRONG_PASSWORD: 'Ce mot de passe ne correspond pas à la sauvegarde.' },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle' });
    await userEvent.type(canvas.getByLabelText('Mot de passe de sauvegarde'), 'nope');
    await userEvent.click(canvas.getByRole('button', { name: 'Restaurer le portefeuille' }));
    await waitFor(() =>
      expect(canvas.getByLabelText('Mot de passe de sauvegarde')).toHaveAccessibleDescription(
        'Ce mot de passe ne correspond pas à la sauvegarde.',
      ),
    );
  },
};

/** The parts, arranged by hand: the status first, a separate Retry, a custom option text. */
export const Parts: Story = {
  args: { failAt: 'recovering' },
  render: (args) => {
    const [scenario, rest] = splitWalletScenario(args);
    const { emptyCallToAction: _, recoverOnOpen: _alsoUnused, ...props } = rest;
    return (
      <WalletScenario args={scenario}>
        {(storage) => (
          <RecoverWallet.Root {...props} storage={storage}>
            <RecoverWallet.Status />
            <RecoverWallet.Methods>
              <RecoverWallet.Method value="GDRIVE">Google Drive (Portal)</RecoverWallet.Method>
              <RecoverWallet.Method value="PASSWORD">My password</RecoverWallet.Method>
            </RecoverWallet.Methods>
            <RecoverWallet.Field>
              <RecoverWallet.Label>Your backup password</RecoverWallet.Label>
              <RecoverWallet.Control>
                <RecoverWallet.Input />
              </RecoverWallet.Control>
              <RecoverWallet.VisibilityToggle>Show</RecoverWallet.VisibilityToggle>
              <RecoverWallet.FieldError />
            </RecoverWallet.Field>
            <RecoverWallet.Submit />
            <RecoverWallet.Retry>Recover again</RecoverWallet.Retry>
          </RecoverWallet.Root>
        )}
      </WalletScenario>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'idle' });
    await userEvent.type(canvas.getByLabelText('Your backup password'), WALLET_PASSWORD);
    await userEvent.click(canvas.getByRole('button', { name: 'Recover with password' }));
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'error', stage: 'recovering' });
    await userEvent.click(canvas.getByRole('button', { name: 'Recover again' }));
    await waitForRoot(canvasElement, 'recover-wallet', { state: 'success' });
  },
};

export const DarkTheme: Story = { ...WrongPassword, globals: { theme: 'dark' } };
export const DarkThemeBusy: Story = { ...DecryptingShare, globals: { theme: 'dark' } };

/**
 * A test more than a story: a wrong password, then the right one, then checks that nothing in
 * the Actions panel (every fn() callback's arguments, errors and their causes included) and
 * nothing in the page contains either password or a cipherText.
 */
export const SecretsStayOutOfTheActionLog: Story = {
  play: async (context) => {
    await WrongPasswordThenRight.play!(context);
    const { portal, storage } = currentWalletScenario();
    const secrets = [WALLET_PASSWORD, WRONG_PASSWORD, ...portal.cipherTexts, ...storage.stored.values()];
    await expect(portal.cipherTexts.length).toBeGreaterThan(0);
    await expectSecretsOutOfTheLog(context.args, secrets, ['WRONG_PASSWORD', '"backupMethod":"PASSWORD"']);
    for (const secret of secrets) await expect(context.canvasElement.innerHTML).not.toContain(secret);
  },
};
