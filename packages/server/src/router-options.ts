import type { IncomingMessage } from 'node:http';
import type { KeyProvider } from './crypto/key-provider.js';
import type { BackupDatabase } from './db/backup-database.js';
import type { Logger } from './log/logger.js';

/** Who is calling a user route, as the application's own authentication says. */
export interface Caller {
  userId: string;
}

export interface AuthorizeContext {
  /** The Node request when served through node:http / Express (e.g. to read `req.user`). */
  nodeRequest?: IncomingMessage;
}

/**
 * Identifies the caller of a user route from the request (session cookie, bearer token...).
 * Resolve null when the request carries no valid identity (401); a caller whose userId differs
 * from the path's :userId gets 403.
 */
export type Authorize = (request: Request, context: AuthorizeContext) => Promise<Caller | null> | Caller | null;

export interface AuthorizeExportContext extends AuthorizeContext {
  /** The :userId of the path; the caller was already identified as this user by `authorize`. */
  userId: string;
  /** The Portal client whose custodian backup share is asked for. */
  clientId: string;
  backupMethod: string;
}

/**
 * Whether this request may take a custodian backup share out to the browser to export the
 * wallet: stricter than `authorize` (e.g. a re-authentication in the last few minutes, a second
 * factor) and it must check that `clientId` is this user's Portal client. Resolve true to release.
 */
export type AuthorizeExport = (request: Request, context: AuthorizeExportContext) => Promise<boolean> | boolean;

export interface RateLimitOptions {
  /** Length of one counting window (default 60). */
  windowSeconds?: number;
  /** Requests per window for one user on the user routes (default 60). */
  maxPerUser?: number;
  /** Webhooks with the right secret per window from one address (default 600). */
  maxPerWebhookCaller?: number;
  /** Custodian shares released for export per window for one user (default 3). */
  maxExportsPerUser?: number;
  /** Vault requests that succeed, per window from one address (default 60). */
  maxPerVaultCaller?: number;
  /**
   * Failed authentications per window from one address: wrong webhook secrets, tokens the
   * authorize hook refuses, vault requests that fail (default 20). Past it, that address's
   * failing attempts get 429; a right secret or token still passes. Counted apart from the
   * limits above, so failures never spend what callers who authenticate need.
   */
  maxFailedAuthPerAddress?: number;
  /**
   * Failures per window after which an address's user-route requests get 429 before the
   * authorize hook runs, right token or not (default 100): bounds what a flood costs.
   */
  blockAddressAfterFailures?: number;
}

export interface CorsOptions {
  /** Exact origins (`http://localhost:5173`) or a predicate over the Origin header. */
  origins: readonly string[] | ((origin: string) => boolean);
}

/** The passkey key vault (`/vault/...`): which relying parties it serves, from which pages. */
export interface VaultOptions {
  /** RP IDs the vault runs ceremonies for, e.g. `['wallet.example']` (`localhost` in development). */
  relyingParties: readonly string[];
  /**
   * The page origins the WebAuthn ceremonies run on (`https://wallet.example`,
   * `http://localhost:5173`): a response from any other origin is refused. Each must be on one
   * of `relyingParties` or below it; https, or http on localhost.
   */
  allowedOrigins: readonly string[];
  /** Cross-origin access to the vault routes (default: exactly `allowedOrigins`). */
  cors?: CorsOptions | false;
  /** How long a ceremony stays open between its options and its verify (default 5 minutes). */
  challengeTtlMs?: number;
  /**
   * Wraps the data keys that seal stored vault keys. Default: the router's `keyProvider` (for
   * `createVaultRouter`, the local key file). A key of its own keeps one compromised key from
   * opening both custodian shares and vault keys.
   */
  keyProvider?: KeyProvider;
}

/** A vault served on its own: `createVaultRouter`. */
export interface VaultRouterOptions extends VaultOptions {
  db: BackupDatabase;
  /** Counted per caller address in the database; `false` turns limiting off. */
  rateLimit?: RateLimitOptions | false;
  /** Proxies whose X-Forwarded-For is believed (see `BackupRouterOptions.trustProxy`). */
  trustProxy?: readonly string[];
  logger?: Logger;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
}

export interface BackupRouterOptions {
  db: BackupDatabase;
  /** The X-Webhook-Secret Portal sends, as set in the Portal Admin Dashboard. */
  webhookSecret: string;
  /** Required unless `mode: 'development'`, which trusts the X-Backup-Kit-User header instead. */
  authorize?: Authorize;
  /**
   * Turns on `POST /users/:userId/custodian-backup-share/export`, which releases a custodian
   * backup share to the user's browser so the wallet can be exported (eject). Without this hook
   * the route does not exist (404), in development mode too.
   */
  authorizeExport?: AuthorizeExport;
  /** Wraps custodian-share data keys (default: the local key file, see `defaultKeyFilePath`). */
  keyProvider?: KeyProvider;
  /** Counters live in the database, shared by every instance; `false` turns limiting off. */
  rateLimit?: RateLimitOptions | false;
  /**
   * Addresses or CIDR ranges of the reverse proxies in front (`['10.0.0.5', 'fd00::/8']`). Only
   * when the socket peer is one of them is the client read from X-Forwarded-For (the right-most
   * address that is not itself a trusted proxy); otherwise the header is ignored. Limits count
   * per client address, IPv6 per /64. Default: none (the socket peer is the client).
   */
  trustProxy?: readonly string[];
  logger?: Logger;
  /** Browser origins allowed on the user routes (default in development: any localhost port). */
  cors?: CorsOptions | false;
  /** Largest accepted request body (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * `production` (the default, whatever NODE_ENV says) needs `authorize`. `development` is the
   * explicit opt-in that, without a hook, trusts the X-Backup-Kit-User header; it answers only
   * requests whose Host is a loopback name (403 otherwise), and `startServer` listens only on
   * loopback in it.
   */
  mode?: 'development' | 'production';
  /** Serves the passkey key vault under `/vault` too (default: no vault routes). */
  vault?: VaultOptions;
}
