import type { ClientSnapshot, LogEntry, RunningEmulator } from '../../src/index.js';

/** The emulator's view of the client a Portal was configured with. */
export function clientWithApiKey(emulator: RunningEmulator, apiKey: string): ClientSnapshot {
  const client = emulator.control.state().clients.find((candidate) => candidate.apiKey === apiKey);
  if (!client) throw new Error('The emulator has no client for this apiKey');
  return client;
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The messages the emulator's iframe received from the Portal configured with this apiKey. */
export function messagesFrom(emulator: RunningEmulator, apiKey: string): LogEntry[] {
  return emulator.control.state().log.filter((entry) => entry.apiKey === apiKey);
}
