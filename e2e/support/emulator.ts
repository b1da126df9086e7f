import type { LogEntry, RunningEmulator } from '@backup-kit/emulator';

/** The messages one user's Portal sent to the emulator's iframe, of one type (e.g. 'portal:wasm:backup'). */
export function messages(emulator: RunningEmulator, apiKey: string, type: string): LogEntry[] {
  return emulator.control.state().log.filter((entry) => entry.apiKey === apiKey && entry.type === type);
}

/** How many MPC backups the user's Portal ran. */
export const backupsRun = (emulator: RunningEmulator, apiKey: string) =>
  messages(emulator, apiKey, 'portal:wasm:backup').length;

/** The verdicts Portal received through storedClientBackupShare, oldest first. */
export const storedVerdicts = (emulator: RunningEmulator, apiKey: string) =>
  messages(emulator, apiKey, 'portal:storedClientBackupShare').map((entry) => ({
    success: entry.details.success,
    backupMethod: entry.details.backupMethod,
  }));

/** The emulator's view of one user: wallets, backup pairs, custodian shares (never a secret). */
export function client(emulator: RunningEmulator, apiKey: string) {
  const found = emulator.control.state().clients.find((c) => c.apiKey === apiKey);
  if (!found) throw new Error(`the emulator has no client for ${apiKey}`);
  return found;
}

/** Backup pairs of the user's wallets that Portal counts as backed up. */
export function completedMethods(emulator: RunningEmulator, apiKey: string): string[] {
  const methods = new Set<string>();
  for (const wallet of client(emulator, apiKey).wallets) {
    for (const pair of wallet.backupSharePairs) if (pair.status === 'completed') methods.add(pair.backupMethod);
  }
  return [...methods];
}
