'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { splitProps } from '../hooks/use-flow-store.js';
import { PASSKEY_OPTION_KEYS, usePasskeySetup, type UsePasskeySetupOptions } from '../hooks/use-passkey-setup.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { portalDead, rootAttributes, triggerText, useFlowRoot } from '../internal/flow-root.js';
import { flowStatusText } from '../labels/status-text.js';
import type { LabelOverrides } from '../labels/common-labels.js';
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
