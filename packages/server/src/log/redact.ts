import type { LogFields } from './logger.js';

export const REDACTED = '[redacted]';

// Compared after lower-casing and dropping '-' and '_', so `cipher_text`, `X-Webhook-Secret`
// and `cipherText` all match.
const SECRET_KEYS = new Set([
  'ciphertext',
  'share',
  'sealedshare',
  'password',
  'secret',
  'webhooksecret',
  'xwebhooksecret',
  'authorization',
  'cookie',
  'datakey',
  'wrappeddatakey',
  'wrappedkey',
  'key',
  'token',
  'sealedkey',
  'prf',
  'prfoutput',
  'clientextensionresults',
]);

const isSecretKey = (key: string) => SECRET_KEYS.has(key.toLowerCase().replace(/[-_]/g, ''));

/**
 * A deep copy of `fields` with the value of every secret-looking key replaced by "[redacted]".
 * Errors become `{ name, message }` only; callers that log errors should use `describeError`,
 * which also drops messages that can carry query parameters.
 */
export function redact(fields: LogFields): LogFields {
  return redactValue(fields, new WeakSet()) as LogFields;
}

function redactValue(value: unknown, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value)) return REDACTED; // raw bytes are key or share material here
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redactValue(inner, seen);
  }
  return copy;
}
