import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { BackupMethod, MpcStatusName, PortalTimeouts } from '@backup-kit/core';
import { getPortalFacade } from '@backup-kit/core/portal';
import {
  createFakePortal,
  memoryStorage,
  type FakeOutcome,
  type FakePortal,
  type FakePortalOptions,
  type MemoryStorage,
  type StorageOutcome,
} from '@backup-kit/core/testing';
import type { ArgTypes } from '@storybook/react-vite';
import { splitProps } from '../hooks/use-flow-store.js';
import { portalArgTypes, portalReadiness } from './scenario.js';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';

/** The password the fake wallet's PASSWORD backup was made with. Typed by play functions, never an arg. */
export const WALLET_PASSWORD = 'correct horse battery staple';

export const RECOVERY_PROGRESS: MpcStatusName[] = [
  'Reading share',
  'Decrypting share',
  'Recovering backup share',
  'Recovering signing share',
  'Done',
];

/**
 * A wallet that was backed up, for the RecoverWallet and BackupStatus stories: which backups it
 * has, where reading the status or recovering stops (hold) or fails, how long each call takes.
 */
export interface WalletScenarioArgs {
  /** Portal itself: ready, still connecting, never ready in time, or refusing to start. */
  portalState: 'ready' | 'connecting' | 'not-ready' | 'init-failed';
  /** Delay of each fake call and storage read, in ms. */
  latencyMs: number;
  /** The wallet's completed backups (self-managed: the encrypted shares are in the story's storage). */
  backedUpWith: BackupMethod[];
  /** The step that never finishes, to hold the component in that state. */
  holdAt: 'nowhere' | 'loading' | 'fetching' | 'starting' | MpcStatusName;
  /** The step that fails (once: a retry then succeeds). */
  failAt: 'nowhere' | 'loading' | 'fetching' | 'recovering';
}

export const defaultWalletScenario: WalletScenarioArgs = {
  portalState: 'ready',
  latencyMs: 0,
  backedUpWith: ['PASSWORD', 'GDRIVE'],
  holdAt: 'nowhere',
  failAt: 'nowhere',
};

const KEYS = Object.keys(defaultWalletScenario) as Array<keyof WalletScenarioArgs>;
const CATEGORY = { category: 'Scenario (fake Portal)' };

export const walletScenarioArgTypes: Partial<ArgTypes<WalletScenarioArgs>> = {
  ...portalArgTypes,
  backedUpWith: { control: 'check', options: ['PASSWORD', 'GDRIVE', 'PASSKEY', 'CUSTOM'], table: CATEGORY },
  holdAt: {
    control: 'select',
    options: ['nowhere', 'loading', 'fetching', 'starting', ...RECOVERY_PROGRESS],
    table: CATEGORY,
  },
  failAt: { control: 'select', options: ['nowhere', 'loading', 'fetching', 'recovering'], table: CATEGORY },
};

/** Splits a story's args into the scenario and the component's own props. */
export function splitWalletScenario<A extends WalletScenarioArgs>(
  args: A,
): [WalletScenarioArgs, Omit<A, keyof WalletScenarioArgs>] {
  return splitProps(args, KEYS);
}

/** An in-memory storage whose reads can be held or failed, holding what the seeding saved. */
export type ScenarioStorage = MemoryStorage;

export interface BuiltWalletScenario {
  portal: FakePortal;
  storage: ScenarioStorage;
  timeouts: PortalTimeouts;
  /** Settles once every backup in `backedUpWith` exists and is stored. */
  seeded: Promise<void>;
}

export function buildWalletScenario(args: WalletScenarioArgs): BuiltWalletScenario {
  const failures: FakePortalOptions['failures'] = {};
  if (args.holdAt === 'loading') failures.getClient = 'hang';
  if (args.failAt === 'loading') failures.getClient = [{ error: { code: 500, message: 'network' } }];
  if (args.holdAt === 'starting') failures.recoverWallet = 'hang';
  if ((RECOVERY_PROGRESS as string[]).includes(args.holdAt)) {
    failures.recoverWallet = { hangAfter: args.holdAt as MpcStatusName } satisfies FakeOutcome;
  }
  if (args.failAt === 'recovering') failures.recoverWallet = [{ error: { code: 500, message: 'MPC recovery failed' } }];

  const { ready, timeouts } = portalReadiness(args.portalState);
  const portal = createFakePortal({
    latencyMs: args.latencyMs,
    failures,
    wallet: { backedUpWith: args.backedUpWith },
    // Seeding makes its backups side by side; the kit queues its own calls anyway.
    sharedReplies: false,
    ready,
  });
  const loads: StorageOutcome[] = [];
  if (args.holdAt === 'fetching') loads.push('hang');
  if (args.failAt === 'fetching') loads.push({ throw: new Error('HTTP 503 from the backup server') });
  const storage = memoryStorage({ latencyMs: args.latencyMs, loads });

  // The fake only recovers cipherTexts it made, so make each backup through it first.
  const seeded = Promise.all(
    args.backedUpWith.map(async (method) => {
      const configs = method === 'PASSWORD' ? { passwordStorage: { password: WALLET_PASSWORD } } : undefined;
      const { cipherText } = await portal.backupWallet(method, undefined, configs);
      await storage.save({ backupMethod: method, cipherText, signal: new AbortController().signal });
    }),
  ).then(() => {});

  // Watch Portal at once, as the provider would: an init failure during seeding is only said once.
  getPortalFacade(portal, timeouts);
  return { portal, storage, timeouts, seeded };
}

let current: BuiltWalletScenario | undefined;

/** The fake Portal and storage of the wallet story on screen, for play functions. */
export function currentWalletScenario(): BuiltWalletScenario {
  if (!current) throw new Error('No wallet scenario rendered yet.');
  return current;
}

/**
 * Makes the wallet's backups on a fake Portal, then renders a BackupKitProvider over it. A change
 * of scenario args builds a new Portal and remounts everything below.
 */
export function WalletScenario(props: {
  args: WalletScenarioArgs;
  children: (storage: ScenarioStorage, portal: FakePortal) => ReactNode;
}) {
  const key = JSON.stringify(props.args);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialized args are the identity
  const scenario = useMemo(() => buildWalletScenario(props.args), [key]);
  const [seeded, setSeeded] = useState<BuiltWalletScenario | null>(null);
  useEffect(() => {
    current = scenario;
    let live = true;
    void scenario.seeded.then(() => live && setSeeded(scenario));
    return () => {
      live = false;
    };
  }, [scenario]);
  if (seeded !== scenario) return <p>Preparing the fake wallet…</p>;
  return (
    <BackupKitProvider key={key} portal={scenario.portal} timeouts={scenario.timeouts}>
      {props.children(scenario.storage, scenario.portal)}
    </BackupKitProvider>
  );
}
