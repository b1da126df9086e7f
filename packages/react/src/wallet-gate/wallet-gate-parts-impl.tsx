'use client';
import { forwardRef, useLayoutEffect, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import { useBackupStatus } from '../hooks/use-backup-status.js';
import { partAttributes } from '../internal/data-attributes.js';
import { useLastFocused } from '../internal/use-last-focused.js';
import { connectWalletGate } from '@backup-kit/core';
import { errorText } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import { useWalletGateContext } from './wallet-gate-context.js';

type DivProps = ComponentPropsWithoutRef<'div'>;
type ButtonProps = ComponentPropsWithoutRef<'button'>;

/** The status line: checking, no wallet, creating, the backup or recovery prompt, or the error. */
export const WalletGateStatus = forwardRef<HTMLDivElement, DivProps>(function WalletGateStatus(props, ref) {
  const { view, labels, statusId } = useWalletGateContext('WalletGate.Status');
  const key = view.statusKey;
  const message =
    key === 'error'
      ? errorText(labels, view.error!)
      : key === 'progress' || key === 'creating'
        ? labels.creating
        : key === 'none'
          ? ''
          : labels[key];
  return (
    <div
      {...partAttributes('wallet-gate', 'status', view.state)}
      id={statusId}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      {...props}
      ref={ref}
    >
      {message}
    </div>
  );
});

/**
 * Creates the wallet; "Try again" after creating failed. While creating it stays focusable and
 * ignores clicks (aria-disabled), so focus is not lost.
 */
export const WalletGateCreate = forwardRef<HTMLButtonElement, ButtonProps>(function WalletGateCreate(props, ref) {
  const { view, gate, labels, statusId } = useWalletGateContext('WalletGate.Create');
  const { onClick, ...rest } = props;
  const label = view.state === 'creating' ? labels.creating : view.error ? labels.retry : labels.create;
  return (
    <button
      type="button"
      {...partAttributes('wallet-gate', 'create', view.state)}
      aria-disabled={view.createBlocked || undefined}
      aria-describedby={statusId}
      {...rest}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (event.defaultPrevented || view.createBlocked) return;
        void (view.error ? gate.retry() : gate.create());
      }}
      ref={ref}
    >
      {label}
    </button>
  );
});

/** After a failed check: checks again (or retries Portal when Portal could not start). */
export const WalletGateRetry = forwardRef<HTMLButtonElement, ButtonProps>(function WalletGateRetry(props, ref) {
  const { view, gate, labels, statusId } = useWalletGateContext('WalletGate.Retry');
  const { onClick, ...rest } = props;
  if (view.state !== 'error') return null;
  return (
    <button
      type="button"
      {...partAttributes('wallet-gate', 'retry', view.state)}
      aria-describedby={statusId}
      {...rest}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) void gate.retry();
      }}
      ref={ref}
    >
      {labels.retry}
    </button>
  );
});

/** Leaves the backup step for later: the app shows, with the reminder. */
export const WalletGateSkipBackup = forwardRef<HTMLButtonElement, ButtonProps>(
  function WalletGateSkipBackup(props, ref) {
    const { view, gate, labels, rootRef } = useWalletGateContext('WalletGate.SkipBackup');
    const { onClick, ...rest } = props;
    return (
      <button
        type="button"
        {...partAttributes('wallet-gate', 'skip-backup', view.state)}
        {...rest}
        onClick={(event) => {
          onClick?.(event);
          if (event.defaultPrevented) return;
          gate.skipBackup();
          rootRef.current?.focus();
        }}
        ref={ref}
      >
        {labels.skipBackup}
      </button>
    );
  },
);

/**
 * Shows its children (the reminder text by default) only while the wallet has no completed
 * backup (with the gate's storage: none whose share the storage still holds), read from Portal
 * and read again after any kit backup on the same Portal.
 */
export const WalletGateReminder = forwardRef<HTMLDivElement, DivProps>(function WalletGateReminder(props, ref) {
  const { view, labels, portal, storage } = useWalletGateContext('WalletGate.Reminder');
  const { known } = useBackupStatus({ portal, storage });
  // With a storage, a backup whose share it lost does not count.
  if (!known?.hasWallet || known.methods.some((method) => !known.missing?.includes(method))) return null;
  const { children = labels.reminder, ...rest } = props;
  return (
    <div {...partAttributes('wallet-gate', 'reminder', view.state)} role="note" {...rest} ref={ref}>
      {children}
    </div>
  );
});

/**
 * Says, beside the app, that the wallet's private key was exported (Portal's `ejectedAt`, read
 * with the backup status). Renders nothing for a wallet never exported.
 */
export const WalletGateEjected = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function WalletGateEjected(props, ref) {
    const { gate, labels, portal } = useWalletGateContext('WalletGate.Ejected');
    const { known } = useBackupStatus({ portal });
    const { ejectedAt, state } = connectWalletGate(gate, {
      portalStatus: gate.portalStatus,
      ejectedAt: known?.ejectedAt,
    });
    if (!ejectedAt) return null;
    const { children, ...rest } = props;
    return (
      <p
        {...partAttributes('wallet-gate', 'ejected', state)}
        data-ejected-at={ejectedAt}
        role="note"
        {...rest}
        ref={ref}
      >
        {children ?? text(labels.ejected, { ejectedAt })}
      </p>
    );
  },
);

/**
 * Moves focus to the root when the element that held it went away with the step (the create
 * button when the backup step replaces it), so keyboard users are not dropped on <body>.
 */
export function useKeepFocus(slot: string) {
  const { rootRef } = useWalletGateContext('WalletGate.DropIn');
  const lastFocused = useLastFocused(rootRef);
  useLayoutEffect(() => {
    const root = rootRef.current;
    const gone = lastFocused.current && !lastFocused.current.isConnected;
    if (root && gone && (root.ownerDocument.activeElement ?? root.ownerDocument.body) === root.ownerDocument.body) {
      root.focus();
    }
  }, [slot, rootRef, lastFocused]);
}
