import type { ClientSnapshot, LogEntry, RunningEmulator } from '../../src/index.js';

/** The emulator's view of the client a Portal was configured with. */
export function clientWithApiKey(emulator: RunningEmulator, apiKey: string): ClientSnapshot {
  const client = emulator.control.state().clients.find((candidate) => candidate.apiKey === apiKey);
  if (!client) throw new Error('The emulator has no client for this apiKey');
  return client;
}

export const silentLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** A logger that keeps every line, so a test can search them for secrets. */
export function capturingLogger() {
  const lines: string[] = [];
  const keep = (line: string) => void lines.push(line);
  return { lines, logger: { info: keep, warn: keep, error: keep } };
}

/** The messages the emulator's iframe received from the Portal configured with this apiKey. */
export function messagesFrom(emulator: RunningEmulator, apiKey: string): LogEntry[] {
  return emulator.control.state().log.filter((entry) => entry.apiKey === apiKey);
}
