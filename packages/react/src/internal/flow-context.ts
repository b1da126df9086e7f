import type { RefObject } from 'react';
import type { BackupKitError } from '@backup-kit/core';
import { createStrictContext } from './create-strict-context.js';
import type { Scope } from './data-attributes.js';

/**
 * What every component's Root tells its parts: the state to write on the DOM, the text to show,
 * and what the trigger does now. The three components share it so Status, Retry and Trigger are
 * written once.
 */
export interface FlowContextValue {
  scope: Scope;
  /** data-state on every part. */
  state: string;
  /** The trigger ignores activation (aria-disabled, focus kept): running, done, or Portal not usable. */
  blocked: boolean;
  /** The app disabled the component (a real `disabled`). */
  disabled: boolean;
  /** The base of the parts' ids: `${id}status`, `${id}trigger`. */
  id: string;
  /** What the Status part announces. */
  statusText: string;
  error: BackupKitError | undefined;
  triggerLabel: string;
  retryLabel: string;
  /**
   * What the trigger and Retry do: start, or after an error retry (every flow's retry starts when
   * there is nothing to retry, and retries Portal when Portal could not start).
   */
  activate: () => void;
  /** The trigger stays mounted in every state, so focus can always go back to it. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** No trigger at all (passkeys unsupported: the fallback takes its place). */
  triggerHidden?: boolean;
}

export const [FlowProvider, useFlowContext] = createStrictContext<FlowContextValue>('a Backup Kit Root');
