import type { PasskeyOptionIssueCode } from '@backup-kit/core';
import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';

export interface PasskeySetupLabels extends CommonLabels {
  trigger: string;
  /** While the kit checks that this browser can use passkeys. */
  checking: string;
  /** While the passkey prompt is open. */
  registering: string;
  /** This browser cannot use passkeys (the fallback shows next to it). */
  unsupported: string;
  busy: string;
  done: string;
  /** A message per invalid option; the default is core's English message for each. */
  optionIssues: Partial<Record<PasskeyOptionIssueCode, string>>;
}

export const defaultPasskeySetupLabels: PasskeySetupLabels = {
  ...defaultCommonLabels,
  trigger: 'Back up with a passkey',
  checking: 'Checking passkey support…',
  registering: 'Creating your passkey…',
  unsupported: 'This browser does not support passkeys.',
  busy: 'Backing up…',
  done: 'Backed up',
  optionIssues: {},
};
