import type { AppliedFault, FaultEffect, FaultSpec } from '../protocol/faults.js';
import { ErrorCodes } from '../protocol/portal-error-codes.js';
import { MESSAGE_KINDS, type MessageKind } from '../protocol/sdk-message-types.js';
import { newId } from './ids.js';

export interface PendingFault {
  id: string;
  kind: MessageKind;
  effect: FaultEffect;
  code: number | string;
  message: string;
  latencyMs: number;
  remaining: number;
  apiKey: string | null;
}

/** Kinds the SDK awaits without an error listener: they can be delayed or left hanging, not failed. */
const KINDS_WITHOUT_ERROR_REPLY: ReadonlySet<MessageKind> = new Set<MessageKind>(['address', 'destroy']);

/** A class so the control API can tell a bad spec (400) from a failure (`instanceof`). */
export class FaultSpecError extends Error {}

function validated(spec: FaultSpec): PendingFault {
  if (typeof spec !== 'object' || spec === null) throw new FaultSpecError('A fault must be an object');
  if (!MESSAGE_KINDS.includes(spec.kind)) {
    throw new FaultSpecError(`Unknown fault kind ${JSON.stringify(spec.kind)}; one of: ${MESSAGE_KINDS.join(', ')}`);
  }
  const latencyMs = spec.latencyMs ?? 0;
  if (!Number.isFinite(latencyMs) || latencyMs < 0) throw new FaultSpecError('latencyMs must be a number ≥ 0');
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw new FaultSpecError('times must be an integer ≥ 1');
  const onlyLatency = spec.code === undefined && spec.message === undefined && spec.latencyMs !== undefined;
  const effect = spec.effect ?? (onlyLatency ? 'delay' : 'error');
  if (!['error', 'hang', 'delay'].includes(effect))
    throw new FaultSpecError(`Unknown effect ${JSON.stringify(effect)}`);
  if (effect === 'error' && KINDS_WITHOUT_ERROR_REPLY.has(spec.kind)) {
    throw new FaultSpecError(`The SDK has no error reply for '${spec.kind}': use effect 'hang' or 'delay'`);
  }
  if (spec.code !== undefined && typeof spec.code !== 'number' && typeof spec.code !== 'string') {
    throw new FaultSpecError('code must be a number or a string');
  }
  if (spec.apiKey !== undefined && typeof spec.apiKey !== 'string') throw new FaultSpecError('apiKey must be a string');
  return {
    id: newId('fault'),
    kind: spec.kind,
    effect,
    code: spec.code ?? ErrorCodes.Unknown,
    message: typeof spec.message === 'string' ? spec.message : `Injected fault on '${spec.kind}' (Backup Kit emulator)`,
    latencyMs,
    remaining: times,
    apiKey: spec.apiKey ?? null,
  };
}

/** Faults wait here until a matching call takes them, oldest first. */
export interface FaultQueue {
  add(spec: FaultSpec): PendingFault;
  /** Takes one use of the oldest fault for this kind that applies to this client. */
  take(kind: MessageKind, apiKey: string | null): AppliedFault | null;
  list(): PendingFault[];
  clear(): void;
}

export function createFaultQueue(): FaultQueue {
  let pending: PendingFault[] = [];
  return {
    add(spec) {
      const fault = validated(spec);
      pending.push(fault);
      return { ...fault };
    },
    take(kind, apiKey) {
      const fault = pending.find(
        (candidate) => candidate.kind === kind && (candidate.apiKey === null || candidate.apiKey === apiKey),
      );
      if (!fault) return null;
      fault.remaining -= 1;
      if (fault.remaining === 0) pending = pending.filter((candidate) => candidate !== fault);
      return { effect: fault.effect, code: fault.code, message: fault.message, latencyMs: fault.latencyMs };
    },
    list: () => pending.map((fault) => ({ ...fault })),
    clear() {
      pending = [];
    },
  };
}
