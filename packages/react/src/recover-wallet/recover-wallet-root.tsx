'use client';
import {
  forwardRef,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
} from 'react';
import type { BackupMethod } from '@backup-kit/core';
import { splitProps } from '../hooks/use-flow-store.js';
import {
  RECOVERY_OPTION_KEYS,
  useRecovery,
  type UseRecoveryOptions,
  type UseRecoveryResult,
} from '../hooks/use-recovery.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { portalDead, rootAttributes, triggerText, useFlowRoot } from '../internal/flow-root.js';
import { useSecretVisibility } from '../internal/use-secret-visibility.js';
import { errorText, type LabelOverrides } from '../labels/common-labels.js';
import { flowStatusText } from '../labels/status-text.js';
import { text } from '../labels/label.js';
import { RecoverWalletProvider, type RecoverWalletContextValue } from './recover-wallet-context.js';
import { defaultRecoverWalletLabels, type RecoverWalletLabels } from './recover-wallet-labels.js';

export interface RecoverWalletRootProviderProps extends Omit<
  ComponentPropsWithoutRef<'form'>,
  'onError' | 'onProgress' | 'onSubmit'
> {
  /** The flow to show: what `useRecovery` returned (the app holds the flow itself). */
  value: UseRecoveryResult;
  /** The methods to offer, in this order, instead of the ones the wallet has backups for. */
  methods?: readonly BackupMethod[] | undefined;
  /** Any text to replace; maps (statuses, errors) merge key by key. */
  labels?: LabelOverrides<RecoverWalletLabels> | undefined;
  /** Turns every control off (a real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

export interface RecoverWalletRootProps extends UseRecoveryOptions, Omit<RecoverWalletRootProviderProps, 'value'> {}

/** Holds a recovery flow and renders the `<form>` (see RecoverWalletRootProvider). */
export const RecoverWalletRoot = forwardRef<HTMLFormElement, RecoverWalletRootProps>(
  function RecoverWalletRoot(props, ref) {
    const [options, rest] = splitProps(props, RECOVERY_OPTION_KEYS);
    return <RecoverWalletRootProvider {...rest} value={useRecovery(options)} ref={ref} />;
  },
);

/**
 * The `<form>` over a recovery the app holds (`value={useRecovery(...)}`): lists the methods the wallet really has, reads the password from its input at
 * submit (never React state), and recovers. A wrong password is its own state: the message sits
 * next to the password, focus goes back to it, and the typed password is kept to be fixed. The
 * input is emptied once the wallet is recovered.
 */
export const RecoverWalletRootProvider = forwardRef<HTMLFormElement, RecoverWalletRootProviderProps>(
  function RecoverWalletRootProvider(props, ref) {
    const { value: recovery, methods: offered, labels: overrides, disabled = false, children, ...rest } = props;
    const { labels, id, triggerRef } = useFlowRoot(defaultRecoverWalletLabels, overrides);

    const formRef = useRef<HTMLFormElement>(null);
    const composedRef = useComposedRefs(ref, formRef);
    const input = useRef<HTMLInputElement>(null);
    const [chosen, setChosen] = useState<BackupMethod>();
    const [missing, setMissing] = useState(false);
    const [fieldErrors, setFieldErrors] = useState(0);
    const secret = useSecretVisibility([input]);

    const methods = offered ?? recovery.methods;
    const method = chosen && methods.includes(chosen) ? chosen : methods[0];
    const error = recovery.state === 'error' ? recovery.error : undefined;
    const wrongPassword = error?.code === 'WRONG_PASSWORD';
    const state = wrongPassword
      ? 'wrong-password'
      : recovery.state === 'idle' && methods.length === 0
        ? 'empty'
        : recovery.state;
    const connecting = recovery.portalStatus === 'loading' && recovery.state === 'loading';
    const locked = recovery.isBusy || recovery.state === 'success';
    const blocked =
      disabled ||
      locked ||
      portalDead(error) ||
      recovery.state === 'loading' ||
      state === 'empty' ||
      (!method && !error);
    const fieldError =
      method !== 'PASSWORD'
        ? undefined
        : wrongPassword
          ? errorText(labels, error)
          : missing
            ? labels.passwordRequired
            : undefined;

    // A wrong password: back to the input, which keeps what was typed so it can be fixed.
    useEffect(() => {
      if (wrongPassword) input.current?.focus();
    }, [wrongPassword, error]);

    // The wallet is back: the password is not needed any more, so forget it.
    useEffect(() => {
      if (recovery.state === 'success' && input.current) input.current.value = '';
    }, [recovery.state]);

    function submit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      if (blocked) return;
      secret.hide();
      // Listing the methods (or Portal itself) failed: try that again.
      if (recovery.state === 'error' && !recovery.method) return void recovery.retry();
      if (!method) return;
      let password: string | undefined;
      if (method === 'PASSWORD') {
        password = input.current?.value ?? '';
        if (!password) {
          setMissing(true);
          input.current?.focus();
          return;
        }
      }
      void recovery.recover({ method, password });
    }

    const registerFieldError = useCallback(() => {
      setFieldErrors((count) => count + 1);
      return () => setFieldErrors((count) => count - 1);
    }, []);

    const form: RecoverWalletContextValue = {
      scope: 'recover-wallet',
      state,
      labels,
      ids: {
        methods: `${id}method`,
        legend: `${id}methods-label`,
        input: `${id}password`,
        label: `${id}password-label`,
        error: `${id}password-error`,
      },
      methods,
      method,
      select: (next) => {
        if (locked || next === method) return;
        setChosen(next);
        setMissing(false);
        // The error was about the other method.
        if (recovery.state === 'error') recovery.reset();
      },
      fieldError,
      hasFieldError: fieldErrors > 0,
      registerFieldError,
      ...secret,
      locked,
      disabled,
      inputRef: input,
      changed: () => setMissing(false),
    };

    const flow: FlowContextValue = {
      scope: 'recover-wallet',
      state,
      blocked,
      disabled,
      id,
      // The field shows its own message; the live region does not repeat it.
      statusText:
        fieldError && fieldErrors > 0
          ? ''
          : state === 'empty'
            ? labels.empty
            : recovery.state === 'success'
              ? text(labels.recovered, recovery)
              : flowStatusText(labels, recovery, connecting),
      error,
      triggerLabel: triggerText(labels, recovery, error, text(labels.submit, { method })),
      retryLabel: labels.retry,
      // One path for every way to submit: Enter in the input, the button, Retry.
      activate: () => formRef.current?.requestSubmit(),
      triggerRef,
      triggerHidden: state === 'empty',
    };

    return (
      <FlowProvider value={flow}>
        <RecoverWalletProvider value={form}>
          <form
            noValidate
            {...rootAttributes(flow, recovery)}
            data-method={method}
            {...rest}
            ref={composedRef}
            onSubmit={submit}
          >
            {children}
          </form>
        </RecoverWalletProvider>
      </FlowProvider>
    );
  },
);
