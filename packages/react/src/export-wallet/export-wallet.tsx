'use client';
import { forwardRef } from 'react';
import { partAttributes } from '../internal/data-attributes.js';
import { useExportWalletContext } from './export-wallet-context.js';
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
import { ExportWalletRoot, type ExportWalletRootProps } from './export-wallet-root.js';

export type ExportWalletProps = ExportWalletRootProps;

/**
 * The whole export in one component: a start button, an explicit confirmation (with the backup
 * password for a PASSWORD backup), then the key, hidden until Reveal, with Copy and Hide. The key
 * is cleared on Hide, after `revealMs` (60 s) and on unmount.
 */
export const ExportWalletDropIn = forwardRef<HTMLDivElement, ExportWalletProps>(
  function ExportWalletDropIn(props, ref) {
    const { children, ...rest } = props;
    return (
      <ExportWalletRoot {...rest} ref={ref}>
        <ExportWalletSteps />
        {children}
      </ExportWalletRoot>
    );
  },
);

/**
 * The drop-in's parts, inside a Root you render yourself: e.g. over an export you hold,
 * `<ExportWallet.RootProvider value={useExportWallet(...)}><ExportWallet.Steps /></ExportWallet.RootProvider>`.
 */
export function ExportWalletSteps() {
  const { view, exportWallet } = useExportWalletContext('ExportWallet.Steps');
  const state = view.state;
  const solana = exportWallet.state === 'revealed' && exportWallet.keys.ED25519 !== undefined;
  return (
    <>
      <ExportWalletStatus />
      <ExportWalletTrigger />
      <ExportWalletConfirmation>
        <ExportWalletWarning />
        <div {...partAttributes('export-wallet', 'password-field', state)}>
          <ExportWalletPasswordLabel />
          <ExportWalletPasswordInput />
        </div>
        <div {...partAttributes('export-wallet', 'actions', state)}>
          <ExportWalletConfirm />
          <ExportWalletCancel />
        </div>
      </ExportWalletConfirmation>
      {view.keyVisible && (
        <>
          <ExportWalletKey />
          {solana && <ExportWalletKey curve="ED25519" />}
          <div {...partAttributes('export-wallet', 'actions', state)}>
            <ExportWalletReveal />
            <ExportWalletCopy />
            {solana && <ExportWalletCopy curve="ED25519" />}
            <ExportWalletHide />
          </div>
        </>
      )}
    </>
  );
}
