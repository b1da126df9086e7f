import { useEffect, useMemo, type ReactNode } from 'react';
import type { BackupStorage, MpcStatusName, PortalTimeouts } from '@backup-kit/core';
import {
  createFakePortal,
  DEFAULT_BACKUP_PROGRESS,
  memoryStorage,
  type FakeOutcome,
  type FakePortal,
  type FakePortalOptions,
  type MemoryStorage,
  type MemoryStorageOptions,
} from '@backup-kit/core/testing';
import type { ArgTypes } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { splitProps } from '../hooks/use-flow-store.js';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';

/**
 * How the fake Portal and storage behave in a story. Every story sets these as args, so a
 * designer can change them in the Controls panel: where the run stops (hold), where it fails,
 * how long each call takes, which MPC statuses Portal reports.
 */
export interface ScenarioArgs {
  /** Portal itself: ready, still connecting, never ready in time, or refusing to start. */
  portalState: 'ready' | 'connecting' | 'not-ready' | 'init-failed';
  /** Delay of each fake call, in ms (also spaces the MPC statuses). */
  latencyMs: number;
  /** The MPC statuses Portal reports during the backup. */
  progress: MpcStatusName[];
  /** The step that never finishes, to hold the component in that state. */
  holdAt: 'nowhere' | 'starting' | MpcStatusName | 'registering' | 'storing' | 'notifying';
  /** The step that fails (once: a retry then succeeds). */
  failAt: 'nowhere' | 'backing-up' | 'registering' | 'passkey-prompt' | 'storing' | 'notifying';
  /** Self-managed: the app stores the encrypted share (memoryStorage here). Portal-managed: Portal keeps it. */
  storageMode: 'self-managed' | 'portal-managed';
  /** Offer the seed's newer passkey API (registerPasskey...), which adds the registering state. */
  seedPasskeyApi: boolean;
  /** Start the backup as the story opens (no typing or clicks), to see where it holds or fails. */
  startOnOpen: boolean;
}

export const defaultScenario: ScenarioArgs = {
  portalState: 'ready',
  latencyMs: 400,
  progress: DEFAULT_BACKUP_PROGRESS,
  holdAt: 'nowhere',
  failAt: 'nowhere',
  storageMode: 'self-managed',
  seedPasskeyApi: false,
  startOnOpen: false,
};

const SCENARIO_KEYS = Object.keys(defaultScenario) as Array<keyof ScenarioArgs>;

/** Portal's own state, and each call's latency: the same controls in every scenario. */
export const portalArgTypes = {
  portalState: {
    control: 'inline-radio',
    options: ['ready', 'connecting', 'not-ready', 'init-failed'],
    table: { category: 'Scenario (fake Portal)' },
  },
  latencyMs: {
    control: { type: 'range', min: 0, max: 3000, step: 100 },
    table: { category: 'Scenario (fake Portal)' },
  },
} satisfies Partial<ArgTypes<Pick<ScenarioArgs, 'portalState' | 'latencyMs'>>>;

/** The fake Portal's readiness and the provider's time limit for a `portalState`. */
export function portalReadiness(portalState: ScenarioArgs['portalState']): {
  ready: FakePortalOptions['ready'];
  timeouts: PortalTimeouts;
} {
  return {
    ready:
      portalState === 'ready'
        ? 'immediate'
        : portalState === 'init-failed'
          ? { failWith: { code: 202, message: 'Invalid API key' } }
          : 'never',
    // 'connecting' waits forever (0 = no limit); 'not-ready' gives up quickly to show the error.
    timeouts: { readyMs: portalState === 'not-ready' ? 300 : 0 },
  };
}

export const scenarioArgTypes: Partial<ArgTypes<ScenarioArgs>> = {
  ...portalArgTypes,
  progress: { control: 'check', options: DEFAULT_BACKUP_PROGRESS, table: { category: 'Scenario (fake Portal)' } },
  holdAt: {
    control: 'select',
    options: ['nowhere', 'starting', ...DEFAULT_BACKUP_PROGRESS, 'registering', 'storing', 'notifying'],
    table: { category: 'Scenario (fake Portal)' },
  },
  failAt: {
    control: 'select',
    options: ['nowhere', 'backing-up', 'registering', 'passkey-prompt', 'storing', 'notifying'],
    table: { category: 'Scenario (fake Portal)' },
  },
  storageMode: {
    control: 'inline-radio',
    options: ['self-managed', 'portal-managed'],
    table: { category: 'Scenario (fake Portal)' },
  },
  seedPasskeyApi: { control: 'boolean', table: { category: 'Scenario (fake Portal)' } },
  startOnOpen: { control: 'boolean', table: { category: 'Scenario (fake Portal)' } },
};

/**
 * A spy per backup callback, for a story's args: they show in the Actions panel. Only callbacks
 * that never carry a secret exist, and the "secrets" stories check the log holds none.
 */
export const backupCallbackArgs = () => ({
  onProgress: fn(),
  onStored: fn(),
  onStoreFailed: fn(),
  onSuccess: fn(),
  onError: fn(),
});

export interface BuiltScenario {
  portal: FakePortal;
  storage: MemoryStorage | undefined;
  timeouts: PortalTimeouts;
}

/** Splits a story's args into the scenario and the component's own props. */
export function splitScenario<A extends ScenarioArgs>(args: A): [ScenarioArgs, Omit<A, keyof ScenarioArgs>] {
  return splitProps(args, SCENARIO_KEYS);
}

export function buildScenario(args: ScenarioArgs): BuiltScenario {
  const failures: FakePortalOptions['failures'] = {};
  const fail = (message: string): FakeOutcome[] => [{ error: { code: 500, message } }];
  const cancelled: FakeOutcome = {
    throw: new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
  };

  if (args.failAt === 'backing-up') {
    failures.backupWallet = fail('MPC backup failed');
    failures.generateBackupShare = fail('MPC backup failed');
  }
  if (args.failAt === 'registering') failures.registerPasskey = fail('Passkey registration failed');
  if (args.failAt === 'passkey-prompt') {
    if (args.seedPasskeyApi) failures.registerPasskey = [cancelled];
    else failures.backupWallet = [cancelled];
  }
  if (args.failAt === 'notifying') failures.storedClientBackupShare = fail('Portal did not answer');
  if (args.holdAt === 'starting') {
    failures.backupWallet = 'hang';
    failures.generateBackupShare = 'hang';
  }
  if (args.holdAt === 'registering') failures.registerPasskey = 'hang';
  if (args.holdAt === 'notifying') failures.storedClientBackupShare = 'hang';

  const { ready, timeouts } = portalReadiness(args.portalState);
  const portal = createFakePortal({
    latencyMs: args.latencyMs,
    progress: args.progress,
    failures,
    seedPasskeyApi: args.seedPasskeyApi,
    ready,
  });
  if ((DEFAULT_BACKUP_PROGRESS as string[]).includes(args.holdAt)) {
    holdAtStatus(portal, args.progress, args.holdAt as MpcStatusName);
  }

  const saves: NonNullable<MemoryStorageOptions['saves']> = [];
  if (args.holdAt === 'storing') saves.push('hang');
  if (args.failAt === 'storing') saves.push({ throw: new Error('HTTP 503 from the backup server') });
  const storage = args.storageMode === 'self-managed' ? memoryStorage({ latencyMs: args.latencyMs, saves }) : undefined;
  return { portal, storage, timeouts };
}

/**
 * Holds the backup on one MPC status. The fake reports statuses only on a call that settles, so
 * here the backup reports the statuses up to this one, then never settles.
 */
function holdAtStatus(portal: FakePortal, progress: MpcStatusName[], hold: MpcStatusName) {
  const index = progress.indexOf(hold);
  const steps = index >= 0 ? progress.slice(0, index + 1) : [hold];
  const held = (report?: (status: { status: string; done: boolean }) => unknown) => {
    for (const status of steps) void report?.({ status, done: status === 'Done' });
    return new Promise<never>(() => {});
  };
  portal.backupWallet = (_method, report) => held(report);
  if (portal.generateBackupShare) portal.generateBackupShare = (report) => held(report);
}

let current: BuiltScenario | undefined;

/** The fake Portal and storage of the story on screen, for play functions. */
export function currentScenario(): BuiltScenario {
  if (!current) throw new Error('No scenario rendered yet.');
  return current;
}

/**
 * Renders a BackupKitProvider over the scenario's fake Portal. A change of scenario args builds
 * a new Portal and remounts everything below, so each control change starts from scratch.
 */
export function Scenario(props: { args: ScenarioArgs; children: (storage: BackupStorage | undefined) => ReactNode }) {
  const key = JSON.stringify(props.args);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialized args are the identity
  const scenario = useMemo(() => buildScenario(props.args), [key]);
  useEffect(() => {
    current = scenario;
  }, [scenario]);
  return (
    <BackupKitProvider key={key} portal={scenario.portal} timeouts={scenario.timeouts}>
      {props.children(scenario.storage)}
    </BackupKitProvider>
  );
}
