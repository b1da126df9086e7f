/**
 * An error answer: `{ error, message, field? }`. Messages name what is wrong and never quote
 * the request, so a share or cipherText cannot come back in an error.
 */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toResponse(): Response {
    const body = { error: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) };
    return Response.json(body, { status: this.status, headers: { 'Cache-Control': 'no-store', ...this.headers } });
  }
}
