/** Where the emulator writes what it does. Nothing it logs ever holds a share, cipherText, password or key. */
export interface EmulatorLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const consoleLogger: EmulatorLogger = {
  info: (message) => console.info(`[backup-kit-emulator] ${message}`),
  warn: (message) => console.warn(`[backup-kit-emulator] ${message}`),
  error: (message) => console.error(`[backup-kit-emulator] ${message}`),
};
