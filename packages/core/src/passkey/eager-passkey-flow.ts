import type { PortalLike } from '../portal/portal-like.js';
import { makePasskeyFlow, type PasskeyFlow, type PasskeyFlowOptions } from './passkey-flow.js';
import { backupKit } from '../backup/backup-kit.js';

/** The passkey flow with its code already here (tests); the package exports the lazy one. */
export function createPasskeyFlow(portal: PortalLike, options: PasskeyFlowOptions): PasskeyFlow {
  return makePasskeyFlow(backupKit, portal, options);
}
