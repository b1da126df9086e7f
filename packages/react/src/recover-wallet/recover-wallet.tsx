'use client';
import { forwardRef, type ReactNode } from 'react';
import { FlowRetry, type FlowRetryProps } from '../internal/flow-retry.js';
import { FlowStatus, type FlowStatusProps } from '../internal/flow-status.js';
import { FlowSubmit, type FlowSubmitProps } from '../internal/flow-submit.js';
import { RecoverWalletControl } from './recover-wallet-control.js';
import { RecoverWalletEmpty } from './recover-wallet-empty.js';
import { RecoverWalletField } from './recover-wallet-field.js';
import { RecoverWalletFieldError } from './recover-wallet-field-error.js';
import { RecoverWalletInput } from './recover-wallet-input.js';
import { RecoverWalletLabel } from './recover-wallet-label.js';
import { RecoverWalletMethods } from './recover-wallet-methods.js';
import { RecoverWalletRoot, type RecoverWalletRootProps } from './recover-wallet-root.js';
import { RecoverWalletVisibilityToggle } from './recover-wallet-visibility-toggle.js';

export const RecoverWalletSubmit = FlowSubmit;
export const RecoverWalletStatus = FlowStatus;
export const RecoverWalletRetry = FlowRetry;
export type RecoverWalletSubmitProps = FlowSubmitProps;
export type RecoverWalletStatusProps = FlowStatusProps;
export type RecoverWalletRetryProps = FlowRetryProps;

/** The drop-in's parts that take a class of their own. */
export type RecoverWalletPart =
  | 'methods'
  | 'field'
  | 'label'
  | 'control'
  | 'input'
  | 'visibilityToggle'
  | 'fieldError'
  | 'submit'
  | 'status'
  | 'empty';

export interface RecoverWalletProps extends RecoverWalletRootProps {
  /** Shown when the wallet has no backup, e.g. a link to create a new wallet. */
  empty?: ReactNode;
  /** A class per part, for the drop-in (`className` goes on the form). */
  classNames?: Partial<Record<RecoverWalletPart, string>> | undefined;
}

/**
 * What the drop-in renders inside its Root. Put it in a RootProvider to show the drop-in over a
 * flow you hold: `<RecoverWallet.RootProvider value={...}><RecoverWalletDropInParts /></RecoverWallet.RootProvider>`.
 */
export function RecoverWalletDropInParts({
  empty,
  classNames: c = {},
}: Pick<RecoverWalletProps, 'empty' | 'classNames'>) {
  return (
    <>
      <RecoverWalletMethods className={c.methods} />
      <RecoverWalletField className={c.field}>
        <RecoverWalletLabel className={c.label} />
        <RecoverWalletControl className={c.control}>
          <RecoverWalletInput className={c.input} />
          <RecoverWalletVisibilityToggle className={c.visibilityToggle} />
        </RecoverWalletControl>
        <RecoverWalletFieldError className={c.fieldError} />
      </RecoverWalletField>
      <FlowSubmit className={c.submit} />
      <FlowStatus className={c.status} />
      <RecoverWalletEmpty className={c.empty}>{empty}</RecoverWalletEmpty>
    </>
  );
}

/**
 * The drop-in: the methods the wallet has (a choice when there are several), the password for a
 * PASSWORD backup, one submit button that also retries, and a polite status line with the
 * progress. Built from the parts below, which you can arrange yourself.
 */
export const RecoverWalletDropIn = forwardRef<HTMLFormElement, RecoverWalletProps>(function RecoverWallet(props, ref) {
  const { empty, classNames, ...rootProps } = props;
  return (
    <RecoverWalletRoot {...rootProps} ref={ref}>
      <RecoverWalletDropInParts empty={empty} classNames={classNames} />
    </RecoverWalletRoot>
  );
});
