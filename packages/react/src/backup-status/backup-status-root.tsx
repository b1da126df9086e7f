'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { BackupMethod } from '@backup-kit/core';
import {
  useBackupStatus,
  type UseBackupStatusOptions,
  type UseBackupStatusResult,
} from '../hooks/use-backup-status.js';
import { connectBackupStatus } from '@backup-kit/core';
import { FlowProvider } from '../internal/flow-context.js';
import { flag } from '../internal/data-attributes.js';
import { flowContext, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
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
    const { portal, refreshOnSuccess, storage, ...rest } = props;
    return (
      <BackupStatusRootProvider {...rest} value={useBackupStatus({ portal, refreshOnSuccess, storage })} ref={ref} />
    );
  },
);

/** Renders the parts over a status the app holds: `value={useBackupStatus(...)}`. */
export const BackupStatusRootProvider = forwardRef<HTMLDivElement, BackupStatusRootProviderProps>(
  function BackupStatusRootProvider(props, ref) {
    const { value: status, methods = DEFAULT_METHODS, labels: overrides, disabled, children, ...rest } = props;
    const root = useFlowRoot(defaultBackupStatusLabels, overrides);
    const { labels, triggerRef } = root;
    const { known } = status;
    const view = connectBackupStatus(status, { portalStatus: status.portalStatus, disabled, methods, known });
    const { backedUp, isBackedUp, isMissing, empty, state } = view;
    const names = backedUp.map((method) => text(labels.method, { method }));
    const flow = flowContext('backup-status', view, root, labels.refresh, () => void status.refresh(), {
      methods: backedUp,
      names,
    });
    // Refresh keeps its own label, whatever the last read did.
    flow.triggerLabel = labels.refresh;
    const { ejectedAt } = view;
    const ctx: BackupStatusContextValue = {
      state,
      labels,
      methods,
      known,
      isBackedUp,
      isMissing,
      empty,
      ejectedAt,
      triggerRef,
    };

    return (
      <FlowProvider value={flow}>
        <BackupStatusProvider value={ctx}>
          <div {...rootAttributes(flow, status)} data-ejected={flag(!!ejectedAt)} {...rest} ref={ref}>
            {children}
          </div>
        </BackupStatusProvider>
      </FlowProvider>
    );
  },
);
