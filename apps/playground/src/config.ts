/**
 * Where the playground finds Portal, the server and the passkey vault. Each setting comes from
 * the page's query (so tests and demos can point it anywhere), else from `import.meta.env`
 * (`VITE_*`), else the ports `scripts/start.mjs` uses.
 *
 *   ?portalHost=localhost:5190&serverUrl=http://localhost:8787&vaultUrl=http://localhost:8787
 *   &rpId=localhost&rpName=…&readyTimeoutMs=15000&user=alice&passkey=direct&view=recover-beside-backup
 */
export interface PlaygroundConfig {
  /** `new Portal({ host })`: the emulator, `localhost:PORT`. */
  portalHost: string;
  /** The Backup Kit server that stores the encrypted client backup shares. */
  serverUrl: string;
  /** The passkey vault of the kit's direct path (the passkey options' `customDomain`). */
  vaultUrl: string;
  /** The passkey relying party: `localhost` in development. */
  rpId: string;
  rpName: string;
  /** How long to wait for Portal's iframe before saying it is not ready. */
  readyTimeoutMs: number;
  /** A user id given in the URL; otherwise one is made per browser. */
  user: string | undefined;
  /**
   * Which passkey options the provider gets: Portal's window (`portal`, the default) or the kit's
   * direct path (`direct`, against the vault). The other path's panel then brings its own.
   */
  passkey: 'portal' | 'direct';
  /**
   * Which page: the onboarding (the default) or `recover-beside-backup`, a RecoverWallet kept
   * mounted beside a PasswordBackup on the same Portal (it refreshes after the backup).
   */
  view: 'onboarding' | 'recover-beside-backup';
}

export const DEFAULTS = {
  portalHost: 'localhost:5190',
  serverUrl: 'http://localhost:8787',
  vaultUrl: 'http://localhost:8787',
  rpId: 'localhost',
  rpName: 'Backup Kit Playground',
  readyTimeoutMs: 15_000,
} as const;

function positive(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function readConfig(
  search: string = window.location.search,
  env: ImportMetaEnv = import.meta.env,
): PlaygroundConfig {
  const query = new URLSearchParams(search);
  const pick = (name: string, fromEnv: string | undefined, fallback: string) =>
    query.get(name)?.trim() || fromEnv?.trim() || fallback;
  return {
    portalHost: pick('portalHost', env.VITE_PORTAL_HOST, DEFAULTS.portalHost),
    serverUrl: trimSlash(pick('serverUrl', env.VITE_SERVER_URL, DEFAULTS.serverUrl)),
    // Not trimmed: the kit itself checks that customDomain is an origin and says so.
    vaultUrl: pick('vaultUrl', env.VITE_VAULT_URL, DEFAULTS.vaultUrl),
    rpId: query.get('rpId') ?? env.VITE_RP_ID ?? DEFAULTS.rpId,
    rpName: query.get('rpName') ?? env.VITE_RP_NAME ?? DEFAULTS.rpName,
    readyTimeoutMs:
      positive(query.get('readyTimeoutMs')) ?? positive(env.VITE_READY_TIMEOUT_MS) ?? DEFAULTS.readyTimeoutMs,
    user: query.get('user')?.trim() || undefined,
    passkey: query.get('passkey') === 'direct' ? 'direct' : 'portal',
    view: query.get('view') === 'recover-beside-backup' ? 'recover-beside-backup' : 'onboarding',
  };
}
