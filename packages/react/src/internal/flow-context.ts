import type { RefObject } from 'react';
import type { FlowView } from '@backup-kit/core';
import { createStrictContext } from './create-strict-context.js';
import type { Scope } from './data-attributes.js';

/**
 * What every component's Root tells its parts: core's view of the flow (state, blocked, error...),
 * the text to show, and what the trigger does now. Every component shares it, so Status, Retry
 * and Trigger are written once.
 */
export interface FlowContextValue extends FlowView {
  scope: Scope;
  /** The base of the parts' ids: `${id}status`, `${id}trigger`. */
  id: string;
  /** What the Status part announces. */
  statusText: string;
  triggerLabel: string;
  retryLabel: string;
  /**
   * What the trigger and Retry do: start, or after an error retry (every flow's retry starts when
   * there is nothing to retry, and retries Portal when Portal could not start).
   */
  activate: () => void;
  /** The trigger stays mounted in every state, so focus can always go back to it. */
  triggerRef: RefObject<HTMLButtonElement | null>;
}

export const [FlowProvider, useFlowContext] = createStrictContext<FlowContextValue>('a Backup Kit Root');
