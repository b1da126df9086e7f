import { describe, expect, it } from 'vitest';
import { checkPassword, resolvePasswordPolicy } from './password-policy.js';

const codes = (check: { issues: Array<{ code: string }> }) => check.issues.map((i) => i.code);

describe('password policy', () => {
  it('never goes below the SDK minimum of 4 characters', () => {
    expect(resolvePasswordPolicy({ minLength: 1 }).minLength).toBe(4);
    expect(resolvePasswordPolicy({ kind: 'pin', minLength: 2 }).minLength).toBe(4);
  });

  it('defaults to a confirmed, acknowledged password of 8 to 128 characters', () => {
    expect(resolvePasswordPolicy()).toMatchObject({
      kind: 'password',
      minLength: 8,
      maxLength: 128,
      requireConfirmation: true,
      requireAcknowledgement: true,
    });
  });

  it('reports every issue at once', () => {
    const policy = resolvePasswordPolicy();
    expect(codes(checkPassword({ password: 'short', confirmation: 'other' }, policy))).toEqual([
      'too-short',
      'confirmation-mismatch',
      'acknowledgement-required',
    ]);
  });

  it('accepts a valid, confirmed and acknowledged password', () => {
    const check = checkPassword(
      { password: 'long enough', confirmation: 'long enough', acknowledged: true },
      resolvePasswordPolicy(),
    );
    expect(check).toEqual({ valid: true, issues: [], strength: undefined });
  });

  it('counts characters, not UTF-16 units', () => {
    const policy = resolvePasswordPolicy({ minLength: 4, requireConfirmation: false, requireAcknowledgement: false });
    expect(checkPassword({ password: '🔑🔑🔑' }, policy).issues).toEqual([
      { code: 'too-short', field: 'password', limit: 4 },
    ]);
  });

  it('allows only digits in a PIN', () => {
    const policy = resolvePasswordPolicy({ kind: 'pin', requireConfirmation: false, requireAcknowledgement: false });
    expect(codes(checkPassword({ password: '12345a' }, policy))).toEqual(['digits-only']);
    expect(checkPassword({ password: '123456' }, policy).valid).toBe(true);
  });

  it('allows only letters and digits in a passcode', () => {
    const policy = resolvePasswordPolicy({
      kind: 'passcode',
      requireConfirmation: false,
      requireAcknowledgement: false,
    });
    expect(codes(checkPassword({ password: 'abc 12!' }, policy))).toEqual(['letters-and-digits-only']);
  });

  it('rejects too-long values', () => {
    const policy = resolvePasswordPolicy({ maxLength: 10, requireConfirmation: false, requireAcknowledgement: false });
    expect(checkPassword({ password: 'x'.repeat(11) }, policy).issues).toEqual([
      { code: 'too-long', field: 'password', limit: 10 },
    ]);
  });

  it('uses the strength estimator when given', () => {
    const policy = resolvePasswordPolicy({
      estimateStrength: (v) => ({ score: v.includes('!') ? 4 : 1 }),
      requireConfirmation: false,
      requireAcknowledgement: false,
    });
    expect(codes(checkPassword({ password: 'password' }, policy))).toEqual(['too-weak']);
    expect(checkPassword({ password: 'password!' }, policy)).toMatchObject({ valid: true, strength: { score: 4 } });
  });

  it('asks for a value when empty', () => {
    const policy = resolvePasswordPolicy({ requireConfirmation: false, requireAcknowledgement: false });
    expect(codes(checkPassword({ password: '' }, policy))).toEqual(['required']);
  });
});
