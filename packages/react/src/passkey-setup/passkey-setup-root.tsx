'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { splitProps } from '../hooks/use-flow-store.js';
import {
  PASSKEY_OPTION_KEYS,
  usePasskeySetup,
  type UsePasskeySetupOptions,
  type UsePasskeySetupResult,
} from '../hooks/use-passkey-setup.js';
import { connectPasskeySetup } from '@backup-kit/core';
import { FlowProvider } from '../internal/flow-context.js';
import { flowContext, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
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
    const { value: setup, labels: overrides, disabled, children, ...rest } = props;
    const root = useFlowRoot(defaultPasskeySetupLabels, overrides);
    const { labels } = root;
    // An app that words PASSKEY_UNSUPPORTED once, for every component, is heard here too.
    labels.unsupported = labels.errors.PASSKEY_UNSUPPORTED ?? labels.unsupported;
    const view = connectPasskeySetup(setup, { portalStatus: setup.portalStatus, disabled });
    const ctx = flowContext('passkey-setup', view, root, labels.trigger, () => void setup.retry());

    return (
      <FlowProvider value={ctx}>
        <PasskeySetupProvider value={{ state: view.state, issues: view.issues, labels }}>
          <div {...rootAttributes(ctx, setup)} {...rest} ref={ref}>
            {children}
          </div>
        </PasskeySetupProvider>
      </FlowProvider>
    );
  },
);
