import { redact } from './redact.js';

export type LogFields = Record<string, unknown>;

/**
 * The logger the server writes to. The (fields, message) order matches pino, so a pino logger
 * can be passed as it is. Whatever logger is given, the server wraps it with `redactingLogger`.
 */
export interface Logger {
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

type Level = 'info' | 'warn' | 'error';

/** One JSON object per line on stderr: what log collectors read without configuration. */
export function createJsonLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: Level) => (fields: LogFields, message: string) => {
    write(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields }));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** Passes every entry through `redact` first, so no share, cipherText or secret reaches `inner`. */
export function redactingLogger(inner: Logger): Logger {
  return {
    info: (fields, message) => inner.info(redact(fields), message),
    warn: (fields, message) => inner.warn(redact(fields), message),
    error: (fields, message) => inner.error(redact(fields), message),
  };
}

/** For callers who want the server quiet (tests, embedding apps with their own request logs). */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
