'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import {
  useBackupStatus,
  type UseBackupStatusOptions,
  type UseBackupStatusResult,
} from '../hooks/use-backup-status.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { portalDead, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
import { flowStatusText } from '../labels/status-text.js';
import type { LabelOverrides } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import { BackupStatusProvider, type BackupStatusContextValue } from './backup-status-context.js';
import { defaultBackupStatusLabels, type BackupStatusLabels } from './backup-status-labels.js';

export interface BackupStatusRootProviderProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError'> {
  /** The status to show: what `useBackupStatus` returned (the app holds it itself). */
  value: UseBackupStatusResult;
  /**
   * The methods to list, in order. PASSKEY also counts a passkey backup made on the kit's direct
   * path (CUSTOM) unless CUSTOM is listed itself. @default ['PASSWORD', 'PASSKEY', 'GDRIVE']
   */
  methods?: readonly BackupMethod[] | undefined;
  /** Any text to replace; maps (errors) merge key by key. */
  labels?: LabelOverrides<BackupStatusLabels> | undefined;
  /** Turns the refresh button off (a real `disabled`). */
  disabled?: boolean | undefined;
}

export interface BackupStatusRootProps extends UseBackupStatusOptions, Omit<BackupStatusRootProviderProps, 'value'> {}

const DEFAULT_METHODS: readonly BackupMethod[] = ['PASSWORD', 'PASSKEY', 'GDRIVE'];

/**
 * Holds the wallet's backup status and renders a `<div>` around the parts. The status is read
 * when Portal is ready, on Refresh, and again after any Backup Kit backup on the same Portal.
 */
export const BackupStatusRoot = forwardRef<HTMLDivElement, BackupStatusRootProps>(
  function BackupStatusRoot(props, ref) {
    const { portal, refreshOnSuccess, ...rest } = props;
    return <BackupStatusRootProvider {...rest} value={useBackupStatus({ portal, refreshOnSuccess })} ref={ref} />;
  },
);

/** Renders the parts over a status the app holds: `value={useBackupStatus(...)}`. */
export const BackupStatusRootProvider = forwardRef<HTMLDivElement, BackupStatusRootProviderProps>(
  function BackupStatusRootProvider(props, ref) {
    const { value: status, methods = DEFAULT_METHODS, labels: overrides, disabled = false, children, ...rest } = props;
    const { labels, id, triggerRef } = useFlowRoot(defaultBackupStatusLabels, overrides);

    const { known } = status;
    const isBackedUp = (method: BackupMethod) =>
      !!known &&
      (known.methods.includes(method) ||
        (method === 'PASSKEY' && !methods.includes('CUSTOM') && known.methods.includes('CUSTOM')));
    const empty = !!known && known.methods.length === 0;
    const state = status.state === 'ready' && empty ? 'empty' : status.state;
    const connecting = status.portalStatus === 'loading' && status.state === 'loading';
    const error = status.state === 'error' ? status.error : undefined;

    let statusText: string;
    if (status.state !== 'ready') statusText = flowStatusText(labels, status, connecting);
    else if (!status.hasWallet) statusText = labels.noWallet;
    else if (empty) statusText = labels.empty;
    else {
      const backedUp = methods.filter(isBackedUp);
      const names = backedUp.map((method) => text(labels.method, { method }));
      statusText = text(labels.summary, { methods: backedUp, names });
    }

    const flow: FlowContextValue = {
      scope: 'backup-status',
      state,
      blocked: disabled || status.state === 'loading' || portalDead(error),
      disabled,
      id,
      statusText,
      error,
      triggerLabel: labels.refresh,
      retryLabel: labels.retry,
      activate: () => void status.refresh(),
      triggerRef,
    };
    const ctx: BackupStatusContextValue = { state, labels, methods, known, isBackedUp, empty, triggerRef };

    return (
      <FlowProvider value={flow}>
        <BackupStatusProvider value={ctx}>
          <div {...rootAttributes(flow, status)} {...rest} ref={ref}>
            {children}
          </div>
        </BackupStatusProvider>
      </FlowProvider>
    );
  },
);
