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
import { connectPasswordBackup } from '@backup-kit/core';
import { useSecretVisibility, type SecretVisibilityProps } from '../internal/use-secret-visibility.js';
import { useIsomorphicLayoutEffect } from '../internal/use-isomorphic-layout-effect.js';
import { FlowProvider } from '../internal/flow-context.js';
import { flowContext, rootAttributes, useFlowRoot } from '../internal/flow-root.js';
import type { LabelOverrides } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import {
  PasswordBackupProvider,
  type PasswordBackupContextValue,
  type PasswordFieldName,
} from './password-backup-context.js';
import { defaultPasswordBackupLabels, type PasswordBackupLabels } from './password-backup-labels.js';

export interface PasswordBackupRootProviderProps
  extends SecretVisibilityProps, Omit<ComponentPropsWithoutRef<'form'>, 'onError' | 'onProgress' | 'onSubmit'> {
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
 * The `<form>` over a PASSWORD backup the app holds (`value={usePasswordBackup(...)}`): checks
 * the policy on submit, shows every issue, then backs up. The password is read from the inputs
 * at submit time and never stored in React state; the inputs are emptied as soon as the backup
 * has taken it, and kept after an MPC failure so the user can retry.
 */
export const PasswordBackupRootProvider = forwardRef<HTMLFormElement, PasswordBackupRootProviderProps>(
  function PasswordBackupRootProvider(props, ref) {
    const {
      value: backup,
      labels: overrides,
      disabled,
      passwordVisible,
      defaultPasswordVisible,
      onPasswordVisibleChange,
      children,
      ...rest
    } = props;
    const { policy, check: runCheck } = backup;
    const root = useFlowRoot(defaultPasswordBackupLabels, overrides);
    const { labels, id } = root;
    const view = connectPasswordBackup(backup, { portalStatus: backup.portalStatus, disabled });
    const { passwordTaken } = view;

    const formRef = useRef<HTMLFormElement>(null);
    const composedRef = useComposedRefs(ref, formRef);
    const inputs: Record<PasswordFieldName, RefObject<HTMLInputElement | null>> = {
      password: useRef(null),
      confirmation: useRef(null),
      acknowledgement: useRef(null),
    };
    const secret = useSecretVisibility([inputs.password, inputs.confirmation], {
      passwordVisible,
      defaultPasswordVisible,
      onPasswordVisibleChange,
    });

    const [acknowledged, setAcknowledgedState] = useState(false);
    // The checkbox as checked now: the defaults the parts give at mount arrive in one commit,
    // before React has rendered the first one, and are checked together.
    const acknowledgedNow = useRef(false);
    const [check, setCheck] = useState<PasswordCheck>(() =>
      runCheck({ password: '', confirmation: '', acknowledged: false }),
    );
    // Fields the user changed, and fields changed then left: their issues show from then on.
    const dirty = useRef(new Set<PasswordFieldName>());
    const [touched, setTouched] = useState<ReadonlySet<PasswordFieldName>>(NOTHING);
    const [submitted, setSubmitted] = useState(false);

    const read = () => ({
      password: inputs.password.current?.value ?? '',
      confirmation: inputs.confirmation.current?.value ?? '',
      acknowledged: acknowledgedNow.current,
    });
    const recheck = () => setCheck(runCheck(read()));
    // A value given rather than typed (a default): its issues show at once, as after an edit.
    const touch = (name: PasswordFieldName) => setTouched((seen) => new Set(seen).add(name));

    // A new policy (e.g. another kind or bound) re-checks what is already typed; the first
    // render's check already used this one.
    const checkedWith = useRef(runCheck);
    useEffect(() => {
      if (checkedWith.current === runCheck) return;
      checkedWith.current = runCheck;
      recheck();
      // eslint-disable-next-line react-hooks/exhaustive-deps -- only a policy change re-checks here
    }, [runCheck]);

    // The backup has the encrypted share: the password is not needed any more, so forget it.
    // The form's state resets in this render (no extra commit); the inputs empty before paint.
    const [forgotten, setForgotten] = useState(passwordTaken);
    if (forgotten !== passwordTaken) {
      setForgotten(passwordTaken);
      if (passwordTaken) {
        setCheck(runCheck({ password: '', confirmation: '', acknowledged }));
        setTouched(NOTHING);
        setSubmitted(false);
      }
    }
    useIsomorphicLayoutEffect(() => {
      if (!passwordTaken) return;
      for (const field of ['password', 'confirmation'] as const) {
        const input = inputs[field].current;
        if (input) input.value = '';
      }
      dirty.current.clear();
    }, [passwordTaken]);

    const { blocked, error, locked } = view;
    const kind = policy.kind;

    function submit(event: FormEvent<HTMLFormElement>) {
      event.preventDefault();
      if (blocked) return;
      secret.hide();
      // Storage or notification failed: the share exists, so retry it without the password.
      if (passwordTaken) return void backup.retry();
      const values = read();
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
      state: view.state,
      policy,
      labels,
      id,
      check,
      visibleIssues: (field) =>
        submitted || touched.has(field) ? check.issues.filter((issue) => issue.field === field) : [],
      ...secret,
      acknowledged,
      setAcknowledged: (value) => {
        acknowledgedNow.current = value;
        setAcknowledgedState(value);
        touch('acknowledgement');
        recheck();
      },
      locked,
      disabled: view.disabled,
      inputRef: (name) => inputs[name],
      changed: (name) => {
        dirty.current.add(name);
        recheck();
      },
      prefill: (name, value) => {
        const input = inputs[name].current;
        if (passwordTaken || !input) return;
        input.value = value;
        touch(name);
        recheck();
      },
      left: (name) => {
        if (dirty.current.has(name) && !touched.has(name)) touch(name);
      },
    };

    // The form's own submit: validation, then start or retry.
    const flow = flowContext('password-backup', view, root, text(labels.submit, { kind }), () =>
      formRef.current?.requestSubmit(),
    );

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
