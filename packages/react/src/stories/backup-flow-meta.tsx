import type { ComponentType } from 'react';
import type { BackupStorage } from '@backup-kit/core';
import {
  backupCallbackArgs,
  defaultScenario,
  Scenario,
  scenarioArgTypes,
  splitScenario,
  type ScenarioArgs,
} from './scenario.js';

/** A prop no control can set (an object, a function, an element): out of the Controls panel. */
export const NO_CONTROL = { control: false, table: { disable: true } } as const;

type Storage = { storage?: BackupStorage | undefined };

/**
 * What the metas of the backup flows (BackupButton, PasswordBackup, PasskeySetup) share: the
 * scenario's args and controls, the flow's labels, `disabled` and callbacks, and a render that
 * shows the drop-in over the scenario, or the flow already started (`startOnOpen`) so a state
 * story opens in the state its scenario holds or fails at. `props` turns the story's own args
 * into the component's props.
 */
export function backupFlowMeta<A extends ScenarioArgs, P extends Storage>(options: {
  DropIn: ComponentType<P>;
  Started: ComponentType<P>;
  props?: (args: Omit<A, keyof ScenarioArgs>, storage: BackupStorage | undefined) => P;
}) {
  const { DropIn, Started, props = (args) => args as unknown as P } = options;
  return {
    args: { ...defaultScenario, disabled: false, labels: {}, ...backupCallbackArgs() },
    argTypes: { ...scenarioArgTypes, labels: { control: 'object' }, storage: NO_CONTROL, portal: NO_CONTROL },
    render: (args: A) => {
      const [scenario, rest] = splitScenario(args);
      const Flow = scenario.startOnOpen ? Started : DropIn;
      return <Scenario args={scenario}>{(storage) => <Flow {...props(rest, storage)} storage={storage} />}</Scenario>;
    },
  } as const;
}
