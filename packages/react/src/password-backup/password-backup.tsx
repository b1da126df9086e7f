'use client';
import { forwardRef } from 'react';
import { FlowRetry, type FlowRetryProps } from '../internal/flow-retry.js';
import { FlowStatus, type FlowStatusProps } from '../internal/flow-status.js';
import { PasswordBackupAcknowledge } from './password-backup-acknowledge.js';
import { PasswordBackupControl } from './password-backup-control.js';
import { PasswordBackupDescription } from './password-backup-description.js';
import { PasswordBackupField } from './password-backup-field.js';
import { PasswordBackupInput } from './password-backup-input.js';
import { PasswordBackupIssues } from './password-backup-issues.js';
import { PasswordBackupLabel } from './password-backup-label.js';
import { PasswordBackupRoot, type PasswordBackupRootProps } from './password-backup-root.js';
import { PasswordBackupStrength } from './password-backup-strength.js';
import { PasswordBackupSubmit } from './password-backup-submit.js';
import { PasswordBackupVisibilityToggle } from './password-backup-visibility-toggle.js';

export const PasswordBackupStatus = FlowStatus;
export const PasswordBackupRetry = FlowRetry;
export type PasswordBackupStatusProps = FlowStatusProps;
export type PasswordBackupRetryProps = FlowRetryProps;

/** The drop-in's parts that take a class of their own. */
export type PasswordBackupPart =
  | 'field'
  | 'label'
  | 'control'
  | 'input'
  | 'visibilityToggle'
  | 'description'
  | 'strength'
  | 'issues'
  | 'acknowledge'
  | 'submit'
  | 'status';

/** What the drop-in's fields start with (see PasswordBackup.Input's `defaultValue`). */
export interface PasswordBackupDefaultValues {
  password?: string | undefined;
  confirmation?: string | undefined;
  acknowledged?: boolean | undefined;
}

export interface PasswordBackupProps extends PasswordBackupRootProps {
  /** A class per part, for the drop-in (`className` goes on the form). */
  classNames?: Partial<Record<PasswordBackupPart, string>> | undefined;
  /**
   * Values the fields start with, e.g. a password you suggest (with `defaultPasswordVisible`).
   * Checked at mount: their strength and issues show at once. Never written to an attribute.
   */
  defaultValues?: PasswordBackupDefaultValues | undefined;
}

/**
 * What the drop-in renders inside its Root. Put it in a RootProvider to show the drop-in over a
 * flow you hold: `<PasswordBackup.RootProvider value={...}><PasswordBackupDropInParts /></PasswordBackup.RootProvider>`.
 */
export function PasswordBackupDropInParts({
  classNames: c = {},
  defaultValues: d = {},
}: Pick<PasswordBackupProps, 'classNames' | 'defaultValues'>) {
  return (
    <>
      <PasswordBackupField name="password" className={c.field}>
        <PasswordBackupLabel className={c.label} />
        <PasswordBackupControl className={c.control}>
          <PasswordBackupInput className={c.input} defaultValue={d.password} />
          <PasswordBackupVisibilityToggle className={c.visibilityToggle} />
        </PasswordBackupControl>
        <PasswordBackupDescription className={c.description} />
        <PasswordBackupStrength className={c.strength} />
        <PasswordBackupIssues className={c.issues} />
      </PasswordBackupField>
      <PasswordBackupField name="confirmation" className={c.field}>
        <PasswordBackupLabel className={c.label} />
        <PasswordBackupControl className={c.control}>
          <PasswordBackupInput className={c.input} defaultValue={d.confirmation} />
        </PasswordBackupControl>
        <PasswordBackupIssues className={c.issues} />
      </PasswordBackupField>
      <PasswordBackupField name="acknowledgement" className={c.field}>
        <PasswordBackupAcknowledge className={c.acknowledge} defaultChecked={d.acknowledged} />
        <PasswordBackupLabel className={c.label} />
        <PasswordBackupIssues className={c.issues} />
      </PasswordBackupField>
      <PasswordBackupSubmit className={c.submit} />
      <FlowStatus className={c.status} />
    </>
  );
}

/**
 * The drop-in: password, confirmation and acknowledgement as the policy asks, every issue tied
 * to its input, a visibility toggle, and one submit button that also retries. Built from the
 * parts below, which you can arrange yourself.
 */
export const PasswordBackupDropIn = forwardRef<HTMLFormElement, PasswordBackupProps>(
  function PasswordBackup(props, ref) {
    const { classNames, defaultValues, ...rootProps } = props;
    return (
      <PasswordBackupRoot {...rootProps} ref={ref}>
        <PasswordBackupDropInParts classNames={classNames} defaultValues={defaultValues} />
      </PasswordBackupRoot>
    );
  },
);
