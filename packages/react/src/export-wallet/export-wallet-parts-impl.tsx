'use client';
import { forwardRef, type ComponentPropsWithoutRef, type MouseEvent } from 'react';
import { useComposedRefs } from '../internal/compose-refs.js';
import { flag, partAttributes } from '../internal/data-attributes.js';
import { errorText } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import { useExportWalletContext, type ExportWalletContextValue } from './export-wallet-context.js';
import type { ExportCurve } from './export-wallet-labels.js';

type DivProps = ComponentPropsWithoutRef<'div'>;
type ButtonProps = ComponentPropsWithoutRef<'button'>;
type FormProps = ComponentPropsWithoutRef<'form'>;
type SubmitEvent = Parameters<NonNullable<FormProps['onSubmit']>>[0];

const attributes = (ctx: ExportWalletContextValue, part: string) =>
  partAttributes('export-wallet', part, ctx.view.state);

/** Runs the part's own action unless the app's onClick prevented it. */
function composeClick(theirs: ButtonProps['onClick'], ours: () => void) {
  return (event: MouseEvent<HTMLButtonElement>) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours();
  };
}

function statusOf(ctx: ExportWalletContextValue): string {
  const { view, labels, exportWallet, copy } = ctx;
  switch (view.statusKey) {
    case 'none':
      return '';
    case 'connecting':
      return labels.connecting;
    case 'confirm':
      return labels.confirmStatus;
    case 'revealing':
      return labels.revealingStatus;
    case 'revealed': {
      if (copy !== 'idle') return copy === 'copied' ? labels.copied : labels.copyFailed;
      const hidesAt = exportWallet.state === 'revealed' ? exportWallet.hidesAt : Date.now();
      return text(labels.revealedStatus, { seconds: Math.max(0, Math.round((hidesAt - Date.now()) / 1000)) });
    }
    case 'hidden':
      return labels.hiddenStatus;
    case 'refused':
    case 'error':
      return view.error ? errorText(labels, view.error) : '';
  }
}

/** The polite live region: every step, a copy, and why an export was refused or failed. */
export const ExportWalletStatus = forwardRef<HTMLDivElement, DivProps>(function ExportWalletStatus(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Status');
  return (
    <div
      {...attributes(ctx, 'status')}
      id={ctx.ids.status}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      {...props}
      ref={ref}
    >
      {statusOf(ctx)}
    </div>
  );
});

/**
 * Starts an export: asks for the confirmation, nothing more. Shown before the first export, after
 * the key was cleared ("Export again") and after a refusal ("Try again").
 */
export const ExportWalletTrigger = forwardRef<HTMLButtonElement, ButtonProps>(function ExportWalletTrigger(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Trigger');
  const { view, labels, exportWallet } = ctx;
  const { onClick, children, ...rest } = props;
  if (view.state !== 'idle' && view.state !== 'hidden' && view.state !== 'refused') return null;
  const label = view.state === 'hidden' ? labels.again : view.state === 'refused' ? labels.retry : labels.start;
  return (
    <button
      type="button"
      {...attributes(ctx, 'trigger')}
      aria-disabled={view.blocked || undefined}
      disabled={view.disabled || undefined}
      aria-describedby={ctx.ids.status}
      {...rest}
      onClick={composeClick(onClick, () => !view.blocked && exportWallet.request())}
      ref={ref}
    >
      {children ?? label}
    </button>
  );
});

/**
 * The explicit confirmation, a `<form>`: the warning, the backup password for a PASSWORD backup,
 * Confirm and Cancel. Submitting reads the password from its input (never React state) and
 * exports; a second submit while one runs does nothing.
 */
export const ExportWalletConfirmation = forwardRef<HTMLFormElement, FormProps>(
  function ExportWalletConfirmation(props, ref) {
    const ctx = useExportWalletContext('ExportWallet.Confirmation');
    const { view, exportWallet, passwordRef, ids } = ctx;
    const { onSubmit, ...rest } = props;
    if (!view.confirming && view.state !== 'revealing' && view.state !== 'error') return null;
    function submit(event: SubmitEvent) {
      onSubmit?.(event);
      const prevented = event.defaultPrevented;
      event.preventDefault();
      if (prevented || view.busy) return;
      const input = passwordRef.current;
      if (input && !input.value) return input.focus();
      void exportWallet.confirm(input ? { password: input.value } : {});
    }
    return (
      <form
        noValidate
        {...attributes(ctx, 'confirmation')}
        aria-describedby={ids.warning}
        {...rest}
        onSubmit={submit}
        ref={ref}
      />
    );
  },
);

/** What exporting means; the confirmation points to it (aria-describedby). */
export const ExportWalletWarning = forwardRef<HTMLParagraphElement, ComponentPropsWithoutRef<'p'>>(
  function ExportWalletWarning(props, ref) {
    const ctx = useExportWalletContext('ExportWallet.Warning');
    const { children, ...rest } = props;
    return (
      <p {...attributes(ctx, 'warning')} id={ctx.ids.warning} {...rest} ref={ref}>
        {children ?? ctx.labels.warning}
      </p>
    );
  },
);

/** A PASSWORD backup is opened with its password: the label of the input. */
export const ExportWalletPasswordLabel = forwardRef<HTMLLabelElement, ComponentPropsWithoutRef<'label'>>(
  function ExportWalletPasswordLabel(props, ref) {
    const ctx = useExportWalletContext('ExportWallet.PasswordLabel');
    const { children, ...rest } = props;
    if (!needsPassword(ctx)) return null;
    return (
      <label {...attributes(ctx, 'password-label')} htmlFor={ctx.ids.password} {...rest} ref={ref}>
        {children ?? ctx.labels.password}
      </label>
    );
  },
);

/** The backup password, read once at confirm; rendered for PASSWORD backups only. */
export const ExportWalletPasswordInput = forwardRef<HTMLInputElement, ComponentPropsWithoutRef<'input'>>(
  function ExportWalletPasswordInput(props, ref) {
    const ctx = useExportWalletContext('ExportWallet.PasswordInput');
    const composed = useComposedRefs(ref, ctx.passwordRef);
    if (!needsPassword(ctx)) return null;
    const wrong = ctx.view.error?.code === 'WRONG_PASSWORD';
    return (
      <input
        {...attributes(ctx, 'password')}
        id={ctx.ids.password}
        type="password"
        autoComplete="current-password"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        required
        readOnly={ctx.view.busy || undefined}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? ctx.ids.status : ctx.ids.warning}
        {...props}
        ref={composed}
      />
    );
  },
);

function needsPassword(ctx: ExportWalletContextValue) {
  const { exportWallet, view } = ctx;
  return exportWallet.state !== 'idle' && exportWallet.method === 'PASSWORD' && !view.keyVisible;
}

/** Confirms and exports (the form's submit button); stays focusable, ignoring presses, while busy. */
export const ExportWalletConfirm = forwardRef<HTMLButtonElement, ButtonProps>(function ExportWalletConfirm(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Confirm');
  const { view, labels } = ctx;
  const { children, ...rest } = props;
  const label = view.busy
    ? labels.busy
    : view.state === 'error' && view.error?.retryable
      ? labels.retry
      : labels.confirm;
  return (
    <button
      type="submit"
      {...attributes(ctx, 'confirm')}
      aria-disabled={view.busy || undefined}
      aria-describedby={ctx.ids.status}
      {...rest}
      ref={ref}
    >
      {children ?? label}
    </button>
  );
});

/** Leaves the confirmation (or abandons a running export): nothing is fetched or kept. */
export const ExportWalletCancel = forwardRef<HTMLButtonElement, ButtonProps>(function ExportWalletCancel(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Cancel');
  const { onClick, children, ...rest } = props;
  return (
    <button
      type="button"
      {...attributes(ctx, 'cancel')}
      {...rest}
      onClick={composeClick(onClick, ctx.exportWallet.reset)}
      ref={ref}
    >
      {children ?? ctx.labels.cancel}
    </button>
  );
});

export interface ExportWalletKeyProps extends DivProps {
  /** Which key: EVM (always exported) or Solana (`curves: 'all'`). @default 'SECP256K1' */
  curve?: ExportCurve | undefined;
}

function keyOf(ctx: ExportWalletContextValue, curve: ExportCurve): string | undefined {
  return ctx.exportWallet.state === 'revealed' ? ctx.exportWallet.keys[curve] : undefined;
}

/**
 * The key's box, only while there is a key: its name, then the key as text once Reveal was
 * pressed (before that, only "Hidden"). The key is never in an attribute.
 */
export const ExportWalletKey = forwardRef<HTMLDivElement, ExportWalletKeyProps>(function ExportWalletKey(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Key');
  const { curve = 'SECP256K1', ...rest } = props;
  const key = keyOf(ctx, curve);
  if (key === undefined) return null;
  const labelId = `${ctx.ids.status}-${curve}`;
  return (
    <div
      {...attributes(ctx, 'key')}
      data-curve={curve}
      data-shown={flag(ctx.shown)}
      role="group"
      aria-labelledby={labelId}
      {...rest}
      ref={ref}
    >
      <span data-scope="export-wallet" data-part="key-label" id={labelId}>
        {text(ctx.labels.key, { curve })}
      </span>
      <code data-scope="export-wallet" data-part="key-value" translate="no">
        {ctx.shown ? key : ctx.labels.keyHidden}
      </code>
    </div>
  );
});

/** Shows the key on screen; only while it is hidden. */
export const ExportWalletReveal = forwardRef<HTMLButtonElement, ButtonProps>(function ExportWalletReveal(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Reveal');
  const { onClick, children, ...rest } = props;
  if (!ctx.view.keyVisible || ctx.shown) return null;
  return (
    <button type="button" {...attributes(ctx, 'reveal')} {...rest} onClick={composeClick(onClick, ctx.show)} ref={ref}>
      {children ?? ctx.labels.reveal}
    </button>
  );
});

export interface ExportWalletCopyProps extends ButtonProps {
  /** @default 'SECP256K1' */
  curve?: ExportCurve | undefined;
}

/** Copies the key to the clipboard (shown or not); the status line says whether it worked. */
export const ExportWalletCopy = forwardRef<HTMLButtonElement, ExportWalletCopyProps>(
  function ExportWalletCopy(props, ref) {
    const ctx = useExportWalletContext('ExportWallet.Copy');
    const { curve = 'SECP256K1', onClick, children, ...rest } = props;
    const key = keyOf(ctx, curve);
    if (key === undefined) return null;
    const copy = () => {
      const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
      if (!clipboard) return ctx.setCopy('failed');
      clipboard.writeText(key).then(
        () => ctx.setCopy('copied'),
        () => ctx.setCopy('failed'),
      );
    };
    return (
      <button
        type="button"
        {...attributes(ctx, 'copy')}
        data-curve={curve}
        aria-describedby={ctx.ids.status}
        {...rest}
        onClick={composeClick(onClick, copy)}
        ref={ref}
      >
        {children ?? ctx.labels.copy}
      </button>
    );
  },
);

/** Clears the key from the page and from memory now (the timer does it too). */
export const ExportWalletHide = forwardRef<HTMLButtonElement, ButtonProps>(function ExportWalletHide(props, ref) {
  const ctx = useExportWalletContext('ExportWallet.Hide');
  const { onClick, children, ...rest } = props;
  if (!ctx.view.keyVisible) return null;
  return (
    <button
      type="button"
      {...attributes(ctx, 'hide')}
      {...rest}
      onClick={composeClick(onClick, ctx.exportWallet.hide)}
      ref={ref}
    >
      {children ?? ctx.labels.hide}
    </button>
  );
});
