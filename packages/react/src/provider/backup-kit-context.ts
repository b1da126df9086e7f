'use client';
import { createContext, useContext } from 'react';
import type { BackupKitError, PasskeyOptions, PasskeyWindowOptions, PortalLike, PortalStatus } from '@backup-kit/core';
import type { CommonLabels, LabelOverrides } from '../labels/common-labels.js';

/** Whether Portal can be used yet. */
export type { PortalStatus } from '@backup-kit/core';

export interface BackupKitContextValue {
  status: PortalStatus;
  /**
   * The Portal instance. With a `portal` prop it is there from the first render (even while
   * loading); with `portalOptions` it appears once the SDK has loaded and Portal is ready.
   */
  portal: PortalLike | null;
  /** Why Portal could not start (stage `initializing`); null unless status is `error`. */
  error: BackupKitError | null;
  /** Tries again to start Portal (a new SDK instance with `portalOptions`). */
  retry: () => void;
  labels: LabelOverrides<CommonLabels> | undefined;
  /** The provider's passkey options: every passkey component and hook reads them (a prop overrides). */
  passkey?: PasskeyOptions | undefined;
  /** Portal's passkey window (the SDK's own path), for every passkey component and hook. */
  passkeyWindow?: PasskeyWindowOptions | undefined;
}

export const BackupKitContext = createContext<BackupKitContextValue | null>(null);

/** Portal's readiness and the instance, from the nearest BackupKitProvider. */
export function useBackupKit(): BackupKitContextValue {
  const value = useContext(BackupKitContext);
  if (!value) throw new Error('useBackupKit() must be used inside <BackupKitProvider>.');
  return value;
}
