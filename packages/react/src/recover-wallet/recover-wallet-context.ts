import type { RefObject } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { SecretState } from '../internal/secret-field.js';
import type { RecoverWalletLabels } from './recover-wallet-labels.js';

/**
 * What RecoverWallet's own parts read. The password is not here: it lives only in the input
 * element and is read at submit, so it never sits in React state, props or devtools.
 */
export interface RecoverWalletContextValue extends SecretState {
  /** data-state on every part: the flow's state, or `empty` / `wrong-password`. */
  state: string;
  labels: RecoverWalletLabels;
  ids: { methods: string; legend: string; input: string; label: string; error: string };
  /** The methods to choose from. */
  methods: readonly BackupMethod[];
  /** The chosen method (the first one until the user picks another). */
  method: BackupMethod | undefined;
  select: (method: BackupMethod) => void;
  /** The password field's message: a wrong password, or none typed. */
  fieldError: string | undefined;
  /** The FieldError part is mounted, so the input can point at it and Status leaves it the message. */
  hasFieldError: boolean;
  registerFieldError: () => () => void;
  /** Controls take no edits: a recovery runs, or it is done. */
  locked: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
  /** The user typed in the password input. */
  changed: () => void;
}

export const [RecoverWalletProvider, useRecoverWalletContext] =
  createStrictContext<RecoverWalletContextValue>('RecoverWallet.Root');
