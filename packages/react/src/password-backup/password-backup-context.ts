'use client';
import type { RefObject } from 'react';
import type { PasswordCheck, PasswordIssue, ResolvedPasswordPolicy } from '@backup-kit/core';
import { createStrictContext } from '../internal/create-strict-context.js';
import type { SecretState } from '../internal/secret-field.js';
import type { PasswordBackupLabels } from './password-backup-labels.js';

/** The three things the form asks for. */
export type PasswordFieldName = 'password' | 'confirmation' | 'acknowledgement';

/** The ids of one field's elements, for htmlFor, aria-describedby and aria-controls. */
export interface FieldIds {
  control: string;
  label: string;
  description: string;
  strength: string;
  issues: string;
}

export function fieldIds(id: string, name: PasswordFieldName): FieldIds {
  const control = `${id}${name}`;
  return {
    control,
    label: `${control}-label`,
    description: `${control}-description`,
    strength: `${control}-strength`,
    issues: `${control}-issues`,
  };
}

/**
 * The form's state. The password itself is not here: it lives only in the input elements and
 * is read when needed, so it never sits in React state, props or devtools.
 */
export interface PasswordBackupContextValue extends SecretState {
  policy: ResolvedPasswordPolicy;
  labels: PasswordBackupLabels;
  /** The base of the fields' ids (see fieldIds). */
  id: string;
  /** The latest check of what is typed: issue codes and a strength score, never the value. */
  check: PasswordCheck;
  /** Issues to show for a field: after the user changed and left it, or after a submit. */
  visibleIssues: (field: PasswordFieldName) => PasswordIssue[];
  acknowledged: boolean;
  setAcknowledged: (value: boolean) => void;
  /** Inputs take no edits: a backup runs, it is done, or the password was taken. */
  locked: boolean;
  inputRef: (field: PasswordFieldName) => RefObject<HTMLInputElement | null>;
  changed: (field: PasswordFieldName) => void;
  /** Writes a default into the input (its value property, never an attribute) and checks it. */
  prefill: (field: PasswordFieldName, value: string) => void;
  left: (field: PasswordFieldName) => void;
}

export const [PasswordBackupProvider, usePasswordBackupContext] =
  createStrictContext<PasswordBackupContextValue>('PasswordBackup.Root');

export interface FieldContextValue {
  name: PasswordFieldName;
  ids: FieldIds;
  /** Which optional parts are mounted, so aria-describedby only names elements that exist. */
  has: (part: 'description' | 'strength' | 'issues') => boolean;
  register: (part: 'description' | 'strength' | 'issues') => () => void;
}

export const [FieldProvider, useFieldContext] = createStrictContext<FieldContextValue>('PasswordBackup.Field');
