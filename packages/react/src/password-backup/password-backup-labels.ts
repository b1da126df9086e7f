import type { PasswordIssueCode, SecretKind, StrengthEstimate } from '@backup-kit/core';
import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import type { Label } from '../labels/label.js';

export interface KindArgs {
  kind: SecretKind;
}

export interface PasswordBackupLabels extends CommonLabels {
  passwordLabel: Label<KindArgs>;
  confirmationLabel: Label<KindArgs>;
  /** The requirements, shown under the password before anything is typed. */
  description: Label<KindArgs & { minLength: number; maxLength: number }>;
  /** The checkbox: a forgotten password cannot be recovered. */
  acknowledgement: Label<KindArgs>;
  /** The visibility toggle's accessible name (its pressed state says whether it is shown). */
  showSecret: Label<KindArgs>;
  strength: Label<StrengthEstimate>;
  /**
   * One message per issue the policy can report. The length issues refer to the description,
   * which states the rule and is read with them (aria-describedby), so they do not repeat it.
   */
  issues: Record<PasswordIssueCode, Label<KindArgs & { limit?: number | undefined }>>;
  submit: Label<KindArgs>;
  busy: string;
  done: string;
}

const NOUN: Record<SecretKind, string> = { password: 'password', pin: 'PIN', passcode: 'passcode' };
const UNITS: Record<SecretKind, string> = { password: 'characters', pin: 'digits', passcode: 'letters or digits' };
const STRENGTH = ['very weak', 'weak', 'fair', 'good', 'strong'];

export const defaultPasswordBackupLabels: PasswordBackupLabels = {
  ...defaultCommonLabels,
  passwordLabel: ({ kind }) => `Backup ${NOUN[kind]}`,
  confirmationLabel: ({ kind }) => `Confirm ${NOUN[kind]}`,
  description: ({ kind, minLength, maxLength }) => `Use ${minLength} to ${maxLength} ${UNITS[kind]}.`,
  acknowledgement: ({ kind }) => `I understand that a forgotten ${NOUN[kind]} cannot be recovered.`,
  showSecret: ({ kind }) => `Show ${NOUN[kind]}`,
  strength: ({ score }) => `Strength: ${STRENGTH[Math.max(0, Math.min(4, Math.round(score)))]}`,
  issues: {
    required: ({ kind }) => `Enter a ${NOUN[kind]}.`,
    'too-short': 'Too short.',
    'too-long': 'Too long.',
    'digits-only': 'Use digits only.',
    'letters-and-digits-only': 'Use letters and digits only.',
    'too-weak': ({ kind }) => `Choose a stronger ${NOUN[kind]}.`,
    'confirmation-mismatch': ({ kind }) => `The ${NOUN[kind]}s do not match.`,
    'acknowledgement-required': 'Confirm that you understand this to continue.',
  },
  submit: 'Back up wallet',
  busy: 'Backing up…',
  done: 'Backed up',
};
