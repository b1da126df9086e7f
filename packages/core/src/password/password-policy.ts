/**
 * The rules a backup password (or PIN, or passcode) must meet. Portal's SDK refuses anything
 * under 4 characters, so no policy can go below that; and a forgotten password cannot be
 * recovered, so by default the user must say they understand.
 */

export type SecretKind = 'password' | 'pin' | 'passcode';

export interface StrengthEstimate {
  /** 0 (guessable) to 4 (strong), as zxcvbn-style estimators report. */
  score: number;
  feedback?: string;
}

export interface PasswordPolicy {
  /** @default 'password' */
  kind?: SecretKind;
  /** @default 8 for a password, 6 for a PIN or passcode; never below 4 */
  minLength?: number;
  /** @default 128 for a password, 12 for a PIN, 32 for a passcode */
  maxLength?: number;
  /** Ask for the value twice. @default true */
  requireConfirmation?: boolean;
  /** Ask the user to acknowledge that a forgotten password cannot be recovered. @default true */
  requireAcknowledgement?: boolean;
  /** Optional strength estimator (e.g. zxcvbn); the kit ships none to stay small. */
  estimateStrength?: (value: string) => StrengthEstimate;
  /** Lowest acceptable score when an estimator is given. @default 3 */
  minStrength?: number;
}

export interface ResolvedPasswordPolicy {
  kind: SecretKind;
  minLength: number;
  maxLength: number;
  requireConfirmation: boolean;
  requireAcknowledgement: boolean;
  estimateStrength: ((value: string) => StrengthEstimate) | undefined;
  minStrength: number;
  /** What the input should accept, for inputMode/pattern hints. */
  charset: 'any' | 'digits' | 'alphanumeric';
}

/** Portal's SDK rejects backup passwords shorter than this. */
export const SDK_MIN_PASSWORD_LENGTH = 4;

const DEFAULTS: Record<SecretKind, { min: number; max: number; charset: ResolvedPasswordPolicy['charset'] }> = {
  password: { min: 8, max: 128, charset: 'any' },
  pin: { min: 6, max: 12, charset: 'digits' },
  passcode: { min: 6, max: 32, charset: 'alphanumeric' },
};

export function resolvePasswordPolicy(policy: PasswordPolicy = {}): ResolvedPasswordPolicy {
  const kind = policy.kind ?? 'password';
  const defaults = DEFAULTS[kind];
  const minLength = Math.max(SDK_MIN_PASSWORD_LENGTH, Math.floor(policy.minLength ?? defaults.min));
  const maxLength = Math.max(minLength, Math.floor(policy.maxLength ?? defaults.max));
  return {
    kind,
    minLength,
    maxLength,
    requireConfirmation: policy.requireConfirmation ?? true,
    requireAcknowledgement: policy.requireAcknowledgement ?? true,
    estimateStrength: policy.estimateStrength,
    minStrength: policy.minStrength ?? 3,
    charset: defaults.charset,
  };
}

export type PasswordIssueCode =
  | 'required'
  | 'too-short'
  | 'too-long'
  | 'digits-only'
  | 'letters-and-digits-only'
  | 'too-weak'
  | 'confirmation-mismatch'
  | 'acknowledgement-required';

export interface PasswordIssue {
  code: PasswordIssueCode;
  /** Which input the issue belongs to, to point aria-describedby at it. */
  field: 'password' | 'confirmation' | 'acknowledgement';
  /** The bound that was broken (too-short, too-long, too-weak). */
  limit?: number;
}

export interface PasswordInput {
  password: string;
  confirmation?: string;
  acknowledged?: boolean;
}

export interface PasswordCheck {
  valid: boolean;
  issues: PasswordIssue[];
  strength: StrengthEstimate | undefined;
}

/** Every issue at once, so a form can show them all; never includes the value itself. */
export function checkPassword(input: PasswordInput, policy: ResolvedPasswordPolicy): PasswordCheck {
  const issues: PasswordIssue[] = [];
  const { password } = input;
  const length = [...password].length;
  if (length === 0) issues.push({ code: 'required', field: 'password' });
  else if (length < policy.minLength) issues.push({ code: 'too-short', field: 'password', limit: policy.minLength });
  else if (length > policy.maxLength) issues.push({ code: 'too-long', field: 'password', limit: policy.maxLength });

  if (length > 0 && policy.charset === 'digits' && !/^\d+$/.test(password)) {
    issues.push({ code: 'digits-only', field: 'password' });
  }
  if (length > 0 && policy.charset === 'alphanumeric' && !/^[\p{L}\p{N}]+$/u.test(password)) {
    issues.push({ code: 'letters-and-digits-only', field: 'password' });
  }

  const strength = length > 0 && policy.estimateStrength ? policy.estimateStrength(password) : undefined;
  if (strength && strength.score < policy.minStrength) {
    issues.push({ code: 'too-weak', field: 'password', limit: policy.minStrength });
  }

  if (policy.requireConfirmation && (input.confirmation ?? '') !== password) {
    issues.push({ code: 'confirmation-mismatch', field: 'confirmation' });
  }
  if (policy.requireAcknowledgement && !input.acknowledged) {
    issues.push({ code: 'acknowledgement-required', field: 'acknowledgement' });
  }
  return { valid: issues.length === 0, issues, strength };
}
