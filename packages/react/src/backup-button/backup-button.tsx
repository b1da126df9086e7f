'use client';
import { forwardRef } from 'react';
import { FlowRetry, type FlowRetryProps } from '../internal/flow-retry.js';
import { FlowStatus, type FlowStatusProps } from '../internal/flow-status.js';
import { FlowTrigger, type FlowTriggerProps } from '../internal/flow-trigger.js';
import { BackupButtonRoot, type BackupButtonRootProps } from './backup-button-root.js';

export const BackupButtonTrigger = FlowTrigger;
export const BackupButtonStatus = FlowStatus;
export const BackupButtonRetry = FlowRetry;
export type BackupButtonTriggerProps = FlowTriggerProps;
export type BackupButtonStatusProps = FlowStatusProps;
export type BackupButtonRetryProps = FlowRetryProps;

export interface BackupButtonProps extends BackupButtonRootProps {
  /** A class per part, for the drop-in (`className` goes on the root). */
  classNames?: Partial<Record<'trigger' | 'status', string>> | undefined;
}

/**
 * What the drop-in renders inside its Root. Put it in a RootProvider to show the drop-in over a
 * flow you hold: `<BackupButton.RootProvider value={...}><BackupButtonDropInParts /></BackupButton.RootProvider>`.
 */
export function BackupButtonDropInParts({ classNames }: Pick<BackupButtonProps, 'classNames'>) {
  return (
    <>
      <FlowTrigger className={classNames?.trigger} />
      <FlowStatus className={classNames?.status} />
    </>
  );
}

/**
 * The drop-in: a button that backs the wallet up with one method, and a polite status line.
 * The same button retries after an error, so focus never moves. Built from the parts below.
 */
export const BackupButtonDropIn = forwardRef<HTMLDivElement, BackupButtonProps>(function BackupButton(props, ref) {
  const { classNames, ...rootProps } = props;
  return (
    <BackupButtonRoot {...rootProps} ref={ref}>
      <BackupButtonDropInParts classNames={classNames} />
    </BackupButtonRoot>
  );
});
