/** The components, as written in data-scope. */
export type Scope =
  | 'backup-button'
  | 'password-backup'
  | 'passkey-setup'
  | 'recover-wallet'
  | 'backup-status'
  | 'wallet-gate'
  | 'export-wallet';

/**
 * The styling and testing hooks every part carries: which component (data-scope), which part
 * of it (data-part) and the state of the flow (data-state), as Zag and Ark write them.
 */
export function partAttributes(scope: Scope, part: string, state: string) {
  return { 'data-scope': scope, 'data-part': part, 'data-state': state };
}

/** A presence flag: `data-x=""` when true, absent when false. */
export function flag(on: boolean | undefined): '' | undefined {
  return on ? '' : undefined;
}
