'use client';
import { forwardRef, type ReactNode } from 'react';
import type { PasskeyState } from '@backup-kit/core';
import { FlowRetry, type FlowRetryProps } from '../internal/flow-retry.js';
import { FlowStatus, type FlowStatusProps } from '../internal/flow-status.js';
import { FlowTrigger, type FlowTriggerProps } from '../internal/flow-trigger.js';
import { PasskeySetupFallback } from './passkey-setup-fallback.js';
import { PasskeySetupIssues } from './passkey-setup-issues.js';
import { PasskeySetupRoot, type PasskeySetupRootProps } from './passkey-setup-root.js';

export const PasskeySetupTrigger = FlowTrigger;
export const PasskeySetupStatus = FlowStatus;
export const PasskeySetupRetry = FlowRetry;
export type PasskeySetupTriggerProps = FlowTriggerProps;
export type PasskeySetupStatusProps = FlowStatusProps;
export type PasskeySetupRetryProps = FlowRetryProps;

export interface PasskeySetupProps extends PasskeySetupRootProps {
  /** Shown when passkeys are unsupported or the prompt was cancelled, e.g. `<PasswordBackup />`. */
  fallback?: ReactNode;
  /** The states that show the fallback. @default ['unsupported', 'cancelled'] */
  fallbackOn?: readonly PasskeyState[] | undefined;
  /** A class per part, for the drop-in (`className` goes on the root). */
  classNames?: Partial<Record<'trigger' | 'status' | 'issues' | 'fallback', string>> | undefined;
}

/**
 * What the drop-in renders inside its Root. Put it in a RootProvider to show the drop-in over a
 * flow you hold: `<PasskeySetup.RootProvider value={...}><PasskeySetupDropInParts /></PasskeySetup.RootProvider>`.
 */
export function PasskeySetupDropInParts({
  fallback,
  fallbackOn,
  classNames: c = {},
}: Pick<PasskeySetupProps, 'fallback' | 'fallbackOn' | 'classNames'>) {
  return (
    <>
      <FlowTrigger className={c.trigger} />
      <FlowStatus className={c.status} />
      <PasskeySetupIssues className={c.issues} />
      <PasskeySetupFallback when={fallbackOn} className={c.fallback}>
        {fallback}
      </PasskeySetupFallback>
    </>
  );
}

/**
 * The drop-in: creates a passkey, then backs the wallet up under it. Invalid custom-domain
 * options are listed before any prompt; without passkey support the fallback replaces the
 * button, so there is never a dead button.
 */
export const PasskeySetupDropIn = forwardRef<HTMLDivElement, PasskeySetupProps>(function PasskeySetup(props, ref) {
  const { fallback, fallbackOn, classNames, ...rootProps } = props;
  return (
    <PasskeySetupRoot {...rootProps} ref={ref}>
      <PasskeySetupDropInParts fallback={fallback} fallbackOn={fallbackOn} classNames={classNames} />
    </PasskeySetupRoot>
  );
});
