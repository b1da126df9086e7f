'use client';
import { forwardRef, useContext, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import { connectWalletGate, type BackupStorage, type PortalLike } from '@backup-kit/core';
import { useWalletGate, type UseWalletGateOptions, type UseWalletGateResult } from '../hooks/use-wallet-gate.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { partAttributes } from '../internal/data-attributes.js';
import { mergeLabels, type LabelOverrides } from '../labels/common-labels.js';
import { BackupKitContext } from '../provider/backup-kit-context.js';
import { WalletGateProvider } from './wallet-gate-context.js';
import { defaultWalletGateLabels, type WalletGateLabels } from './wallet-gate-labels.js';

export interface WalletGateRootProviderProps extends ComponentPropsWithoutRef<'div'> {
  /** The gate to show: what `useWalletGate` returned (the app holds it itself). */
  value: UseWalletGateResult;
  /** The Portal the gate runs on, when it is not the provider's (the reminder reads it too). */
  portal?: PortalLike | undefined;
  /**
   * Self-managed backups: where the default backup step stores the share and the default
   * recovery step reads it (e.g. core's `httpStorage({ url })`), as for the other components.
   */
  storage?: BackupStorage | undefined;
  /** Any text to replace; maps (errors) merge key by key. */
  labels?: LabelOverrides<WalletGateLabels> | undefined;
  /** Turns the create button off (a real `disabled`). */
  disabled?: boolean | undefined;
}

export interface WalletGateRootProps extends UseWalletGateOptions, Omit<WalletGateRootProviderProps, 'value'> {}

/** Holds where the wallet is (checked when Portal is ready) and renders a `<div>` around the parts. */
export const WalletGateRoot = forwardRef<HTMLDivElement, WalletGateRootProps>(function WalletGateRoot(props, ref) {
  return <WalletGateRootProvider {...props} value={useWalletGate({ portal: props.portal })} ref={ref} />;
});

/** Renders the parts over a gate the app holds: `value={useWalletGate(...)}`. */
export const WalletGateRootProvider = forwardRef<HTMLDivElement, WalletGateRootProviderProps>(
  function WalletGateRootProvider(props, ref) {
    const { value: gate, portal, storage, labels: overrides, disabled, children, ...rest } = props;
    const labels = mergeLabels(defaultWalletGateLabels, useContext(BackupKitContext)?.labels, overrides);
    const view = connectWalletGate(gate, { portalStatus: gate.portalStatus, disabled });
    const rootRef = useRef<HTMLDivElement>(null);
    const statusId = `${useId()}status`;
    return (
      <WalletGateProvider value={{ view, gate, labels, portal, storage, rootRef, statusId }}>
        {/* tabIndex -1: focus lands here when the step that held it goes away (create → backup). */}
        <div
          {...partAttributes('wallet-gate', 'root', view.state)}
          aria-busy={view.busy || undefined}
          tabIndex={-1}
          {...rest}
          ref={useComposedRefs(ref, rootRef)}
        >
          {children}
        </div>
      </WalletGateProvider>
    );
  },
);
