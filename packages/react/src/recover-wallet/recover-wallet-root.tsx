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
import { connectRecovery } from '@backup-kit/core';
import { FlowProvider } from '../internal/flow-context.js';
import { flowContext, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
import { useControllableState } from '../internal/use-controllable-state.js';
import { useSecretVisibility, type SecretVisibilityProps } from '../internal/use-secret-visibility.js';
import { errorText, type LabelOverrides } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import { RecoverWalletProvider, type RecoverWalletContextValue } from './recover-wallet-context.js';
import { defaultRecoverWalletLabels, type RecoverWalletLabels } from './recover-wallet-labels.js';

export interface RecoverWalletRootProviderProps
  extends SecretVisibilityProps, Omit<ComponentPropsWithoutRef<'form'>, 'onError' | 'onProgress' | 'onSubmit'> {
  /** The flow to show: what `useRecovery` returned (the app holds the flow itself). */
  value: UseRecoveryResult;
  /** The methods to offer, in this order, instead of the ones the wallet has backups for. */
  methods?: readonly BackupMethod[] | undefined;
  /** The method to recover with (controlled); pair with `onMethodChange`. Ignored unless offered. */
  method?: BackupMethod | undefined;
  /** The method chosen at first (uncontrolled). @default the first offered */
  defaultMethod?: BackupMethod | undefined;
  /** The user picked another method. */
  onMethodChange?: ((method: BackupMethod) => void) | undefined;
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
    const {
      value: recovery,
      methods: offered,
      method: methodProp,
      defaultMethod,
      onMethodChange,
      passwordVisible,
      defaultPasswordVisible,
      onPasswordVisibleChange,
      labels: overrides,
      disabled,
      children,
      ...rest
    } = props;
    const root = useFlowRoot(defaultRecoverWalletLabels, overrides);
    const { labels, id } = root;

    const formRef = useRef<HTMLFormElement>(null);
    const composedRef = useComposedRefs(ref, formRef);
    const input = useRef<HTMLInputElement>(null);
    const [chosen, choose] = useControllableState(methodProp, defaultMethod, onMethodChange);
    const [missing, setMissing] = useState(false);
    const [fieldErrors, setFieldErrors] = useState(0);
    const secret = useSecretVisibility([input], { passwordVisible, defaultPasswordVisible, onPasswordVisibleChange });

    const methods = offered ?? recovery.methods;
    const view = connectRecovery(recovery, {
      portalStatus: recovery.portalStatus,
      disabled,
      methods,
      chosen,
      passwordMissing: missing,
    });
    const { method, error, blocked, locked, state } = view;
    const wrongPassword = state === 'wrong-password';
    const fieldError =
      view.fieldError && (view.fieldError === 'error' ? errorText(labels, error!) : labels.passwordRequired);

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
        choose(next);
        setMissing(false);
        // The error was about the other method.
        if (recovery.state === 'error') recovery.reset();
      },
      fieldError,
      hasFieldError: fieldErrors > 0,
      registerFieldError,
      ...secret,
      locked,
      disabled: view.disabled,
      inputRef: input,
      changed: () => setMissing(false),
    };

    // One path for every way to submit: Enter in the input, the button, Retry.
    const flow = flowContext(
      'recover-wallet',
      view,
      root,
      text(labels.submit, { method }),
      () => formRef.current?.requestSubmit(),
      recovery,
    );
    // The field shows its own message; the live region does not repeat it.
    if (fieldError && fieldErrors > 0) flow.statusText = '';

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
