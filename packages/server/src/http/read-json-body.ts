import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpProblem } from './problem.js';
import { validated } from './validated.js';
import { decodeUtf8 } from './well-formed.js';

export interface ReadJsonBodyOptions {
  /**
   * Refuse bodies not labelled application/json (415). Browsers may send text/plain across
   * origins without a CORS preflight; requiring JSON makes every cross-origin write preflighted.
   */
  requireJsonContentType: boolean;
}

/**
 * Parses and validates a JSON body. Runs after the body-limit middleware, which has already
 * read the body within its limit while it streamed in.
 */
export async function readJsonBody<T extends z.ZodType>(
  c: Context,
  schema: T,
  options: ReadJsonBodyOptions,
): Promise<z.infer<T>> {
  if (options.requireJsonContentType && !isJson(c.req.header('content-type'))) {
    throw new HttpProblem(
      415,
      'unsupported_media_type',
      'the request body must be JSON (Content-Type: application/json)',
    );
  }
  // Decoded strictly: bytes that are not UTF-8 would otherwise become U+FFFD in what is stored.
  const text = decodeUtf8(await c.req.arrayBuffer());
  if (text === undefined) throw new HttpProblem(400, 'invalid_encoding', 'the request body must be UTF-8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // JSON.parse quotes the text it failed on: never pass its message on.
    throw new HttpProblem(400, 'invalid_json', 'the request body is not valid JSON');
  }
  return validated(schema, body);
}

const isJson = (contentType: string | undefined) =>
  contentType !== undefined && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(contentType.trim());
