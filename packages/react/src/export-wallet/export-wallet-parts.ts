import { ExportWalletDropIn, ExportWalletSteps } from './export-wallet.js';
import { ExportWalletRoot, ExportWalletRootProvider } from './export-wallet-root.js';
import {
  ExportWalletCancel,
  ExportWalletConfirm,
  ExportWalletConfirmation,
  ExportWalletCopy,
  ExportWalletHide,
  ExportWalletKey,
  ExportWalletPasswordInput,
  ExportWalletPasswordLabel,
  ExportWalletReveal,
  ExportWalletStatus,
  ExportWalletTrigger,
  ExportWalletWarning,
} from './export-wallet-parts-impl.js';

/**
 * `<ExportWallet.Root>` and its parts, or `<ExportWallet.DropIn />` for the whole component. A
 * plain object in a module without 'use client': in a React Server Component each member is a
 * client reference.
 */
export const ExportWallet = {
  DropIn: ExportWalletDropIn,
  Root: ExportWalletRoot,
  RootProvider: ExportWalletRootProvider,
  Steps: ExportWalletSteps,
  Status: ExportWalletStatus,
  Trigger: ExportWalletTrigger,
  Confirmation: ExportWalletConfirmation,
  Warning: ExportWalletWarning,
  PasswordLabel: ExportWalletPasswordLabel,
  PasswordInput: ExportWalletPasswordInput,
  Confirm: ExportWalletConfirm,
  Cancel: ExportWalletCancel,
  Key: ExportWalletKey,
  Reveal: ExportWalletReveal,
  Copy: ExportWalletCopy,
  Hide: ExportWalletHide,
};
