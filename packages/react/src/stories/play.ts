import type { MpcStatusName } from '@backup-kit/core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { defaultCommonLabels } from '../labels/common-labels.js';

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

type Play = (context: { canvasElement: HTMLElement }) => Promise<void>;

/** A state story's play: only checks the state the story opened in (root attributes, status text). */
export function showsState(scope: Scope, attributes: Record<string, string>, statusText?: string): Play {
  return async ({ canvasElement }) => {
    await waitForRoot(canvasElement, scope, attributes);
    if (statusText !== undefined) {
      await expect(within(rootIn(canvasElement, scope)).getAllByRole('status')[0]).toHaveTextContent(statusText);
    }
  };
}

/** An interaction story's play: presses the trigger, waits for the state, and checks focus stayed. */
export function pressAndWait(scope: Scope, attributes: Record<string, string>): Play {
  return async ({ canvasElement }) => {
    const trigger = await pressTrigger(canvasElement, scope);
    await waitForRoot(canvasElement, scope, attributes);
    // PasskeySetup's trigger gives way to its fallback in some states.
    if (trigger.isConnected) await expect(trigger).toHaveFocus();
  };
}

/**
 * The makers of a component's state stories: `opensIn(args, attributes, text)` starts the flow as
 * the story opens (`startArgs`) and checks only the state it shows; `heldAt(status)` holds a
 * backup on one MPC status and checks its status line (the default English label);
 * `portalDown(portalState)` shows the flow's error when Portal never gets ready.
 */
export function stateStories<S extends { args?: object }>(scope: Scope, startArgs: NonNullable<S['args']>) {
  const opensIn = (args: S['args'], attributes: Record<string, string>, statusText?: string) =>
    ({ args: { ...startArgs, ...args }, play: showsState(scope, attributes, statusText) }) as unknown as S;
  const heldAt = (status: MpcStatusName) =>
    opensIn({ holdAt: status } as S['args'], { state: 'backing-up', status }, defaultCommonLabels.statuses[status]);
  const portalDown = (portalState: 'not-ready' | 'init-failed') =>
    ({ args: { portalState }, play: showsState(scope, { state: 'error', stage: 'initializing' }) }) as unknown as S;
  return { opensIn, heldAt, portalDown };
}

/**
 * Checks that no spied callback (the Actions panel's log: every fn() arg's calls, errors and their
 * causes included) holds a secret, after checking the log holds what it should, so the check
 * reads real entries.
 */
export async function expectSecretsOutOfTheLog(args: object, secrets: string[], expected: string[]) {
  const logged = Object.values(args)
    .filter((value): value is { mock: { calls: unknown[][] } } => typeof value === 'function' && 'mock' in value)
    .flatMap((spy) => spy.mock.calls);
  const log = serialize(logged);
  for (const entry of expected) await expect(log).toContain(entry);
  for (const secret of secrets) await expect(log).not.toContain(secret);
}

/** JSON of everything reachable, errors included with their message, cause and details. */
function serialize(value: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null) return item;
    if (seen.has(item)) return '[seen]';
    seen.add(item);
    if (item instanceof Error) {
      return {
        ...item,
        name: item.name,
        message: item.message,
        cause: item.cause,
        details: (item as { details?: unknown }).details,
      };
    }
    return item;
  });
}
