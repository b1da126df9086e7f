import { expect, userEvent, waitFor, within } from 'storybook/test';

type Scope = 'backup-button' | 'password-backup' | 'passkey-setup' | 'recover-wallet' | 'backup-status';

/** The component's root in the story's canvas. */
export function rootIn(canvasElement: HTMLElement, scope: Scope): HTMLElement {
  const root = canvasElement.querySelector<HTMLElement>(`[data-scope="${scope}"][data-part="root"]`);
  if (!root) throw new Error(`No ${scope} root in the canvas.`);
  return root;
}

/** Waits until the component's root carries every one of these data attributes. */
export async function waitForRoot(canvasElement: HTMLElement, scope: Scope, attributes: Record<string, string>) {
  await waitFor(
    () => {
      const root = rootIn(canvasElement, scope);
      for (const [name, value] of Object.entries(attributes)) expect(root).toHaveAttribute(`data-${name}`, value);
    },
    { timeout: 5000 },
  );
}

/** Presses the component's trigger (BackupButton, PasskeySetup) once it can be used. */
export async function pressTrigger(canvasElement: HTMLElement, scope: Scope) {
  const trigger = canvasElement.querySelector<HTMLElement>(`[data-scope="${scope}"][data-part="trigger"]`);
  if (!trigger) throw new Error(`No ${scope} trigger in the canvas.`);
  await waitFor(() => expect(trigger).not.toHaveAttribute('aria-disabled'), { timeout: 5000 });
  await userEvent.click(trigger);
  return trigger;
}

/** Fills PasswordBackup like a user would, and submits it. */
export async function fillAndSubmit(canvasElement: HTMLElement, password: string, options: { submit?: boolean } = {}) {
  const canvas = within(canvasElement);
  await waitForRoot(canvasElement, 'password-backup', { portal: 'ready' });
  await userEvent.type(canvas.getByLabelText(/^Backup (password|PIN|passcode)$/), password);
  const confirmation = canvas.queryByLabelText(/^Confirm (password|PIN|passcode)$/);
  if (confirmation) await userEvent.type(confirmation, password);
  const acknowledgement = canvas.queryByRole('checkbox');
  if (acknowledgement) await userEvent.click(acknowledgement);
  if (options.submit !== false) await userEvent.click(canvas.getByRole('button', { name: /back up/i }));
}
