import type { PasskeyOptionIssue, PasskeyState } from '@backup-kit/core';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { PasskeySetupLabels } from './passkey-setup-labels.js';

/** What the passkey-only parts (Issues, Fallback) read. */
export interface PasskeySetupContextValue {
  state: PasskeyState;
  issues: PasskeyOptionIssue[];
  labels: PasskeySetupLabels;
}

export const [PasskeySetupProvider, usePasskeySetupContext] =
  createStrictContext<PasskeySetupContextValue>('PasskeySetup.Root');
