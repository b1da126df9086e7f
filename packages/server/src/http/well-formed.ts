// A lone UTF-16 surrogate cannot be encoded as UTF-8: Postgres would store U+FFFD in its place
// (a silently corrupt backup), and an id would no longer match its own stored row.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed UTF-16 (what `String.prototype.isWellFormed` answers). */
export const isWellFormed = (value: string): boolean => !LONE_SURROGATE.test(value);

/** The body as text, or undefined when its bytes are not valid UTF-8 (never replaced by U+FFFD). */
export function decodeUtf8(bytes: ArrayBuffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}
