import { useContext, useId, useRef } from 'react';
import type { BackupKitError, MpcStatus } from '@backup-kit/core';
import { mergeLabels, type CommonLabels, type LabelOverrides } from '../labels/common-labels.js';
import { BackupKitContext, type PortalStatus } from '../provider/backup-kit-context.js';
import { flag, partAttributes } from './data-attributes.js';
import type { FlowContextValue } from './flow-context.js';

/**
 * What every component's Root sets up the same way: its labels (the defaults, then the
 * provider's, then its own), the base of its parts' ids, and the trigger focus goes back to.
 */
export function useFlowRoot<L extends CommonLabels>(defaults: L, overrides: LabelOverrides<L> | undefined) {
  return {
    labels: mergeLabels(defaults, useContext(BackupKitContext)?.labels, overrides),
    id: useId(),
    triggerRef: useRef<HTMLButtonElement>(null),
  };
}

/** Portal itself cannot start and a retry would not help (e.g. a wrong API key). */
export function portalDead(error: BackupKitError | undefined): boolean {
  return error?.stage === 'initializing' && !error.retryable;
}

/** The trigger's text: while busy, once done, after an error a retry can help, else its own. */
export function triggerText(
  labels: { busy: string; done: string; retry: string },
  flow: { state: string; isBusy: boolean },
  error: BackupKitError | undefined,
  own: string,
): string {
  return flow.isBusy ? labels.busy : flow.state === 'success' ? labels.done : error?.retryable ? labels.retry : own;
}

/**
 * The root element's data attributes: the part's, the MPC status while Portal works, where an
 * error happened, whether Portal is ready, and a real `disabled`.
 */
export function rootAttributes(
  flow: FlowContextValue,
  hook: { portalStatus: PortalStatus; status?: MpcStatus | null | undefined },
) {
  return {
    ...partAttributes(flow.scope, 'root', flow.state),
    'data-status': hook.status?.status,
    'data-stage': flow.error?.stage,
    'data-portal': hook.portalStatus,
    'data-disabled': flag(flow.disabled),
  };
}
