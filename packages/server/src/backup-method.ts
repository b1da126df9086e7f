import type { CustodianBackupMethod, UserBackupShareMethod } from '@backup-kit/core/wire';

// The wire types live in @backup-kit/core (imported for types only, nothing of core runs here);
// the values below are the server's runtime copy, held to core's union by the check under them.
export type {
  BackupMethod,
  CustodianBackupMethod,
  PortalBackupMethod,
  UserBackupShareMethod,
} from '@backup-kit/core/wire';

/** The methods a user backup share is stored under (core's `UserBackupShareMethod`). */
export const USER_BACKUP_SHARE_METHODS = [
  'GDRIVE',
  'PASSWORD',
  'PASSKEY',
  'UNKNOWN',
  'CUSTOM',
  'ICLOUD',
] as const satisfies readonly UserBackupShareMethod[];

// A method added to core's union but not listed here fails the type check.
type Unlisted = Exclude<UserBackupShareMethod, (typeof USER_BACKUP_SHARE_METHODS)[number]>;
type AssertNever<T extends never> = T;
export type EveryUserBackupShareMethodListed = AssertNever<Unlisted>;

/**
 * A custodian share's method as Portal's webhook names it ("the backup method and curve"):
 * upper-case letters, digits and `_`, 1 to 64 of them. Stored and fetched exactly as sent.
 */
export const CUSTODIAN_BACKUP_METHOD_TOKEN = /^[A-Z0-9_]{1,64}$/;

/** The methods Backup Kit knows; a custodian share under any other is kept, and logged. */
export const isKnownBackupMethod = (method: CustodianBackupMethod): boolean =>
  (USER_BACKUP_SHARE_METHODS as readonly string[]).includes(method);
