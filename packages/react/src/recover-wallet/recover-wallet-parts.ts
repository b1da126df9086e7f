import { RecoverWalletDropIn, RecoverWalletSubmit, RecoverWalletStatus, RecoverWalletRetry } from './recover-wallet.js';
import { RecoverWalletRoot, RecoverWalletRootProvider } from './recover-wallet-root.js';
import { RecoverWalletMethods } from './recover-wallet-methods.js';
import { RecoverWalletMethod } from './recover-wallet-method.js';
import { RecoverWalletField } from './recover-wallet-field.js';
import { RecoverWalletLabel } from './recover-wallet-label.js';
import { RecoverWalletControl } from './recover-wallet-control.js';
import { RecoverWalletInput } from './recover-wallet-input.js';
import { RecoverWalletVisibilityToggle } from './recover-wallet-visibility-toggle.js';
import { RecoverWalletFieldError } from './recover-wallet-field-error.js';
import { RecoverWalletEmpty } from './recover-wallet-empty.js';

/**
 * `<RecoverWallet.Root>` and its parts, or `<RecoverWallet.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference, so the README's syntax works there as in a client component.
 */
export const RecoverWallet = {
  DropIn: RecoverWalletDropIn,
  Root: RecoverWalletRoot,
  RootProvider: RecoverWalletRootProvider,
  Methods: RecoverWalletMethods,
  Method: RecoverWalletMethod,
  Field: RecoverWalletField,
  Label: RecoverWalletLabel,
  Control: RecoverWalletControl,
  Input: RecoverWalletInput,
  VisibilityToggle: RecoverWalletVisibilityToggle,
  FieldError: RecoverWalletFieldError,
  Submit: RecoverWalletSubmit,
  Status: RecoverWalletStatus,
  Retry: RecoverWalletRetry,
  Empty: RecoverWalletEmpty,
};
