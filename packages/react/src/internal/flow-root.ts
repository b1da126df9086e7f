import { useContext, useId, useRef } from 'react';
import type { FlowView, MpcStatus } from '@backup-kit/core';
import { mergeLabels, type CommonLabels, type LabelOverrides } from '../labels/common-labels.js';
import { statusText } from '../labels/status-text.js';
import { BackupKitContext, type PortalStatus } from '../provider/backup-kit-context.js';
import { flag, partAttributes, type Scope } from './data-attributes.js';
import type { FlowContextValue } from './flow-context.js';

type RootLabels = CommonLabels & { busy?: string; done?: string };

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

/**
 * What a Root tells its parts, from core's view: the view decides, the Root only adds the text
 * of its labels, its own trigger label and what activating the trigger does.
 */
export function flowContext<L extends RootLabels>(
  scope: Scope,
  view: FlowView,
  { labels, id, triggerRef }: ReturnType<typeof useFlowRoot<L>>,
  ownTrigger: string,
  activate: () => void,
  statusArgs?: unknown,
): FlowContextValue {
  return {
    ...view,
    scope,
    id,
    statusText: statusText(labels, view, statusArgs),
    triggerLabel: (view.triggerKey !== 'start' && labels[view.triggerKey]) || ownTrigger,
    retryLabel: labels.retry,
    activate,
    triggerRef,
  };
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
