import type { PortalLike } from '../portal/portal-like.js';
import { makePasskeyFlow, type PasskeyFlow, type PasskeyFlowOptions } from './passkey-flow.js';
import { coreKit } from '../internal/core-kit.js';

/** The passkey flow with its code already here (tests); the package exports the lazy one. */
export function createPasskeyFlow(portal: PortalLike, options: PasskeyFlowOptions): PasskeyFlow {
  return makePasskeyFlow(coreKit, portal, options);
}
