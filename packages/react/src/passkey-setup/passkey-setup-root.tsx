import { forwardRef, useContext, useId, useRef, type ComponentPropsWithoutRef } from 'react';
import type { PasskeySnapshot } from '@backup-kit/core';
import { splitProps } from '../hooks/use-flow-store.js';
import { PASSKEY_OPTION_KEYS, usePasskeySetup, type UsePasskeySetupOptions } from '../hooks/use-passkey-setup.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { errorText, mergeLabels, progressText, type LabelOverrides } from '../labels/common-labels.js';
import { BackupKitContext } from '../provider/backup-kit-context.js';
import { PasskeySetupProvider } from './passkey-setup-context.js';
import { defaultPasskeySetupLabels, type PasskeySetupLabels } from './passkey-setup-labels.js';

export interface PasskeySetupRootProps
  extends UsePasskeySetupOptions, Omit<ComponentPropsWithoutRef<'div'>, 'onError' | 'onProgress'> {
  /** Any text to replace; maps (statuses, errors, optionIssues) merge key by key. */
  labels?: LabelOverrides<PasskeySetupLabels> | undefined;
  /** Turns the trigger off (a real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

/**
 * Holds the passkey flow (check support, validate the custom-domain options, create the passkey,
 * back up) and renders a `<div>` around the parts.
 */
export const PasskeySetupRoot = forwardRef<HTMLDivElement, PasskeySetupRootProps>(
  function PasskeySetupRoot(props, ref) {
    const [options, { labels: overrides, disabled = false, children, ...rest }] = splitProps(
      props,
      PASSKEY_OPTION_KEYS,
    );
    const setup = usePasskeySetup(options);
    const labels = mergeLabels(defaultPasskeySetupLabels, useContext(BackupKitContext)?.labels, overrides);
    const id = useId();
    const triggerRef = useRef<HTMLButtonElement>(null);

    const connecting = setup.portalStatus === 'loading' && (setup.state === 'checking' || setup.state === 'idle');
    const error = setup.state === 'error' || setup.state === 'cancelled' ? setup.error : undefined;
    const portalDead = error?.stage === 'initializing' && !error.retryable;

    const ctx: FlowContextValue = {
      scope: 'passkey-setup',
      state: setup.state,
      blocked:
        disabled ||
        setup.isBusy ||
        connecting ||
        portalDead ||
        setup.state === 'checking' ||
        setup.state === 'success' ||
        setup.state === 'unsupported',
      disabled,
      id,
      statusText: connecting ? labels.connecting : statusText(labels, setup),
      error,
      triggerLabel: setup.isBusy
        ? labels.busy
        : setup.state === 'success'
          ? labels.done
          : error?.retryable
            ? labels.retry
            : labels.trigger,
      retryLabel: labels.retry,
      activate: () => void setup.retry(),
      triggerRef,
      // Never a dead button: without passkeys the fallback takes the trigger's place.
      triggerHidden: setup.state === 'unsupported',
    };

    return (
      <FlowProvider value={ctx}>
        <PasskeySetupProvider value={{ state: setup.state, issues: setup.issues, labels }}>
          <div
            {...partAttributes('passkey-setup', 'root', setup.state)}
            data-status={setup.state === 'backing-up' ? setup.status?.status : undefined}
            data-stage={error?.stage}
            data-portal={setup.portalStatus}
            data-disabled={flag(disabled)}
            {...rest}
            ref={ref}
          >
            {children}
          </div>
        </PasskeySetupProvider>
      </FlowProvider>
    );
  },
);

function statusText(labels: PasskeySetupLabels, snapshot: PasskeySnapshot): string {
  switch (snapshot.state) {
    case 'checking':
      return labels.checking;
    case 'unsupported':
      return labels.errors.PASSKEY_UNSUPPORTED ?? labels.unsupported;
    case 'idle':
      return '';
    case 'registering':
      return labels.registering;
    case 'backing-up':
      return progressText(labels, snapshot.status);
    case 'storing':
      return labels.storing;
    case 'notifying':
      return labels.notifying;
    case 'success':
      return labels.success;
    case 'cancelled':
    case 'error':
      return errorText(labels, snapshot.error);
  }
}
