import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { hostOfHeader, isLoopbackHost } from './loopback.js';
import { HttpProblem } from './problem.js';

/**
 * Development mode trusts a header anyone can send, so it answers only requests addressed to
 * a loopback name. A page on any site can point its own DNS name at 127.0.0.1 (DNS
 * rebinding) and then call a dev server on the developer's machine as same-origin; its
 * requests carry that name in Host, and get 403 here (as Vite answers a host it does not allow).
 */
export function loopbackHostOnly(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const host = hostOfHeader(header);
    if (!host || !isLoopbackHost(host)) {
      throw new HttpProblem(
        403,
        'host_not_allowed',
        'development mode answers only requests addressed to localhost, 127.0.0.1 or [::1]',
      );
    }
    await next();
  };
}
