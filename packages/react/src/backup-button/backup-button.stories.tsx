import type { ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { BACKUP_OPTION_KEYS, useBackup } from '../hooks/use-backup.js';
import { splitProps } from '../hooks/use-flow-store.js';
import { pressAndWait, rootIn, showsState, waitForRoot, stateStories } from '../stories/play.js';
import { backupFlowMeta, NO_CONTROL } from '../stories/backup-flow-meta.js';
import { Scenario, splitScenario, type ScenarioArgs } from '../stories/scenario.js';
import { useStartWhenReady } from '../stories/started-flow.js';
import { BackupButton } from './backup-button-parts.js';
import { BackupButtonDropInParts, type BackupButtonProps } from './backup-button.js';

type Args = BackupButtonProps & ScenarioArgs;

/**
 * The drop-in's parts over a backup the story starts itself (useBackup + RootProvider): it opens
 * in the state the scenario holds or fails at. `children` replaces the drop-in's parts.
 */
function StartedBackupButton({ classNames, children, ...props }: BackupButtonProps & { children?: ReactNode }) {
  const [options, rest] = splitProps(props, BACKUP_OPTION_KEYS);
  const backup = useBackup(options);
  useStartWhenReady(backup.portalStatus === 'ready', () => backup.start({ password: rest.password }));
  return (
    <BackupButton.RootProvider {...rest} value={backup}>
      {children ?? <BackupButtonDropInParts classNames={classNames} />}
    </BackupButton.RootProvider>
  );
}

const flow = backupFlowMeta<Args, BackupButtonProps>({ DropIn: BackupButton.DropIn, Started: StartedBackupButton });

const meta = {
  title: 'Components/BackupButton',
  tags: ['autodocs'],
  component: BackupButton.DropIn,
  args: { ...flow.args, method: 'PASSKEY' },
  argTypes: {
    ...flow.argTypes,
    method: { control: 'inline-radio', options: ['PASSKEY', 'PASSWORD', 'GDRIVE'] },
    // The password stays out of the Controls panel (and so out of the URL).
    password: NO_CONTROL,
  },
  render: flow.render,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

const { opensIn, heldAt } = stateStories<Story>('backup-button', { startOnOpen: true, latencyMs: 0 });

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-button', { state: 'idle', portal: 'ready' });
    await expect(within(canvasElement).getByRole('button')).toHaveAccessibleName('Back up with a passkey');
  },
};

/** Press it: the whole run with the default latency, ending in success. */
export const Playground: Story = {
  args: { latencyMs: 800 },
};

export const Connecting: Story = {
  args: { portalState: 'connecting' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-button', { state: 'idle', portal: 'loading' });
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-disabled', 'true');
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Connecting to Portal…');
  },
};

export const Starting = opensIn({ holdAt: 'starting' }, { state: 'backing-up' }, 'Starting the backup…');

/** Pressed: the button keeps focus while the backup runs (the states below open already started). */
export const PressedKeepsFocus: Story = {
  args: { holdAt: 'starting', latencyMs: 0 },
  play: pressAndWait('backup-button', { state: 'backing-up' }),
};

export const ReadingShare = heldAt('Reading share');
export const GeneratingShare = heldAt('Generating share');
export const ParsingShare = heldAt('Parsing share');
export const EncryptingShare = heldAt('Encrypting share');
export const StoringShare = heldAt('Storing share');
export const ShareDone = heldAt('Done');

export const Storing = opensIn({ holdAt: 'storing' }, { state: 'storing' });
export const Notifying = opensIn({ holdAt: 'notifying' }, { state: 'notifying' });

export const Success: Story = {
  ...opensIn({}, { state: 'success' }),
  play: async (context) => {
    await showsState('backup-button', { state: 'success' }, 'Your wallet is backed up.')(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', storage: 'self' });
    await expect(context.args.onStored).toHaveBeenCalledWith({ backupMethod: 'PASSKEY' });
  },
};

export const SuccessPortalManaged: Story = {
  ...opensIn({ storageMode: 'portal-managed', method: 'GDRIVE' }, { state: 'success' }),
  play: async (context) => {
    await showsState('backup-button', { state: 'success' })(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'GDRIVE', storage: 'portal' });
  },
};

export const PasswordMethod: Story = {
  args: { startOnOpen: true, latencyMs: 0, method: 'PASSWORD' },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    return (
      <Scenario args={scenario}>
        {(storage) => <StartedBackupButton {...props} password="a password from your own form" storage={storage} />}
      </Scenario>
    );
  },
  play: showsState('backup-button', { state: 'success', method: 'PASSWORD' }),
};

export const FailedBackingUp: Story = {
  ...opensIn({ failAt: 'backing-up' }, { state: 'error', stage: 'backing-up' }),
  play: async (context) => {
    await showsState('backup-button', { state: 'error', stage: 'backing-up' })(context);
    await expect(within(context.canvasElement).getByRole('button')).toHaveAccessibleName('Try again');
    await expect(context.args.onError).toHaveBeenCalledTimes(1);
  },
};

export const FailedStoring: Story = {
  ...opensIn({ failAt: 'storing' }, { state: 'error', stage: 'storing' }),
  play: async (context) => {
    await showsState('backup-button', { state: 'error', stage: 'storing' })(context);
    await expect(context.args.onStoreFailed).toHaveBeenCalledTimes(1);
  },
};

export const FailedNotifying = opensIn({ failAt: 'notifying' }, { state: 'error', stage: 'notifying' });

/**
 * PASSKEY with custom-domain options that cannot work on this page (an http custom domain, an RP ID
 * that does not cover the page): refused before any window, ceremony or vault request, as PasskeySetup does.
 */
export const PasskeyOptionsInvalid = opensIn(
  {
    passkey: {
      customDomain: 'http://passkeys.example.com',
      relyingPartyId: 'example.com',
      relyingPartyName: 'Example',
    },
  },
  { state: 'error', stage: 'validating' },
  'The passkey settings are not valid for this site.',
);

/** A retry after a failed save stores the same backup again: press "Try again" to see it succeed. */
export const RetryAfterFailedStoring: Story = {
  args: { failAt: 'storing', latencyMs: 0 },
  play: async (context) => {
    await pressAndWait('backup-button', { state: 'error', stage: 'storing' })(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: 'Try again' }));
    await waitForRoot(context.canvasElement, 'backup-button', { state: 'success' });
  },
};

export const PortalNotReady: Story = {
  args: { portalState: 'not-ready' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-button', { state: 'error', stage: 'initializing', portal: 'error' });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent('Portal did not become ready in time');
  },
};

export const PortalInitFailed: Story = {
  args: { portalState: 'init-failed' },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-button', { state: 'error', stage: 'initializing' });
    await expect(within(canvasElement).getByRole('button')).toHaveAttribute('aria-disabled', 'true');
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'backup-button', { state: 'idle', disabled: '' });
    await expect(within(canvasElement).getByRole('button')).toBeDisabled();
  },
};

export const CustomLabels: Story = {
  args: {
    startOnOpen: true,
    method: 'GDRIVE',
    latencyMs: 0,
    failAt: 'backing-up',
    labels: {
      trigger: 'Sauvegarder sur Google Drive',
      retry: 'Réessayer',
      errors: { BACKUP_FAILED: 'La sauvegarde a échoué. Réessayez.' },
    },
  },
  play: async (context) => {
    await showsState('backup-button', { state: 'error' })(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('button')).toHaveAccessibleName('Réessayer');
    await expect(canvas.getByRole('status')).toHaveTextContent('La sauvegarde a échoué. Réessayez.');
  },
};

/** The parts, arranged by hand: the status above the button, and a separate Retry. */
export const Parts: Story = {
  args: { failAt: 'backing-up', latencyMs: 0, startOnOpen: true },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    const parts = (
      <>
        <BackupButton.Status />
        <BackupButton.Trigger />
        <BackupButton.Retry />
      </>
    );
    const style = { display: 'flex', gap: 12, alignItems: 'center' };
    return (
      <Scenario args={scenario}>
        {(storage) =>
          scenario.startOnOpen ? (
            <StartedBackupButton {...props} storage={storage} style={style}>
              {parts}
            </StartedBackupButton>
          ) : (
            <BackupButton.Root {...props} storage={storage} style={style}>
              {parts}
            </BackupButton.Root>
          )
        }
      </Scenario>
    );
  },
  play: async (context) => {
    await showsState('backup-button', { state: 'error' })(context);
    await expect(rootIn(context.canvasElement, 'backup-button').querySelector('[data-part="retry"]')).not.toBeNull();
  },
};

export const DarkTheme: Story = { ...FailedStoring, globals: { theme: 'dark' } };
export const DarkThemeBusy: Story = { ...EncryptingShare, globals: { theme: 'dark' } };
