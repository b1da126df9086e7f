'use client';
import {
  forwardRef,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type FormEvent,
  type RefObject,
} from 'react';
import type { PasswordCheck } from '@backup-kit/core';
import { splitProps } from '../hooks/use-flow-store.js';
import {
  PASSWORD_OPTION_KEYS,
  usePasswordBackup,
  type UsePasswordBackupOptions,
  type UsePasswordBackupResult,
} from '../hooks/use-password-backup.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { useSecretVisibility } from '../internal/use-secret-visibility.js';
import { FlowProvider, type FlowContextValue } from '../internal/flow-context.js';
import { portalDead, rootAttributes, triggerText, useFlowRoot } from '../internal/flow-root.js';
import { flowStatusText } from '../labels/status-text.js';
import type { LabelOverrides } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import {
  PasswordBackupProvider,
  type PasswordBackupContextValue,
  type PasswordFieldName,
} from './password-backup-context.js';
import { defaultPasswordBackupLabels, type PasswordBackupLabels } from './password-backup-labels.js';

export interface PasswordBackupRootProviderProps extends Omit<
  ComponentPropsWithoutRef<'form'>,
  'onError' | 'onProgress' | 'onSubmit'
> {
  /** The flow to show: what `usePasswordBackup` returned (the app holds the flow itself). */
  value: UsePasswordBackupResult;
  /** Any text to replace; maps (issues, statuses, errors) merge key by key. */
  labels?: LabelOverrides<PasswordBackupLabels> | undefined;
  /** Turns every control off (real `disabled`, unlike the busy state). */
  disabled?: boolean | undefined;
}

export interface PasswordBackupRootProps
  extends UsePasswordBackupOptions, Omit<PasswordBackupRootProviderProps, 'value'> {}

const NOTHING = new Set<PasswordFieldName>();

/** Holds a PASSWORD backup flow and renders the `<form>` (see PasswordBackupRootProvider). */
export const PasswordBackupRoot = forwardRef<HTMLFormElement, PasswordBackupRootProps>(
  function PasswordBackupRoot(props, ref) {
    const [options, rest] = splitProps(props, PASSWORD_OPTION_KEYS);
    return <PasswordBackupRootProvider {...rest} value={usePasswordBackup(options)} ref={ref} />;
  },
);

/**
 * The `<form>` over a PASSWORD backup the app holds (`value={usePasswordBackup(...)}`): checks the policy on submit, shows every issue, then backs up. The password is
 * read from the inputs at submit time and never stored in React state; the inputs are emptied
 * as soon as the backup has taken it, and kept after an MPC failure so the user can retry.
 */
export const PasswordBackupRootProvider = forwardRef<HTMLFormElement, PasswordBackupRootProviderProps>(
  function PasswordBackupRootProvider(props, ref) {
    const { value: backup, labels: overrides, disabled = false, children, ...rest } = props;
    const { policy, check: runCheck, passwordTaken } = backup;
    const { labels, id, triggerRef } = useFlowRoot(defaultPasswordBackupLabels, overrides);

    const formRef = useRef<HTMLFormElement>(null);
    const composedRef = useComposedRefs(ref, formRef);
    const inputs: Record<PasswordFieldName, RefObject<HTMLInputElement | null>> = {
      password: useRef(null),
      confirmation: useRef(null),
      acknowledgement: useRef(null),
    };
    const secret = useSecretVisibility([inputs.password, inputs.confirmation]);

    const [acknowledged, setAcknowledgedState] = useState(false);
    const [check, setCheck] = useState<PasswordCheck>(() => runCheck({ password: '' }));
    // Fields the user changed, and fields changed then left: their issues show from then on.
    const dirty = useRef(new Set<PasswordFieldName>());
    const [touched, setTouched] = useState<ReadonlySet<PasswordFieldName>>(NOTHING);
    const [submitted, setSubmitted] = useState(false);

    const read = (ack: boolean) => ({
      password: inputs.password.current?.value ?? '',
      confirmation: inputs.confirmation.current?.value ?? '',
      acknowledged: ack,
    });

    // A new policy (e.g. another kind or bound) re-checks what is already typed.
    useEffect(() => {
      setCheck(runCheck(read(acknowledged)));
      // eslint-disable-next-line react-hooks/exhaustive-deps -- only a policy change re-checks here
    }, [runCheck]);

    // The backup has the encrypted share: the password is not needed any more, so forget it.
    useEffect(() => {
      if (!passwordTaken) return;
      for (const field of ['password', 'confirmation'] as const) {
        const input = inputs[field].current;
        if (input) input.value = '';
      }
      setCheck(runCheck({ password: '', confirmation: '', acknowledged }));
      dirty.current.clear();
      setTouched(NOTHING);
      setSubmitted(false);
      // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the password is taken, once
    }, [passwordTaken]);

    const connecting = backup.portalStatus === 'loading' && backup.state === 'idle';
    const error = backup.state === 'error' ? backup.error : undefined;
    const blocked = disabled || backup.isBusy || backup.state === 'success' || connecting || portalDead(error);
    const kind = policy.kind;

    function submit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      if (blocked) return;
      secret.hide();
      // Storage or notification failed: the share exists, so retry it without the password.
      if (passwordTaken) return void backup.retry();
      const values = read(acknowledged);
      const result = runCheck(values);
      setCheck(result);
      if (!result.valid) {
        setSubmitted(true);
        const first = result.issues[0]?.field;
        if (first) inputs[first].current?.focus();
        return;
      }
      void (error ? backup.retry({ password: values.password }) : backup.start({ password: values.password }));
    }

    const form: PasswordBackupContextValue = {
      scope: 'password-backup',
      state: backup.state,
      policy,
      labels,
      id,
      check,
      visibleIssues: (field) =>
        submitted || touched.has(field) ? check.issues.filter((issue) => issue.field === field) : [],
      ...secret,
      acknowledged,
      setAcknowledged: (value) => {
        setAcknowledgedState(value);
        setTouched((seen) => new Set(seen).add('acknowledgement'));
        setCheck(runCheck(read(value)));
      },
      locked: backup.isBusy || backup.state === 'success' || passwordTaken,
      disabled,
      inputRef: (name) => inputs[name],
      changed: (name) => {
        dirty.current.add(name);
        setCheck(runCheck(read(acknowledged)));
      },
      left: (name) => {
        if (dirty.current.has(name) && !touched.has(name)) setTouched(new Set(touched).add(name));
      },
    };

    const flow: FlowContextValue = {
      scope: 'password-backup',
      state: backup.state,
      blocked,
      disabled,
      id,
      statusText: flowStatusText(labels, backup, connecting),
      error,
      triggerLabel: triggerText(labels, backup, error, text(labels.submit, { kind })),
      retryLabel: labels.retry,
      // The form's own submit: validation, then start or retry.
      activate: () => formRef.current?.requestSubmit(),
      triggerRef,
    };

    return (
      <FlowProvider value={flow}>
        <PasswordBackupProvider value={form}>
          <form
            noValidate
            {...rootAttributes(flow, backup)}
            data-kind={kind}
            {...rest}
            ref={composedRef}
            onSubmit={submit}
          >
            {children}
          </form>
        </PasswordBackupProvider>
      </FlowProvider>
    );
  },
);
