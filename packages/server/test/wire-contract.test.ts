import type {
  CustodianBackupShareRequest,
  RegistrationOptionsRequest,
  UserBackupShareRequest,
} from '@backup-kit/core/wire';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { USER_BACKUP_SHARE_METHODS } from '../src/backup-method.js';
import { userBackupShareBody, webhookBackupBody } from '../src/http/request-schemas.js';
import { registrationOptionsBody } from '../src/http/vault-request-schemas.js';
import type { Holds, SameShape } from '../src/http/wire-contract.js';

// `tsc` (pnpm typecheck) runs over this file: each @ts-expect-error below must still be an
// error, so a wire check that stopped noticing drift fails the type check.

const _renamedField = registrationOptionsBody.extend({ relyingPartyName: z.string() }).omit({ rpName: true });
// @ts-expect-error a schema that renamed a field of core's RegistrationOptionsRequest fails the check
export type RenamedFieldFails = Holds<SameShape<z.input<typeof _renamedField>, RegistrationOptionsRequest>>;

const _narrowerMethods = z.object({ backupMethod: z.enum(['PASSWORD', 'GDRIVE']), cipherText: z.string() });
// @ts-expect-error a schema that accepts fewer methods than core's UserBackupShareMethod fails the check
export type NarrowerMethodsFail = Holds<SameShape<z.input<typeof _narrowerMethods>, UserBackupShareRequest>>;

describe('the wire contract shared with @backup-kit/core', () => {
  it.each(USER_BACKUP_SHARE_METHODS)('accepts a user share request typed by core for %s', (backupMethod) => {
    const request: UserBackupShareRequest = { backupMethod, cipherText: 'c' };
    // Pair ids are optional on the wire and stored as none when absent.
    expect(userBackupShareBody.parse(request)).toEqual({ ...request, backupSharePairIds: [] });
  });

  it('accepts a user share request typed by core with its backup share pair ids', () => {
    const request: UserBackupShareRequest = { backupMethod: 'PASSWORD', cipherText: 'c', backupSharePairIds: ['p1'] };
    expect(userBackupShareBody.parse(request)).toEqual(request);
  });

  it.each(['PASSWORD', 'SECP256K1_PASSWORD', 'ICLOUD'])('accepts a webhook typed by core for %s', (backupMethod) => {
    const request: CustodianBackupShareRequest = { backupMethod, clientId: 'client', share: 's' };
    expect(webhookBackupBody.parse(request)).toEqual(request);
  });
});
