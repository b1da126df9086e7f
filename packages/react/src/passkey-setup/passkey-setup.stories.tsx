import type { ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { splitProps } from '../hooks/use-flow-store.js';
import { PASSKEY_OPTION_KEYS, usePasskeySetup } from '../hooks/use-passkey-setup.js';
import { PasswordBackup } from '../password-backup/password-backup-parts.js';
import { pressAndWait, showsState, waitForRoot, stateStories } from '../stories/play.js';
import { backupFlowMeta, NO_CONTROL } from '../stories/backup-flow-meta.js';
import { Scenario, splitScenario, type ScenarioArgs } from '../stories/scenario.js';
import { useStartWhenReady } from '../stories/started-flow.js';
import { PasskeySetup } from './passkey-setup-parts.js';
import { PasskeySetupDropInParts, type PasskeySetupProps } from './passkey-setup.js';

interface PasskeyStoryArgs {
  /** What the browser says about WebAuthn: supported, unsupported, still checking, or ask the real browser. */
  passkeySupport: 'supported' | 'unsupported' | 'checking' | 'this browser';
  /** Render a PasswordBackup as the fallback. */
  passwordFallback: boolean;
}

type Args = PasskeySetupProps & ScenarioArgs & PasskeyStoryArgs;

const SUPPORT: Record<PasskeyStoryArgs['passkeySupport'], (() => Promise<boolean>) | undefined> = {
  supported: async () => true,
  unsupported: async () => false,
  checking: () => new Promise<boolean>(() => {}),
  'this browser': undefined,
};

/**
 * The drop-in's parts over a passkey setup the story starts itself (usePasskeySetup +
 * RootProvider): it opens in the state the scenario holds or fails at.
 */
function StartedPasskeySetup(
  props: Omit<PasskeySetupProps, 'fallback'> & { fallback?: ReactNode; children?: ReactNode },
) {
  const { classNames, fallback, fallbackOn, children, ...rest } = props;
  const [options, domProps] = splitProps(rest, PASSKEY_OPTION_KEYS);
  const setup = usePasskeySetup(options);
  useStartWhenReady(setup.portalStatus === 'ready', setup.start);
  return (
    <PasskeySetup.RootProvider {...domProps} value={setup}>
      {children ?? <PasskeySetupDropInParts classNames={classNames} fallback={fallback} fallbackOn={fallbackOn} />}
    </PasskeySetup.RootProvider>
  );
}

const flow = backupFlowMeta<Args, PasskeySetupProps>({
  DropIn: PasskeySetup.DropIn,
  Started: StartedPasskeySetup,
  props: ({ passkeySupport, passwordFallback, ...props }, storage) => ({
    ...props,
    isSupported: SUPPORT[passkeySupport],
    fallback: passwordFallback ? <PasswordBackup.DropIn storage={storage} /> : undefined,
  }),
});

const meta = {
  title: 'Components/PasskeySetup',
  tags: ['autodocs'],
  component: PasskeySetup.DropIn,
  args: {
    ...flow.args,
    seedPasskeyApi: true,
    passkeySupport: 'supported',
    passwordFallback: true,
    // The stories pretend to run on wallet.example.com so the options check does not depend on
    // where Storybook is served; pageOrigin defaults to window.location.origin in an app.
    pageOrigin: 'https://wallet.example.com',
    passkey: {
      customDomain: 'https://passkeys.example.com',
      relyingPartyId: 'example.com',
      relyingPartyName: 'Example Wallet',
    },
    fallbackOn: ['unsupported', 'cancelled'],
    onRegistered: fn(),
  },
  argTypes: {
    ...flow.argTypes,
    passkeySupport: {
      control: 'inline-radio',
      options: Object.keys(SUPPORT),
      table: { category: 'Scenario (fake Portal)' },
    },
    passwordFallback: { control: 'boolean' },
    passkey: { control: 'object' },
    fallbackOn: { control: 'check', options: ['unsupported', 'cancelled', 'error'] },
    fallback: NO_CONTROL,
    isSupported: NO_CONTROL,
    loadDirectPath: NO_CONTROL,
  },
  render: flow.render,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const { opensIn, heldAt, portalDown } = stateStories<Story>('passkey-setup', { startOnOpen: true, latencyMs: 0 });

export const Idle: Story = {
  play: showsState('passkey-setup', { state: 'idle' }),
};

/** Press it: passkey, backup, storage, Portal told, with the default latency. */
export const Playground: Story = { args: { latencyMs: 800 } };

export const Checking: Story = {
  args: { passkeySupport: 'checking' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'passkey-setup', { state: 'checking', portal: 'ready' });
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** No passkeys in this browser: the fallback (a PasswordBackup) replaces the button. */
export const Unsupported: Story = {
  args: { passkeySupport: 'unsupported' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'passkey-setup', { state: 'unsupported' });
    await expect(within(canvasElement).queryByRole('button', { name: 'Back up with a passkey' })).toBeNull();
    await expect(within(canvasElement).getByLabelText('Backup password')).toBeInTheDocument();
  },
};

export const UnsupportedWithoutFallback: Story = {
  args: { passkeySupport: 'unsupported', passwordFallback: false },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'passkey-setup', { state: 'unsupported' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'This browser does not support passkeys.',
    );
  },
};

/** Every problem with the custom-domain options, found before any passkey prompt. */
export const InvalidOptions: Story = {
  args: {
    startOnOpen: true,
    passkey: { customDomain: 'http://passkeys.example.org/vault?x=1', relyingPartyId: 'co.uk', relyingPartyName: '' },
  },
  play: async (context) => {
    await showsState('passkey-setup', { state: 'error', stage: 'validating' })(context);
    const issues = context.canvasElement.querySelectorAll('[data-part="issues"] li');
    await expect(issues.length).toBeGreaterThanOrEqual(4);
  },
};

export const Registering = opensIn({ holdAt: 'registering' }, { state: 'registering' });
export const Starting = opensIn({ holdAt: 'starting' }, { state: 'backing-up' });

/** Pressed: the button keeps focus while the passkey is created (the states here open already started). */
export const PressedKeepsFocus: Story = {
  args: { holdAt: 'registering', latencyMs: 0 },
  play: pressAndWait('passkey-setup', { state: 'registering' }),
};
/** Backing up, on one MPC status (BackupButton's stories show each status: the same status part). */
export const EncryptingShare = heldAt('Encrypting share');
export const Storing = opensIn({ holdAt: 'storing' }, { state: 'storing' });
export const Notifying = opensIn({ holdAt: 'notifying' }, { state: 'notifying' });

export const Success: Story = {
  ...opensIn({}, { state: 'success' }),
  play: async (context) => {
    await showsState('passkey-setup', { state: 'success' })(context);
    await expect(context.args.onRegistered).toHaveBeenCalledTimes(1);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'CUSTOM', storage: 'self' });
  },
};

/** @portal-hq/web 3.4.1 has no seed passkey API: the SDK's own passkey backup runs (no registering step). */
export const SuccessWithSdkPath: Story = {
  ...opensIn({ seedPasskeyApi: false, storageMode: 'portal-managed' }, { state: 'success' }),
  play: async (context) => {
    await showsState('passkey-setup', { state: 'success' })(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', storage: 'portal' });
  },
};

/** The user closed the prompt: its own state, "Try again" on the same button, and the fallback offered. */
export const Cancelled: Story = {
  ...opensIn({ failAt: 'passkey-prompt' }, { state: 'cancelled' }),
  play: async (context) => {
    await showsState('passkey-setup', { state: 'cancelled' })(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect(canvas.getByLabelText('Backup password')).toBeInTheDocument();
  },
};

export const CancelledThenRetried: Story = {
  args: { failAt: 'passkey-prompt', latencyMs: 0 },
  play: async (context) => {
    // Pressed by hand: focus stays on the button, which now reads "Try again".
    await pressAndWait('passkey-setup', { state: 'cancelled' })(context);
    await userEvent.keyboard('{Enter}');
    await waitForRoot(context.canvasElement, 'passkey-setup', { state: 'success' });
  },
};

export const FailedRegistering = opensIn({ failAt: 'registering' }, { state: 'error', stage: 'passkey' });
export const FailedBackingUp = opensIn({ failAt: 'backing-up' }, { state: 'error', stage: 'backing-up' });
export const FailedStoring = opensIn({ failAt: 'storing' }, { state: 'error', stage: 'storing' });
export const FailedNotifying = opensIn({ failAt: 'notifying' }, { state: 'error', stage: 'notifying' });

export const Connecting: Story = {
  args: { portalState: 'connecting' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'passkey-setup', { portal: 'loading' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Connecting to Portal…');
  },
};

export const PortalNotReady = portalDown('not-ready');
export const PortalInitFailed = portalDown('init-failed');

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'passkey-setup', { state: 'idle', disabled: '' });
    await expect(within(canvasElement).getByRole('button')).toBeDisabled();
  },
};

export const CustomLabels: Story = {
  args: {
    startOnOpen: true,
    passkey: { customDomain: 'https://passkeys.example.com', relyingPartyId: 'example.com', relyingPartyName: '' },
    labels: {
      trigger: 'Sauvegarder avec une clé d’accès',
      errors: { PASSKEY_OPTIONS_INVALID: 'Les réglages de clé d’accès ne conviennent pas à ce site.' },
      optionIssues: { 'relying-party-name-missing': 'Donnez un nom à votre service (relyingPartyName).' },
    },
  },
  play: async (context) => {
    await showsState('passkey-setup', { state: 'error' })(context);
    await expect(
      within(context.canvasElement).getByText('Donnez un nom à votre service (relyingPartyName).'),
    ).toBeInTheDocument();
  },
};

/** The parts, arranged by hand: the fallback only on errors, and a separate Retry. */
export const Parts: Story = {
  args: { failAt: 'registering', latencyMs: 0, startOnOpen: true },
  render: (args) => {
    const [scenario, rest] = splitScenario(args);
    const { passkeySupport, passwordFallback: _unused, fallbackOn: _alsoUnused, ...props } = rest;
    const Component = scenario.startOnOpen ? StartedPasskeySetup : PasskeySetup.Root;
    return (
      <Scenario args={scenario}>
        {(storage) => (
          <Component {...props} storage={storage} isSupported={SUPPORT[passkeySupport]}>
            <PasskeySetup.Trigger />
            <PasskeySetup.Retry />
            <PasskeySetup.Status />
            <PasskeySetup.Issues />
            <PasskeySetup.Fallback when={['error']}>
              <p>Or back up with a password instead.</p>
            </PasskeySetup.Fallback>
          </Component>
        )}
      </Scenario>
    );
  },
  play: async (context) => {
    await showsState('passkey-setup', { state: 'error' })(context);
    await expect(within(context.canvasElement).getByText('Or back up with a password instead.')).toBeInTheDocument();
  },
};

export const DarkTheme: Story = { ...Cancelled, globals: { theme: 'dark' } };
export const DarkThemeBusy: Story = { ...Registering, globals: { theme: 'dark' } };
