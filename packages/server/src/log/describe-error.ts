/** What a log line may say about an error: never its query parameters or a request body. */
export interface ErrorDescription {
  name: string;
  message: string;
  code?: string;
  /** SQL text of a failed query (the statement, without its parameters). */
  query?: string;
}

/**
 * Drizzle wraps driver errors in a DrizzleQueryError whose message lists the query parameters,
 * i.e. the cipherText or share being written. Describe its cause instead and keep only the
 * statement text.
 */
export function describeError(error: unknown): ErrorDescription {
  if (!(error instanceof Error)) return { name: 'NonError', message: typeof error };
  if ('query' in error && 'params' in error) {
    const cause =
      error.cause instanceof Error ? describeError(error.cause) : { name: 'QueryError', message: 'query failed' };
    return { ...cause, query: String(error.query) };
  }
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code ? { name: error.name, message: error.message, code } : { name: error.name, message: error.message };
}
