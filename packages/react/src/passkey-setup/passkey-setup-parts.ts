import { PasskeySetupDropIn, PasskeySetupTrigger, PasskeySetupStatus, PasskeySetupRetry } from './passkey-setup.js';
import { PasskeySetupRoot, PasskeySetupRootProvider } from './passkey-setup-root.js';
import { PasskeySetupIssues } from './passkey-setup-issues.js';
import { PasskeySetupFallback } from './passkey-setup-fallback.js';

/**
 * `<PasskeySetup.Root>` and its parts, or `<PasskeySetup.DropIn />` for the whole component. A plain
 * object in a module without 'use client': in a React Server Component each member is a client
 * reference, so the README's syntax works there as in a client component.
 */
export const PasskeySetup = {
  DropIn: PasskeySetupDropIn,
  Root: PasskeySetupRoot,
  RootProvider: PasskeySetupRootProvider,
  Trigger: PasskeySetupTrigger,
  Status: PasskeySetupStatus,
  Retry: PasskeySetupRetry,
  Issues: PasskeySetupIssues,
  Fallback: PasskeySetupFallback,
};
