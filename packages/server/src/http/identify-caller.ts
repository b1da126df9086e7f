import type { MiddlewareHandler } from 'hono';
import { DEV_USER_HEADER } from '../defaults.js';
import type { Authorize, Caller } from '../router-options.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';
import { type RouteRateLimit, failedAuthentication } from './rate-limited.js';
import { userIdParam } from './request-schemas.js';
import { validated } from './validated.js';

/**
 * Lets a request through only for the caller who owns :userId. The caller comes from the
 * `authorize` hook; in development without one, from the X-Backup-Kit-User header.
 */
export function identifyCaller(
  authorize: Authorize | undefined,
  rateLimit: RouteRateLimit | false = false,
): MiddlewareHandler<AppEnv> {
  const identify = authorize ?? developmentHeaderIdentity;
  return async (c, next) => {
    const userId = validated(userIdParam, c.req.param('userId'), 'userId');
    const caller = await identify(c.req.raw, { nodeRequest: c.env?.incoming });
    // A refused identity, or a caller reaching for someone else's share, counts against the
    // address as a failure: never against the users who do sign in.
    const refuse = (problem: HttpProblem) =>
      rateLimit ? failedAuthentication(c, rateLimit, 'users', problem) : Promise.reject(problem);
    if (!caller) {
      const how = authorize
        ? 'this request carries no valid identity'
        : `send the ${DEV_USER_HEADER} header (development mode)`;
      return refuse(new HttpProblem(401, 'unauthenticated', how));
    }
    if (caller.userId !== userId) {
      return refuse(new HttpProblem(403, 'forbidden', 'a caller may only use their own backup shares'));
    }
    c.set('caller', caller);
    await next();
  };
}

function developmentHeaderIdentity(request: Request): Caller | null {
  const userId = request.headers.get(DEV_USER_HEADER);
  return userId ? { userId } : null;
}
