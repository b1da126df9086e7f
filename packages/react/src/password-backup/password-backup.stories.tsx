import type { ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { splitProps } from '../hooks/use-flow-store.js';
import { PASSWORD_OPTION_KEYS, usePasswordBackup } from '../hooks/use-password-backup.js';
import { expectSecretsOutOfTheLog, fillAndSubmit, showsState, stateStories, waitForRoot } from '../stories/play.js';
import { backupFlowMeta } from '../stories/backup-flow-meta.js';
import { currentScenario, Scenario, splitScenario, type ScenarioArgs } from '../stories/scenario.js';
import { useStartWhenReady } from '../stories/started-flow.js';
import { PasswordBackup } from './password-backup-parts.js';
import {
  PasswordBackupDropInParts,
  type PasswordBackupDefaultValues,
  type PasswordBackupProps,
} from './password-backup.js';

type Args = PasswordBackupProps & ScenarioArgs;

// Typed by the play functions or given as the fields' defaults, never an arg: a password must not
// reach Controls, the URL or the log.
const PASSWORD = 'correct horse battery staple';
const FILLED: PasswordBackupDefaultValues = { password: PASSWORD, confirmation: PASSWORD, acknowledged: true };

/**
 * The drop-in's parts over a backup the story starts itself (usePasswordBackup + RootProvider),
 * with the password handed to the flow, never typed: it opens in the state the scenario holds at.
 */
function StartedPasswordBackup({ classNames, children, ...props }: PasswordBackupProps & { children?: ReactNode }) {
  const [options, rest] = splitProps(props, PASSWORD_OPTION_KEYS);
  const backup = usePasswordBackup(options);
  useStartWhenReady(backup.portalStatus === 'ready', () => backup.start({ password: PASSWORD }));
  return (
    <PasswordBackup.RootProvider {...rest} value={backup}>
      {children ?? <PasswordBackupDropInParts classNames={classNames} />}
    </PasswordBackup.RootProvider>
  );
}

/**
 * The drop-in over the story's scenario, its fields starting from `defaultValues`: a state story
 * opens filled in (the kit checks the defaults before the first paint), with nothing typed.
 */
const renderWith = (defaultValues?: PasswordBackupDefaultValues) =>
  backupFlowMeta<Args, PasswordBackupProps>({
    DropIn: PasswordBackup.DropIn,
    Started: StartedPasswordBackup,
    props: (props) => ({ ...props, defaultValues }),
  }).render;

const flow = backupFlowMeta<Args, PasswordBackupProps>({
  DropIn: PasswordBackup.DropIn,
  Started: StartedPasswordBackup,
});

const meta = {
  title: 'Components/PasswordBackup',
  tags: ['autodocs'],
  component: PasswordBackup.DropIn,
  args: {
    ...flow.args,
    policy: { kind: 'password', minLength: 8, requireConfirmation: true, requireAcknowledgement: true },
  },
  argTypes: {
    ...flow.argTypes,
    policy: { control: 'object' },
    defaultValues: { control: false },
  },
  render: flow.render,
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

function afterSubmit(attributes: Record<string, string>): Story['play'] {
  return async ({ canvasElement }) => {
    await fillAndSubmit(canvasElement, PASSWORD);
    await waitForRoot(canvasElement, 'password-backup', attributes);
  };
}

const { opensIn, heldAt, portalDown } = stateStories<Story>('password-backup', { startOnOpen: true, latencyMs: 0 });

export const Idle: Story = {
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'password-backup', { state: 'idle', portal: 'ready' });
    await expect(within(canvasElement).getByLabelText('Backup password')).toHaveAttribute(
      'autocomplete',
      'new-password',
    );
  },
};

/** Fill it in and submit: the whole run with the default latency. */
export const Playground: Story = {
  args: { latencyMs: 800 },
};

/** Filled in and ready to submit (the fields' defaultValues). */
export const Filled: Story = {
  render: renderWith(FILLED),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Backup password')).toHaveValue(PASSWORD);
    await expect(canvas.getByLabelText('Confirm password')).toHaveValue(PASSWORD);
    await expect(canvas.getByRole('checkbox')).toBeChecked();
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

/** Every issue at once, each tied to its input: defaults that break each rule show theirs at once. */
export const WithIssues: Story = {
  render: renderWith({ password: 'short', confirmation: 'other', acknowledged: false }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Backup password')).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByLabelText('Backup password')).toHaveAccessibleDescription(
      'Use 8 to 128 characters. Too short.',
    );
    await expect(canvas.getByLabelText('Confirm password')).toHaveAccessibleDescription('The passwords do not match.');
    await expect(canvas.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Filled in, the password shown (defaultPasswordVisible). */
export const PasswordVisible: Story = {
  args: { defaultPasswordVisible: true },
  render: renderWith(FILLED),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Show password' })).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByLabelText('Backup password')).toHaveAttribute('type', 'text');
    await expect(canvas.getByLabelText('Backup password')).toHaveValue(PASSWORD);
  },
};

export const Pin: Story = {
  args: { policy: { kind: 'pin' } },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'password-backup', { kind: 'pin', portal: 'ready' });
    await expect(within(canvasElement).getByLabelText('Backup PIN')).toHaveAttribute('inputmode', 'numeric');
  },
};

export const Passcode: Story = {
  args: { policy: { kind: 'passcode', minLength: 6, maxLength: 12 } },
  play: showsState('password-backup', { kind: 'passcode', portal: 'ready' }),
};

/** A strength estimator (zxcvbn or similar) plugged into the policy; this one only counts length. */
export const WithStrengthEstimator: Story = {
  args: { policy: { estimateStrength: (value: string) => ({ score: Math.min(4, Math.floor(value.length / 5)) }) } },
  render: renderWith({ password: PASSWORD }),
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Strength: strong')).toHaveAttribute('data-score', '4');
  },
};

/** Without confirmation or acknowledgement: type and submit. */
export const WithoutConfirmation: Story = {
  args: { policy: { requireConfirmation: false, requireAcknowledgement: false }, latencyMs: 0 },
  play: afterSubmit({ state: 'success' }),
};

export const Starting = opensIn({ holdAt: 'starting' }, { state: 'backing-up' }, 'Starting the backup…');
/** Backing up, on one MPC status (BackupButton's stories show each status: the same status part). */
export const EncryptingShare = heldAt('Encrypting share');

/** The password has been taken: the inputs are empty and read-only while the share is saved. */
export const Storing = opensIn({ holdAt: 'storing' }, { state: 'storing' });

/** Submitted by hand: once the backup has taken the password, the inputs are emptied. */
export const SubmittedThenStoring: Story = {
  args: { holdAt: 'storing', latencyMs: 0 },
  play: async (context) => {
    await afterSubmit({ state: 'storing' })!(context);
    await expect(within(context.canvasElement).getByLabelText('Backup password')).toHaveValue('');
  },
};

export const Notifying = opensIn({ holdAt: 'notifying' }, { state: 'notifying' });

export const Success: Story = {
  ...opensIn({}, { state: 'success' }),
  play: async (context) => {
    await showsState('password-backup', { state: 'success' })(context);
    await expect(context.args.onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSWORD', storage: 'self' });
  },
};

export const SuccessPortalManaged = opensIn({ storageMode: 'portal-managed' }, { state: 'success' });

export const FailedBackingUp = opensIn({ failAt: 'backing-up' }, { state: 'error', stage: 'backing-up' });

/** Submitted by hand, the MPC backup failed: the password is kept, so "Try again" retries with it. */
export const FailedBackingUpKeepsThePassword: Story = {
  args: { failAt: 'backing-up', latencyMs: 0 },
  play: async (context) => {
    await afterSubmit({ state: 'error', stage: 'backing-up' })!(context);
    await expect(within(context.canvasElement).getByLabelText('Backup password')).toHaveValue(PASSWORD);
  },
};

export const FailedStoring = opensIn({ failAt: 'storing' }, { state: 'error', stage: 'storing' });
export const FailedNotifying = opensIn({ failAt: 'notifying' }, { state: 'error', stage: 'notifying' });

export const Connecting: Story = {
  args: { portalState: 'connecting' },
  play: showsState('password-backup', { state: 'idle', portal: 'loading' }),
};

export const PortalNotReady = portalDown('not-ready');
export const PortalInitFailed = portalDown('init-failed');

export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await waitForRoot(canvasElement, 'password-backup', { disabled: '' });
    await expect(within(canvasElement).getByLabelText('Backup password')).toBeDisabled();
  },
};

export const CustomLabels: Story = {
  args: {
    policy: { kind: 'pin' },
    labels: {
      passwordLabel: 'Code PIN de sauvegarde',
      confirmationLabel: 'Confirmez le code PIN',
      description: ({ minLength, maxLength }) => `De ${minLength} à ${maxLength} chiffres.`,
      acknowledgement: 'Je comprends qu’un code PIN oublié ne peut pas être récupéré.',
      showSecret: 'Afficher le code PIN',
      submit: 'Sauvegarder',
      issues: { 'confirmation-mismatch': 'Les codes PIN ne correspondent pas.' },
    },
  },
  render: renderWith({ password: '123456', confirmation: '654321' }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Code PIN de sauvegarde')).toHaveAccessibleDescription('De 6 à 12 chiffres.');
    await expect(canvas.getByLabelText('Confirmez le code PIN')).toHaveAccessibleDescription(
      'Les codes PIN ne correspondent pas.',
    );
    await expect(canvas.getByRole('button', { name: 'Sauvegarder' })).toBeInTheDocument();
  },
};

/** The parts, arranged by hand: no confirmation field, the toggle after the hint, a separate Retry. */
export const Parts: Story = {
  args: { policy: { requireConfirmation: false }, failAt: 'storing', latencyMs: 0 },
  render: (args) => {
    const [scenario, props] = splitScenario(args);
    return (
      <Scenario args={scenario}>
        {(storage) => (
          <PasswordBackup.Root {...props} storage={storage}>
            <PasswordBackup.Field name="password">
              <PasswordBackup.Label>Choose a backup password</PasswordBackup.Label>
              <PasswordBackup.Control>
                <PasswordBackup.Input />
              </PasswordBackup.Control>
              <PasswordBackup.Description />
              <PasswordBackup.VisibilityToggle>Show</PasswordBackup.VisibilityToggle>
              <PasswordBackup.Issues />
            </PasswordBackup.Field>
            <PasswordBackup.Field name="acknowledgement">
              <PasswordBackup.Acknowledge />
              <PasswordBackup.Label />
              <PasswordBackup.Issues />
            </PasswordBackup.Field>
            <PasswordBackup.Status />
            <PasswordBackup.Submit />
            <PasswordBackup.Retry>Save again</PasswordBackup.Retry>
          </PasswordBackup.Root>
        )}
      </Scenario>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitForRoot(canvasElement, 'password-backup', { portal: 'ready' });
    await userEvent.type(canvas.getByLabelText('Choose a backup password'), PASSWORD);
    await userEvent.click(canvas.getByRole('checkbox'));
    await userEvent.click(canvas.getByRole('button', { name: 'Back up wallet' }));
    await waitForRoot(canvasElement, 'password-backup', { state: 'error', stage: 'storing' });
    await userEvent.click(canvas.getByRole('button', { name: 'Save again' }));
    await waitForRoot(canvasElement, 'password-backup', { state: 'success' });
  },
};

export const DarkTheme: Story = { ...FailedStoring, globals: { theme: 'dark' } };
export const DarkThemeBusy: Story = { ...EncryptingShare, globals: { theme: 'dark' } };
export const DarkThemeWithIssues: Story = { ...WithIssues, globals: { theme: 'dark' } };

/**
 * A test more than a story: runs a backup whose save fails once and is retried, then checks that
 * nothing in the Actions panel (every fn() callback's arguments, errors and their causes
 * included) contains the password or a cipherText. It fails if a secret ever reaches the log.
 */
export const SecretsStayOutOfTheActionLog: Story = {
  args: { failAt: 'storing', latencyMs: 0 },
  play: async ({ canvasElement, args }) => {
    await fillAndSubmit(canvasElement, PASSWORD);
    await waitForRoot(canvasElement, 'password-backup', { state: 'error', stage: 'storing' });
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }));
    await waitForRoot(canvasElement, 'password-backup', { state: 'success' });

    const { portal, storage } = currentScenario();
    const secrets = [PASSWORD, ...portal.cipherTexts, ...(storage?.stored.values() ?? [])];
    await expect(portal.cipherTexts.length).toBeGreaterThan(0);
    await expectSecretsOutOfTheLog(args, secrets, ['STORAGE_FAILED', '"backupMethod":"PASSWORD"']);
    await waitFor(() => expect(canvasElement.innerHTML).not.toContain(PASSWORD));
  },
};
