'use client';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  createPortal,
  configurePortalTimeouts,
  whenPortalReady,
  toBackupKitError,
  type BackupKitError,
  type CreatePortalOptions,
  type PasskeyOptions,
  type PasskeyWindowOptions,
  type PortalLike,
  type PortalTimeouts,
} from '@backup-kit/core';
import { warnPortalAndPasskey } from './provider-passkey.js';
import type { CommonLabels, LabelOverrides } from '../labels/common-labels.js';
import { BackupKitContext, type BackupKitContextValue } from './backup-kit-context.js';

interface ProviderCommonProps {
  children?: ReactNode;
  /** Text shared by every component below (connecting, statuses, error messages...). */
  labels?: LabelOverrides<CommonLabels> | undefined;
  /**
   * Custom-domain passkey options, given once, in the seed's names (`customDomain`,
   * `relyingPartyId`, `relyingPartyName`, `usePopup`). Every passkey component and hook reads
   * them from here (their own `passkey` prop overrides), and with `portalOptions` the kit builds
   * Portal's `passkey` config from them. With a `portal` you made yourself the kit cannot see or
   * change that instance's config: give it `toPortalPasskeyConfig(...)` yourself.
   */
  passkey?: PasskeyOptions | undefined;
  /** Portal's passkey window for the SDK's own path, opened inside the click (see openPasskeyWindow). */
  passkeyWindow?: PasskeyWindowOptions | undefined;
}

export type BackupKitProviderProps = ProviderCommonProps &
  (
    | {
        /** A Portal instance you created (anything shaped like @portal-hq/web's Portal). */
        portal: PortalLike;
        portalOptions?: never;
        /** Time limits for this Portal's calls; applied when the kit first sees the instance. */
        timeouts?: PortalTimeouts | undefined;
      }
    | {
        /**
         * Options for `new Portal(...)`: the kit loads @portal-hq/web lazily, in the browser only,
         * and waits until it is ready. Read when the provider mounts (and on retry); to change
         * them, remount the provider with a new `key`.
         */
        portalOptions: CreatePortalOptions;
        portal?: never;
        timeouts?: never;
      }
  );

interface Settled {
  token: object;
  portal: PortalLike | null;
  error: BackupKitError | null;
}

/**
 * Gives the components below a Portal and tells them whether it is ready. It renders nothing of
 * its own. On the server it stays `loading`: Portal only starts in a browser.
 */
export function BackupKitProvider(props: BackupKitProviderProps) {
  const { portal: given, labels, children, passkey, passkeyWindow } = props;
  warnPortalAndPasskey(props);
  // The first facade for an instance fixes its time limits: set them here, before any child's flow
  // makes one (the first setting wins, so this is cheap and idempotent).
  if (given) configurePortalTimeouts(given, props.timeouts);
  const [attempt, setAttempt] = useState(0);
  // A fresh token for each thing we wait for: another instance, or another attempt.
  const token = useMemo(() => ({ given, attempt }), [given, attempt]);
  const [settled, setSettled] = useState<Settled | null>(null);

  // Read in the effect, not a dependency: options are taken once per attempt (see the prop docs).
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  // Kept across StrictMode's second effect run so one attempt creates one SDK instance (one iframe).
  const creation = useRef<{ token: object; promise: Promise<PortalLike> } | null>(null);

  useEffect(() => {
    let live = true;
    if (creation.current?.token !== token) {
      const promise = given
        ? whenPortalReady(given).then(() => given)
        : createPortal({ passkeyOptions: latest.current.passkey, ...latest.current.portalOptions! });
      creation.current = { token, promise };
    }
    creation.current.promise.then(
      (portal) => live && setSettled({ token, portal, error: null }),
      (cause: unknown) =>
        live &&
        setSettled({
          token,
          portal: given ?? null,
          error: toBackupKitError(cause, 'initializing', 'PORTAL_INIT_FAILED'),
        }),
    );
    return () => {
      live = false;
    };
  }, [token, given]);

  const current = settled?.token === token ? settled : null;
  const status = current ? (current.error ? 'error' : 'ready') : given?.ready ? 'ready' : 'loading';
  const portal = current?.portal ?? given ?? null;
  const error = current?.error ?? null;

  const value = useMemo<BackupKitContextValue>(
    () => ({ status, portal, error, labels, passkey, passkeyWindow, retry: () => setAttempt((n) => n + 1) }),
    [status, portal, error, labels, passkey, passkeyWindow],
  );
  return <BackupKitContext.Provider value={value}>{children}</BackupKitContext.Provider>;
}
