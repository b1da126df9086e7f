import { z } from 'zod';
import { jsonObject, required, text, wellFormedString } from './request-schemas.js';

// Messages are written here, never left to zod, so no error quotes what was sent.

const base64url = (maxLength: number) =>
  z
    .string({ error: required('must be a base64url string') })
    .min(1, { error: 'must not be empty' })
    .max(maxLength, { error: `must be at most ${maxLength} characters` })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be base64url (A-Z a-z 0-9 - _, no padding)' });

/** Credential ids are at most 1023 bytes (WebAuthn), 1364 characters of base64url. */
const credentialId = base64url(1364);
const binaryField = base64url(16_384);

const rpId = wellFormedString()
  .min(1, { error: 'must not be empty' })
  .max(253, { error: 'must be at most 253 characters' });

const ceremonyId = z.uuid({ error: required('must be the ceremonyId the options answer gave') });

/**
 * 256 bits of base64url without padding: 43 characters, the last one carrying 2 zero bits, so
 * every key has exactly one spelling.
 */
export const VAULT_KEY = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
const vaultKey = z
  .string({ error: required('must be a string') })
  .regex(VAULT_KEY, { error: 'must be a 256-bit key in base64url (43 characters, no padding)' });

/**
 * The browser strips PRF outputs before sending a response (they never leave the page); a
 * response that still carries one comes from a leaking client, and is refused so the leak shows
 * (the vault never reads or stores it).
 */
const clientExtensionResults = z
  .looseObject(
    {
      prf: z
        .looseObject(
          {
            enabled: z.boolean({ error: 'must be a boolean' }).optional(),
            results: z
              .never({ error: 'must not be sent: PRF outputs stay in the browser, remove them before sending' })
              .optional(),
          },
          jsonObject,
        )
        .optional(),
    },
    jsonObject,
  )
  .default({});

const credentialCommon = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal('public-key', { error: 'must be "public-key"' }),
  clientExtensionResults,
};

const transports = z
  .array(text(32), { error: 'must be an array of strings' })
  .max(8, { error: 'must list at most 8 transports' })
  .optional();

/** A RegistrationResponseJSON (SimpleWebAuthn's, the standard PublicKeyCredential JSON). */
const registrationResponse = z.looseObject(
  {
    ...credentialCommon,
    response: z.looseObject({ clientDataJSON: binaryField, attestationObject: binaryField, transports }, jsonObject),
  },
  jsonObject,
);

/** An AuthenticationResponseJSON. */
const authenticationResponse = z.looseObject(
  {
    ...credentialCommon,
    response: z.looseObject(
      {
        clientDataJSON: binaryField,
        authenticatorData: binaryField,
        signature: binaryField,
        userHandle: base64url(128).optional(),
      },
      jsonObject,
    ),
  },
  jsonObject,
);

export const registrationOptionsBody = z.object({ rpId, rpName: text(256), userName: text(64).optional() }, jsonObject);

export const registrationVerifyBody = z.object(
  {
    ceremonyId,
    response: registrationResponse,
    prf: z.boolean({ error: 'must be a boolean' }).optional(),
  },
  jsonObject,
);

export const authenticationOptionsBody = z.object({ rpId, credentialId: credentialId.optional() }, jsonObject);

const write = z
  .object(
    {
      key: vaultKey.optional(),
      prf: z.literal(true, { error: 'must be true' }).optional(),
    },
    jsonObject,
  )
  .refine((value) => (value.key === undefined) !== (value.prf === undefined), {
    error: 'must be either { key } or { prf: true }',
  });

export const authenticationVerifyBody = z.object(
  { ceremonyId, response: authenticationResponse, write: write.optional() },
  jsonObject,
);

export type RegistrationResponseBody = z.infer<typeof registrationResponse>;
export type AuthenticationResponseBody = z.infer<typeof authenticationResponse>;
