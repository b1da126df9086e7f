import type { Meta, StoryObj } from '@storybook/react-vite';
import type { MpcStatusName } from '@backup-kit/core';
import { expect, fn, userEvent, within } from 'storybook/test';
import { pressTrigger, rootIn, waitForRoot } from '../stories/play.js';
import { defaultScenario, Scenario, scenarioArgTypes, splitScenario, type ScenarioArgs } from '../stories/scenario.js';
import { BackupButton } from './backup-button-parts.js';
import type { BackupButtonProps } from './backup-button.js';

type Args = BackupButtonProps & ScenarioArgs;

const meta = {
  title: 'Components/BackupButton',
  tags: ['autodocs'],
  component: BackupButton.DropIn,
  args: {
    ...defaultScenario,
    method: 'PASSKEY',
    disabled: false,
    labels: {},
    // Only the callbacks that never carry a secret are logged in the Actions panel.
    onProgress: fn(),
    onStored: fn(),
    onStoreFailed: fn(),
    onSuccess: fn(),
    onError: fn(),
  },
  argTypes: {
    ...scenarioArgTypes,
    method: { control: 'inline-radio', options: ['PASSKEY', 'PASSWORD', 'GDRIVE'] },
    // The password stays out of the Controls panel (and so out of the URL).
    password: { control: false, table: { disable: true } },
    storage: { control: false, table: { disable: true } },
    portal: { control: false, table: { disable: true } },
    labels: { control: 'object' },
  },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    return <Scenario args={scenario}>{(storage) => <BackupButton.DropIn {...props} storage={storage} />}</Scenario>;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Reaches a state by pressing the button, then checks it is held there. */
function afterPress(attributes: Record<string, string>): Story['play'] {
  return async ({ canvasElement }) => {
    const trigger = await pressTrigger(canvasElement, 'backup-button');
    await waitForRoot(canvasElement, 'backup-button', attributes);
    await expect(trigger).toHaveFocus();
  };
}

function heldAt(status: MpcStatusName, text: string): Story {
  return {
    args: { holdAt: status, latencyMs: 0 },
    play: async (context) => {
      await afterPress({ state: 'backing-up', status })!(context);
      await expect(within(context.canvasElement).getByRole('status')).toHaveTextContent(text);
    },
  };
}

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

export const Starting: Story = {
  args: { holdAt: 'starting' },
  play: afterPress({ state: 'backing-up' }),
};

export const ReadingShare = heldAt('Reading share', 'Reading your wallet…');
export const GeneratingShare = heldAt('Generating share', 'Creating a backup share…');
export const ParsingShare = heldAt('Parsing share', 'Preparing the backup share…');
export const EncryptingShare = heldAt('Encrypting share', 'Encrypting the backup…');
export const StoringShare = heldAt('Storing share', 'Storing the backup share…');
export const ShareDone = heldAt('Done', 'Backup share created.');

export const Storing: Story = {
  args: { holdAt: 'storing', latencyMs: 0 },
  play: afterPress({ state: 'storing' }),
};

export const Notifying: Story = {
  args: { holdAt: 'notifying', latencyMs: 0 },
  play: afterPress({ state: 'notifying' }),
};

export const Success: Story = {
  args: { latencyMs: 0 },
  play: async (context) => {
    await afterPress({ state: 'success' })!(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', storage: 'self' });
    await expect(context.args.onStored).toHaveBeenCalledWith({ backupMethod: 'PASSKEY' });
  },
};

export const SuccessPortalManaged: Story = {
  args: { latencyMs: 0, storageMode: 'portal-managed', method: 'GDRIVE' },
  play: async (context) => {
    await afterPress({ state: 'success' })!(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'GDRIVE', storage: 'portal' });
  },
};

export const PasswordMethod: Story = {
  args: { latencyMs: 0, method: 'PASSWORD' },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    return (
      <Scenario args={scenario}>
        {(storage) => <BackupButton.DropIn {...props} password="a password from your own form" storage={storage} />}
      </Scenario>
    );
  },
  play: afterPress({ state: 'success', method: 'PASSWORD' }),
};

export const FailedBackingUp: Story = {
  args: { failAt: 'backing-up', latencyMs: 0 },
  play: async (context) => {
    await afterPress({ state: 'error', stage: 'backing-up' })!(context);
    await expect(within(context.canvasElement).getByRole('button')).toHaveAccessibleName('Try again');
    await expect(context.args.onError).toHaveBeenCalledTimes(1);
  },
};

export const FailedStoring: Story = {
  args: { failAt: 'storing', latencyMs: 0 },
  play: async (context) => {
    await afterPress({ state: 'error', stage: 'storing' })!(context);
    await expect(context.args.onStoreFailed).toHaveBeenCalledTimes(1);
  },
};

export const FailedNotifying: Story = {
  args: { failAt: 'notifying', latencyMs: 0 },
  play: afterPress({ state: 'error', stage: 'notifying' }),
};

/** A retry after a failed save stores the same backup again: press "Try again" to see it succeed. */
export const RetryAfterFailedStoring: Story = {
  args: { failAt: 'storing', latencyMs: 0 },
  play: async (context) => {
    await afterPress({ state: 'error', stage: 'storing' })!(context);
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
    await afterPress({ state: 'error' })!(context);
    const canvas = within(context.canvasElement);
    await expect(canvas.getByRole('button')).toHaveAccessibleName('Réessayer');
    await expect(canvas.getByRole('status')).toHaveTextContent('La sauvegarde a échoué. Réessayez.');
  },
};

/** The parts, arranged by hand: the status above the button, and a separate Retry. */
export const Parts: Story = {
  args: { failAt: 'backing-up', latencyMs: 0 },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    return (
      <Scenario args={scenario}>
        {(storage) => (
          <BackupButton.Root {...props} storage={storage} style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
            <BackupButton.Status />
            <BackupButton.Trigger />
            <BackupButton.Retry />
          </BackupButton.Root>
        )}
      </Scenario>
    );
  },
  play: async (context) => {
    await afterPress({ state: 'error' })!(context);
    await expect(rootIn(context.canvasElement, 'backup-button').querySelector('[data-part="retry"]')).not.toBeNull();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  args: { failAt: 'storing', latencyMs: 0 },
  play: afterPress({ state: 'error', stage: 'storing' }),
};
