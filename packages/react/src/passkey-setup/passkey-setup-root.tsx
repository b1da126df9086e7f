'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { splitProps } from '../hooks/use-flow-store.js';
import {
  PASSKEY_OPTION_KEYS,
  usePasskeySetup,
  type UsePasskeySetupOptions,
  type UsePasskeySetupResult,
} from '../hooks/use-passkey-setup.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { portalDead, rootAttributes, triggerText, useFlowRoot } from '../internal/flow-root.js';
import { flowStatusText } from '../labels/status-text.js';
import type { LabelOverrides } from '../labels/common-labels.js';
import { PasskeySetupProvider } from './passkey-setup-context.js';
import { defaultPasskeySetupLabels, type PasskeySetupLabels } from './passkey-setup-labels.js';

export interface PasskeySetupRootProviderProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onError' | 'onProgress'> {
  /** The flow to show: what `usePasskeySetup` returned (the app holds the flow itself). */
  value: UsePasskeySetupResult;
  /** Any text to replace; maps (statuses, errors, optionIssues) merge key by key. */
  labels?: LabelOverrides<PasskeySetupLabels> | undefined;
  /** Turns the trigger off (a real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

export interface PasskeySetupRootProps extends UsePasskeySetupOptions, Omit<PasskeySetupRootProviderProps, 'value'> {}

/**
 * Holds the passkey flow (check support, validate the custom-domain options, create the passkey,
 * back up) and renders a `<div>` around the parts.
 */
export const PasskeySetupRoot = forwardRef<HTMLDivElement, PasskeySetupRootProps>(
  function PasskeySetupRoot(props, ref) {
    const [options, rest] = splitProps(props, PASSKEY_OPTION_KEYS);
    return <PasskeySetupRootProvider {...rest} value={usePasskeySetup(options)} ref={ref} />;
  },
);

/** Renders the parts over a passkey flow the app holds: `value={usePasskeySetup(...)}`. */
export const PasskeySetupRootProvider = forwardRef<HTMLDivElement, PasskeySetupRootProviderProps>(
  function PasskeySetupRootProvider(props, ref) {
    const { value: setup, labels: overrides, disabled = false, children, ...rest } = props;
    const { labels, id, triggerRef } = useFlowRoot(defaultPasskeySetupLabels, overrides);

    const connecting = setup.portalStatus === 'loading' && (setup.state === 'checking' || setup.state === 'idle');
    const error = setup.state === 'error' || setup.state === 'cancelled' ? setup.error : undefined;

    const ctx: FlowContextValue = {
      scope: 'passkey-setup',
      state: setup.state,
      blocked:
        disabled ||
        setup.isBusy ||
        connecting ||
        portalDead(error) ||
        setup.state === 'checking' ||
        setup.state === 'success' ||
        setup.state === 'unsupported',
      disabled,
      id,
      statusText:
        setup.state === 'unsupported'
          ? (labels.errors.PASSKEY_UNSUPPORTED ?? labels.unsupported)
          : flowStatusText(labels, setup, connecting),
      error,
      triggerLabel: triggerText(labels, setup, error, labels.trigger),
      retryLabel: labels.retry,
      activate: () => void setup.retry(),
      triggerRef,
      // Never a dead button: without passkeys the fallback takes the trigger's place.
      triggerHidden: setup.state === 'unsupported',
    };

    return (
      <FlowProvider value={ctx}>
        <PasskeySetupProvider value={{ state: setup.state, issues: setup.issues, labels }}>
          <div {...rootAttributes(ctx, setup)} {...rest} ref={ref}>
            {children}
          </div>
        </PasskeySetupProvider>
      </FlowProvider>
    );
  },
);
