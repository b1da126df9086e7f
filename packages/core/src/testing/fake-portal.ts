import type {
  BackupConfigs,
  BackupMethod,
  BackupResponse,
  ClientLike,
  MpcStatus,
  MpcStatusName,
  PasskeyOptions,
  PortalLike,
  ProgressCallback,
} from '../portal/portal-like.js';

/** The calls whose outcome a test or story can script. */
export type FakeCallKind =
  | 'createWallet'
  | 'backupWallet'
  | 'recoverWallet'
  | 'storedClientBackupShare'
  | 'getClient'
  | 'clearLocalWallet'
  | 'registerPasskey'
  | 'generateBackupShare'
  | 'authenticatePasskeyAndWriteKey'
  | 'eject';

/**
 * What one call does: succeed, never settle (to hold a story in a state), reject with a
 * Portal-style `{ code, message }` error as the SDK does, or throw anything (a DOMException
 * named NotAllowedError is a cancelled passkey prompt). `{ hangAfter: status }` reports the
 * progress up to that MPC status, then never settles (a story held at "Encrypting share").
 */
export type FakeOutcome =
  | 'ok'
  | 'hang'
  | { hangAfter: MpcStatusName }
  | { error: { code: number | string; message: string } }
  | { throw: unknown };

export interface FakePortalOptions {
  /** Delay before each call settles, in ms; also spaces the progress events. @default 0 */
  latencyMs?: number;
  /** @default 'immediate' */
  ready?: 'immediate' | 'never' | { afterMs: number } | { failWith: unknown };
  /** Statuses reported during backup and recovery. @default Portal's order, ending in Done */
  progress?: MpcStatusName[];
  /**
   * Scripted outcomes per call kind. One outcome applies to every call of that kind; a list
   * applies to the calls in order, then they succeed.
   */
  failures?: Partial<Record<FakeCallKind, FakeOutcome | FakeOutcome[]>>;
  /** The wallet the fake starts with. @default a wallet with no backup */
  wallet?: { exists?: boolean; address?: string; backedUpWith?: BackupMethod[]; ejectedAt?: string };
  /** Offer the seed's newer passkey API (registerPasskey, generateBackupShare, ...). @default false */
  seedPasskeyApi?: boolean;
  /**
   * Behave like @portal-hq/web 3.4.1, which matches replies by message type only: concurrent
   * calls of one kind all receive the first call's reply. @default true
   */
  sharedReplies?: boolean;
}

/** A recorded call, without secrets: no password, cipherText or key is ever kept here. */
export interface FakeCall {
  kind: FakeCallKind;
  backupMethod?: string;
  success?: boolean;
}

export interface FakePortal extends PortalLike {
  readonly ready: boolean;
  /** Every call, in order. */
  readonly calls: readonly FakeCall[];
  /** storedClientBackupShare verdicts, in order. */
  readonly notifications: ReadonlyArray<{ success: boolean; backupMethod: string }>;
  /** cipherTexts made by backupWallet (for asserting that a retry reused the same one). */
  readonly cipherTexts: readonly string[];
  /** Scripts the next calls of a kind (replaces what was scripted before). */
  script(kind: FakeCallKind, outcome: FakeOutcome | FakeOutcome[]): void;
  /** For `ready: 'never'`: become ready now, or fail initialization now. */
  becomeReady(): void;
  failInitialization(reason: unknown): void;
  /** Counts of calls of a kind. */
  count(kind: FakeCallKind, filter?: Partial<FakeCall>): number;
}

export const DEFAULT_BACKUP_PROGRESS: MpcStatusName[] = [
  'Reading share',
  'Generating share',
  'Parsing share',
  'Encrypting share',
  'Storing share',
  'Done',
];

const RECOVERY_PROGRESS: MpcStatusName[] = [
  'Reading share',
  'Decrypting share',
  'Recovering backup share',
  'Recovering signing share',
  'Done',
];

/**
 * An in-memory Portal for tests and Storybook: same method shapes as @portal-hq/web 3.4.1,
 * same error shapes, scriptable outcomes and latency. Not a security boundary and not MPC.
 */
export function createFakePortal(options: FakePortalOptions = {}): FakePortal {
  const latencyMs = options.latencyMs ?? 0;
  const progressSteps = options.progress ?? DEFAULT_BACKUP_PROGRESS;
  const sharedReplies = options.sharedReplies ?? true;
  const scripts = new Map<FakeCallKind, FakeOutcome[] | FakeOutcome>(
    Object.entries(options.failures ?? {}) as Array<[FakeCallKind, FakeOutcome | FakeOutcome[]]>,
  );
  const calls: FakeCall[] = [];
  const notifications: Array<{ success: boolean; backupMethod: string }> = [];
  const cipherTexts: string[] = [];
  const readyCallbacks = new Set<() => unknown>();
  const errorCallbacks = new Set<(reason: unknown) => unknown>();
  const inFlight = new Map<FakeCallKind, Promise<unknown>>();

  const wallet = {
    exists: options.wallet?.exists ?? true,
    onDevice: options.wallet?.exists ?? true,
    address: options.wallet?.address ?? '0x5e0b0f5bbd0f1a3fa32a6b2cd0e8f1b1f0b5c0de',
    /** method -> 'completed' | 'incomplete' */
    pairs: new Map<string, 'completed' | 'incomplete'>(
      (options.wallet?.backedUpWith ?? []).map((m) => [m, 'completed']),
    ),
    /** When the keys were exported (eject), as getClient reports it. */
    ejectedAt: options.wallet?.ejectedAt ?? null,
  };
  /** cipherText -> what unlocks it (a digest of the password, never the password). */
  const vault = new Map<string, { method: BackupMethod; lock: string }>();
  let serial = 0;
  let ready = false;
  let initFailed = false;

  const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  function nextOutcome(kind: FakeCallKind): FakeOutcome {
    const scripted = scripts.get(kind);
    if (scripted === undefined) return 'ok';
    if (!Array.isArray(scripted)) return scripted;
    const outcome = scripted.shift();
    if (scripted.length === 0) scripts.delete(kind);
    return outcome ?? 'ok';
  }

  /** Applies the scripted outcome and latency around the real work of a call. */
  function perform<T>(call: FakeCall, work: (holdAt?: MpcStatusName) => Promise<T> | T): Promise<T> {
    calls.push(call);
    const kind = call.kind;
    const shared = inFlight.get(kind);
    if (sharedReplies && shared) return shared as Promise<T>;
    const outcome = nextOutcome(kind);
    const run = (async () => {
      if (outcome === 'hang') return new Promise<T>(() => {});
      await sleep(latencyMs);
      if (typeof outcome === 'object' && 'error' in outcome) throw portalError(outcome.error);
      if (typeof outcome === 'object' && 'throw' in outcome) throw outcome.throw;
      return work(typeof outcome === 'object' && 'hangAfter' in outcome ? outcome.hangAfter : undefined);
    })();
    inFlight.set(kind, run);
    const clear = () => {
      if (inFlight.get(kind) === run) inFlight.delete(kind);
    };
    run.then(clear, clear);
    return run;
  }

  /** Reports each status; with `holdAt`, stops there and never settles. */
  async function report(progress: ProgressCallback | undefined, steps: MpcStatusName[], holdAt?: MpcStatusName) {
    for (const status of steps) {
      const event: MpcStatus = { status, done: status === 'Done' };
      void progress?.(event);
      if (status === holdAt) await new Promise<never>(() => {});
      await sleep(latencyMs / steps.length);
    }
  }

  /** A stand-in for the SDK's own checks on backupWallet(PASSWORD), with its exact messages. */
  function checkPasswordConfig(configs: BackupConfigs | undefined): string {
    if (!configs?.passwordStorage) throw new Error('Password storage config is required');
    const { password } = configs.passwordStorage;
    if (!password) throw new Error('Password is required');
    if (password.length < 4) throw new Error('Password must be at least 4 characters');
    return password;
  }

  function makeBackup(method: BackupMethod, password: string | undefined): BackupResponse {
    serial += 1;
    const cipherText = `fake-cipher-${serial}-${Math.random().toString(36).slice(2, 10)}`;
    vault.set(cipherText, { method, lock: digest(password ?? '') });
    cipherTexts.push(cipherText);
    if (!wallet.pairs.has(method)) wallet.pairs.set(method, 'incomplete');
    return {
      cipherText,
      storageCallback: async () => {
        wallet.pairs.set(method, 'completed');
      },
    };
  }

  /**
   * A stand-in for eject: the backup must open with the password (407 otherwise, as the SDK
   * answers), and the keys are made up from the address (not real keys: this fake is not MPC).
   * Afterwards getClient reports `ejectedAt`.
   */
  function ejected(method: BackupMethod, configs: BackupConfigs | undefined, cipherText: string) {
    if (!wallet.exists) throw portalError({ code: 'CLIENT_NOT_FOUND', message: 'Client not found.' });
    const entry = cipherText
      ? vault.get(cipherText)
      : [...vault.values()].reverse().find((candidate) => candidate.method === method);
    if (cipherText && !entry) throw portalError({ code: 201, message: 'Failed to decode the cipherText' });
    if (!entry && wallet.pairs.get(method) !== 'completed') {
      throw portalError({ code: 113, message: `No ${method} backup to export` });
    }
    if (entry && entry.lock !== digest(configs?.passwordStorage?.password ?? '')) {
      throw portalError({ code: 407, message: 'Failed to decrypt the backup share' });
    }
    wallet.ejectedAt = new Date().toISOString();
    const key = (salt: string) =>
      Array.from({ length: 8 }, (_, i) => digest(`${salt}${i}${wallet.address}`).padStart(8, '0')).join('');
    return { SECP256K1: key('secp256k1'), ED25519: key('ed25519') };
  }

  function client(): ClientLike | null {
    if (!wallet.exists) return null;
    const pairs = [...wallet.pairs].map(([backupMethod, status], index) => ({
      id: `pair-${index}`,
      status,
      backupMethod,
      createdAt: new Date(0).toISOString(),
    }));
    return {
      id: 'fake-client',
      address: wallet.address,
      metadata: { namespaces: { eip155: { address: wallet.address, curve: 'SECP256K1' } } },
      environment: { backupWithPortalEnabled: false },
      ejectedAt: wallet.ejectedAt,
      wallets: [
        { id: 'wallet-secp256k1', curve: 'SECP256K1', backupSharePairs: pairs },
        { id: 'wallet-ed25519', curve: 'ED25519', backupSharePairs: pairs },
      ],
    };
  }

  const fake: FakePortal = {
    get ready() {
      return ready;
    },
    address: wallet.exists ? wallet.address : undefined,
    calls,
    notifications,
    cipherTexts,

    onReady(callback) {
      if (ready) {
        void callback();
        return () => {};
      }
      readyCallbacks.add(callback);
      return () => readyCallbacks.delete(callback);
    },

    onInitializationError(callback) {
      if (ready) return () => {};
      errorCallbacks.add(callback);
      return () => errorCallbacks.delete(callback);
    },

    becomeReady() {
      if (ready || initFailed) return;
      ready = true;
      for (const callback of [...readyCallbacks]) void callback();
      readyCallbacks.clear();
    },

    failInitialization(reason) {
      if (ready) return;
      initFailed = true;
      for (const callback of [...errorCallbacks]) void callback(reason);
    },

    script(kind, outcome) {
      scripts.set(kind, Array.isArray(outcome) ? [...outcome] : outcome);
    },

    count(kind, filter = {}) {
      return calls.filter(
        (c) => c.kind === kind && Object.entries(filter).every(([k, v]) => c[k as keyof FakeCall] === v),
      ).length;
    },

    createWallet(progress) {
      return perform({ kind: 'createWallet' }, async (holdAt) => {
        await report(progress, ['Generating share', 'Storing share', 'Done'], holdAt);
        wallet.exists = true;
        wallet.onDevice = true;
        fake.address = wallet.address;
        return wallet.address;
      });
    },

    backupWallet(backupMethod, progress, backupConfigs) {
      // The SDK checks the password before posting anything; so does the fake.
      if (backupMethod === 'PASSWORD') {
        try {
          checkPasswordConfig(backupConfigs);
        } catch (error) {
          calls.push({ kind: 'backupWallet', backupMethod });
          return Promise.reject(error);
        }
      }
      const password = backupConfigs?.passwordStorage?.password;
      return perform({ kind: 'backupWallet', backupMethod }, async (holdAt) => {
        await report(progress, progressSteps, holdAt);
        return makeBackup(backupMethod, password);
      });
    },

    recoverWallet(cipherText, backupMethod, backupConfigs, progress) {
      const password = backupConfigs?.passwordStorage?.password ?? '';
      return perform({ kind: 'recoverWallet', backupMethod }, async (holdAt) => {
        await report(progress, RECOVERY_PROGRESS.slice(0, 2), holdAt);
        const entry = vault.get(cipherText);
        if (!entry || entry.lock !== digest(password)) {
          throw portalError({ code: 407, message: 'Failed to decrypt the backup share' });
        }
        await report(progress, RECOVERY_PROGRESS.slice(2), holdAt);
        wallet.onDevice = true;
        fake.address = wallet.address;
        return wallet.address;
      });
    },

    storedClientBackupShare(success, backupMethod) {
      return perform({ kind: 'storedClientBackupShare', backupMethod, success }, async () => {
        notifications.push({ success, backupMethod });
        if (success) wallet.pairs.set(backupMethod, 'completed');
      });
    },

    getClient() {
      return perform({ kind: 'getClient' }, async () => client());
    },

    async availableRecoveryMethods() {
      const c = await fake.getClient!();
      const methods = new Set<string>();
      for (const w of c?.wallets ?? []) {
        for (const p of w.backupSharePairs ?? [])
          if (p.status === 'completed' && p.backupMethod) methods.add(p.backupMethod);
      }
      return [...methods];
    },

    async isWalletBackedUp() {
      return (await fake.availableRecoveryMethods!()).length > 0;
    },

    // Both ask getClient first in 3.4.1, so a scripted getClient outcome applies to them too.
    doesWalletExist() {
      return perform({ kind: 'getClient' }, () => wallet.exists);
    },

    isWalletOnDevice() {
      return perform({ kind: 'getClient' }, () => wallet.exists && wallet.onDevice);
    },

    eject(backupMethod, backupConfigs, _orgBackupShare = '', cipherText = '') {
      return perform({ kind: 'eject', backupMethod }, async () => ({
        SECP256K1: ejected(backupMethod, backupConfigs, cipherText).SECP256K1,
      }));
    },

    ejectPrivateKeys(backupMethod, backupConfigs, _orgBackupShares, cipherText = '') {
      return perform({ kind: 'eject', backupMethod }, async () => ejected(backupMethod, backupConfigs, cipherText));
    },

    clearLocalWallet() {
      return perform({ kind: 'clearLocalWallet' }, async () => {
        wallet.onDevice = false;
        return true;
      });
    },
  };

  if (options.seedPasskeyApi) {
    const keys = new Set<string>();
    fake.registerPasskey = (_options: PasskeyOptions) =>
      perform({ kind: 'registerPasskey' }, async () => ({ registered: true }));
    fake.generateBackupShare = (progress) =>
      perform({ kind: 'generateBackupShare' }, async (holdAt) => {
        await report(progress, progressSteps, holdAt);
        const encryptionKey = `fake-key-${Math.random().toString(36).slice(2, 12)}`;
        const { cipherText } = makeBackup('CUSTOM', encryptionKey);
        return { cipherText, encryptionKey };
      });
    fake.authenticatePasskeyAndWriteKey = (encryptionKey: string) =>
      perform({ kind: 'authenticatePasskeyAndWriteKey' }, async () => {
        keys.add(digest(encryptionKey));
      });
  }

  const readyMode = options.ready ?? 'immediate';
  if (readyMode === 'immediate') queueMicrotask(() => fake.becomeReady());
  else if (typeof readyMode === 'object' && 'afterMs' in readyMode)
    setTimeout(() => fake.becomeReady(), readyMode.afterMs);
  else if (typeof readyMode === 'object' && 'failWith' in readyMode) {
    const reason = readyMode.failWith;
    // Like the real iframe, the failure arrives after a turn of the event loop, not at once.
    setTimeout(() => fake.failInitialization(reason), 0);
  }
  return fake;
}

/** The shape @portal-hq/web's PortalMpcError has: an Error with a code. */
function portalError(error: { code: number | string; message: string }): Error & { code: number | string } {
  return Object.assign(new Error(error.message), { code: error.code });
}

/** FNV-1a: enough to tell passwords apart inside a fake, and not the password itself. */
function digest(value: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
