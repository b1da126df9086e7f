'use client';
import { forwardRef, type ReactNode } from 'react';
import { RecoverWalletDropIn } from '../recover-wallet/recover-wallet.js';
import { useWalletGateContext } from './wallet-gate-context.js';
import {
  useKeepFocus,
  WalletGateCreate,
  WalletGateEjected,
  WalletGateReminder,
  WalletGateRetry,
  WalletGateSkipBackup,
  WalletGateStatus,
} from './wallet-gate-parts-impl.js';
import { WalletGateRoot, type WalletGateRootProps } from './wallet-gate-root.js';

export interface WalletGateProps extends WalletGateRootProps {
  /**
   * The backup step, shown right after the wallet was created (seed 000: back up at once). The
   * methods are the app's: e.g. `<PasswordBackup.DropIn storage={...} />`. The gate moves on to
   * the app once any kit backup on the same Portal succeeds.
   */
  backup: ReactNode;
  /** The recovery step for a wallet that is not on this device. @default <RecoverWallet.DropIn /> */
  recover?: ReactNode;
  /** Shown above the app while nothing is backed up; `null` for none. @default the reminder text */
  reminder?: ReactNode;
  /** Offer "Back up later" in the backup step. @default true */
  allowSkipBackup?: boolean | undefined;
  /** The app, shown once the wallet is on this device. */
  children?: ReactNode;
}

/**
 * The wallet's lifecycle in one component: no wallet → create, then the app's backup step at
 * once; a wallet on another device → recover; on this device → the app (with a reminder while
 * nothing is backed up).
 */
export const WalletGateDropIn = forwardRef<HTMLDivElement, WalletGateProps>(function WalletGateDropIn(props, ref) {
  const { backup, recover, reminder, allowSkipBackup = true, children, ...rest } = props;
  return (
    <WalletGateRoot {...rest} ref={ref}>
      <WalletGateSteps backup={backup} recover={recover} reminder={reminder} allowSkipBackup={allowSkipBackup}>
        {children}
      </WalletGateSteps>
    </WalletGateRoot>
  );
});

export type WalletGateStepsProps = Pick<
  WalletGateProps,
  'backup' | 'recover' | 'reminder' | 'allowSkipBackup' | 'children'
>;

/**
 * The drop-in's steps, inside a Root you render yourself: e.g. over a gate you hold,
 * `<WalletGate.RootProvider value={useWalletGate()}><WalletGate.Steps backup={...} /></WalletGate.RootProvider>`.
 */
export function WalletGateSteps({ backup, recover, reminder, allowSkipBackup = true, children }: WalletGateStepsProps) {
  const { view, portal } = useWalletGateContext('WalletGate.DropIn');
  useKeepFocus(view.slot);
  // Room for later states (e.g. an exported wallet): add a slot in connectWalletGate, then here.
  switch (view.slot) {
    case 'status':
      return (
        <>
          <WalletGateStatus />
          <WalletGateRetry />
        </>
      );
    case 'create':
      return (
        <>
          <WalletGateStatus />
          <WalletGateCreate />
        </>
      );
    case 'backup':
      return (
        <>
          <WalletGateStatus />
          {backup}
          {allowSkipBackup && <WalletGateSkipBackup />}
        </>
      );
    case 'recover':
      return (
        <>
          <WalletGateStatus />
          {recover ?? <RecoverWalletDropIn portal={portal} />}
        </>
      );
    case 'app':
      return (
        <>
          {reminder === null ? null : <WalletGateReminder>{reminder}</WalletGateReminder>}
          <WalletGateEjected />
          {children}
        </>
      );
  }
}
