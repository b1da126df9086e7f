'use client';
import { forwardRef } from 'react';
import { FlowTrigger, type FlowTriggerProps } from '../internal/flow-trigger.js';

export type BackupStatusRefreshProps = FlowTriggerProps;

/**
 * Reads the status again. The flows' trigger (aria-disabled while reading, so it keeps focus),
 * written as `data-part="refresh"`.
 */
export const BackupStatusRefresh = forwardRef<HTMLButtonElement, BackupStatusRefreshProps>(
  function BackupStatusRefresh(props, ref) {
    return <FlowTrigger data-part="refresh" {...props} ref={ref} />;
  },
);
