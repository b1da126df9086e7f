// @backup-kit/react/export: its own entry point (opt-in), so an app that never exports a wallet
// bundles none of it. Plain re-exports (no 'use client'), as in index.ts.

export { ExportWallet } from './export-wallet/export-wallet-parts.js';
export { ExportWalletDropIn, ExportWalletSteps, type ExportWalletProps } from './export-wallet/export-wallet.js';
export {
  ExportWalletRoot,
  ExportWalletRootProvider,
  type ExportWalletRootProps,
  type ExportWalletRootProviderProps,
} from './export-wallet/export-wallet-root.js';
export {
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
  type ExportWalletCopyProps,
  type ExportWalletKeyProps,
} from './export-wallet/export-wallet-parts-impl.js';
export {
  defaultExportWalletLabels,
  type ExportCurve,
  type ExportWalletLabels,
} from './export-wallet/export-wallet-labels.js';
export {
  useExportWallet,
  type ExportWalletActions,
  type UseExportWalletOptions,
  type UseExportWalletResult,
} from './hooks/use-export-wallet.js';
export { httpCustodianShare, type CustodianShareSource, type HttpCustodianShareOptions } from '@backup-kit/core';
