import { connectFlow, type ConnectOptions, type FlowView } from '../view/connect-flow.js';
import type { PasskeyOptionIssue } from './passkey-options.js';
import type { PasskeySnapshot, PasskeyState } from './passkey-snapshot.js';

export interface PasskeySetupView extends FlowView<
  PasskeyState,
  'checking' | 'unsupported' | 'registering' | 'storing' | 'notifying' | 'success'
> {
  /** Invalid custom-domain options, all of them (empty otherwise). */
  issues: PasskeyOptionIssue[];
}

const NO_ISSUES: PasskeyOptionIssue[] = [];

/** Every problem with the passkey options, from a PASSKEY_OPTIONS_INVALID error (the error's own list). */
export function passkeyOptionIssues(snapshot: PasskeySnapshot): PasskeyOptionIssue[] {
  const error = snapshot.state === 'error' ? snapshot.error : undefined;
  return (
    (error?.code === 'PASSKEY_OPTIONS_INVALID' &&
      (error.details as { issues?: PasskeyOptionIssue[] } | undefined)?.issues) ||
    NO_ISSUES
  );
}

/**
 * What a passkey setup's parts show. Checking support and a missing passkey block the trigger;
 * without passkeys there is no trigger at all (a fallback takes its place, never a dead button).
 */
export function connectPasskeySetup(snapshot: PasskeySnapshot, options: ConnectOptions): PasskeySetupView {
  const view = connectFlow(snapshot, options);
  return { ...view, triggerHidden: snapshot.state === 'unsupported', issues: passkeyOptionIssues(snapshot) };
}
