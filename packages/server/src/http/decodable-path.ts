import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

/**
 * 400 for a path whose percent-encoding is not UTF-8 (`%ED%A0%80`, `%FF`, `%E0%A4`). Hono
 * leaves such a sequence undecoded, so an id would otherwise be taken literally as `%FF`.
 */
export function decodablePath(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { pathname } = new URL(c.req.url);
    for (const segment of pathname.split('/')) {
      try {
        decodeURIComponent(segment);
      } catch {
        throw new HttpProblem(400, 'invalid_request', 'path is not valid percent-encoded UTF-8', 'path');
      }
    }
    await next();
  };
}
