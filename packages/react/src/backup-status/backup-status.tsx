'use client';
import { forwardRef, type ReactNode } from 'react';
import { FlowStatus, type FlowStatusProps } from '../internal/flow-status.js';
import { BackupStatusEjected } from './backup-status-ejected.js';
import { BackupStatusEmpty } from './backup-status-empty.js';
import { BackupStatusList } from './backup-status-list.js';
import { BackupStatusRefresh } from './backup-status-refresh.js';
import { BackupStatusRoot, type BackupStatusRootProps } from './backup-status-root.js';

export const BackupStatusStatus = FlowStatus;
export type BackupStatusStatusProps = FlowStatusProps;

export interface BackupStatusProps extends BackupStatusRootProps {
  /** Shown while nothing is backed up, e.g. `<PasswordBackup />`. */
  empty?: ReactNode;
  /** A class per part, for the drop-in (`className` goes on the root). */
  classNames?: Partial<Record<'list' | 'status' | 'empty' | 'refresh' | 'ejected', string>> | undefined;
}

/**
 * What the drop-in renders inside its Root. Put it in a RootProvider to show the drop-in over a
 * flow you hold: `<BackupStatus.RootProvider value={...}><BackupStatusDropInParts /></BackupStatus.RootProvider>`.
 */
export function BackupStatusDropInParts({
  empty,
  classNames: c = {},
}: Pick<BackupStatusProps, 'empty' | 'classNames'>) {
  return (
    <>
      <BackupStatusList className={c.list} />
      <FlowStatus className={c.status} />
      <BackupStatusEjected className={c.ejected} />
      <BackupStatusEmpty className={c.empty}>{empty}</BackupStatusEmpty>
      <BackupStatusRefresh className={c.refresh} />
    </>
  );
}

/**
 * The drop-in: each method with whether it is backed up, a polite status line, a call to action
 * while nothing is backed up, and a Refresh button. Built from the parts below.
 */
export const BackupStatusDropIn = forwardRef<HTMLDivElement, BackupStatusProps>(function BackupStatus(props, ref) {
  const { empty, classNames, ...rootProps } = props;
  return (
    <BackupStatusRoot {...rootProps} ref={ref}>
      <BackupStatusDropInParts empty={empty} classNames={classNames} />
    </BackupStatusRoot>
  );
});
