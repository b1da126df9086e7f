import type {
  AuthenticationOptionsRequest,
  AuthenticationVerifyRequest,
  CustodianBackupShareFetchRequest,
  CustodianBackupShareRequest,
  RegistrationOptionsRequest,
  RegistrationVerifyRequest,
  UserBackupShareRequest,
} from '@backup-kit/core/wire';
import type { z } from 'zod';
import type { userBackupShareBody, webhookBackupBody, webhookFetchBody } from './request-schemas.js';
import type {
  authenticationOptionsBody,
  authenticationVerifyBody,
  registrationOptionsBody,
  registrationVerifyBody,
} from './vault-request-schemas.js';

/**
 * The compile-time link between the server's zod schemas and the client's wire types in
 * @backup-kit/core/wire: if either side changes a field, `tsc` fails on the line below that
 * compares them ("Type 'false' does not satisfy the constraint 'true'").
 */

/** True when each type is assignable to the other (same fields, same value types). */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** True when every value of `Sent` is one the schema accepts as input. */
export type Accepts<Schema extends z.ZodType, Sent> = [Sent] extends [z.input<Schema>] ? true : false;

export type Holds<T extends true> = T;

// The WebAuthn `response` is opaque JSON to the client (a record) and parsed in depth here;
// `write` is a union on the client and one refined object here: the client's must be accepted.
type Opaque = 'response' | 'write';
type InputOf<S extends z.ZodType> = Omit<z.input<S>, Opaque>;

export type WireContract = [
  Holds<SameShape<z.input<typeof userBackupShareBody>, UserBackupShareRequest>>,
  Holds<SameShape<z.input<typeof webhookBackupBody>, CustodianBackupShareRequest>>,
  Holds<SameShape<z.input<typeof webhookFetchBody>, CustodianBackupShareFetchRequest>>,
  Holds<SameShape<z.input<typeof registrationOptionsBody>, RegistrationOptionsRequest>>,
  Holds<SameShape<z.input<typeof authenticationOptionsBody>, AuthenticationOptionsRequest>>,
  Holds<SameShape<InputOf<typeof registrationVerifyBody>, Omit<RegistrationVerifyRequest, Opaque>>>,
  Holds<SameShape<InputOf<typeof authenticationVerifyBody>, Omit<AuthenticationVerifyRequest, Opaque>>>,
  Holds<Accepts<typeof authenticationVerifyBody.shape.write, AuthenticationVerifyRequest['write']>>,
  Holds<SameShape<keyof z.input<typeof registrationVerifyBody>, keyof RegistrationVerifyRequest>>,
  Holds<SameShape<keyof z.input<typeof authenticationVerifyBody>, keyof AuthenticationVerifyRequest>>,
  Holds<
    [z.output<typeof registrationVerifyBody>['response']] extends [RegistrationVerifyRequest['response']] ? true : false
  >,
];
