/** Largest request body accepted: a Portal share or cipherText is a few kilobytes. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export const DEFAULT_RATE_LIMIT = {
  windowSeconds: 60,
  maxPerUser: 60,
  maxPerWebhookCaller: 600,
  maxPerVaultCaller: 60,
  maxExportsPerUser: 3,
  // Failed authentication (wrong webhook secret, refused token, failed vault request) per address.
  maxFailedAuthPerAddress: 20,
  blockAddressAfterFailures: 100,
} as const;

/** How long a passkey vault ceremony stays open between options and verify. */
export const DEFAULT_CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** PGlite's data folder for the runnable service. */
export const DEFAULT_DATA_DIR = '.data/server';

// The local key file's default place: `defaultKeyFile()` in crypto/default-key-file.ts.

export const DEV_USER_HEADER = 'X-Backup-Kit-User';

export const WEBHOOK_SECRET_HEADER = 'X-Webhook-Secret';

/** Shorter secrets can be guessed; `openssl rand -hex 32` makes one of 64 characters. */
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

/**
 * How long one request may take to arrive, headers and body (Node's `requestTimeout`): a body
 * trickled one byte at a time is cut after this, not after Node's default 300 s.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** How long the request head may take to arrive (Node's `headersTimeout`). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
