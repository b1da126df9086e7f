import type { MiddlewareHandler } from 'hono';
import { DEV_USER_HEADER } from '../defaults.js';
import type { Authorize, Caller } from '../router-options.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';
import { userIdParam } from './request-schemas.js';
import { validated } from './validated.js';

/**
 * Lets a request through only for the caller who owns :userId. The caller comes from the
 * `authorize` hook; in development without one, from the X-Backup-Kit-User header.
 */
export function identifyCaller(authorize: Authorize | undefined): MiddlewareHandler<AppEnv> {
  const identify = authorize ?? developmentHeaderIdentity;
  return async (c, next) => {
    const userId = validated(userIdParam, c.req.param('userId'), 'userId');
    const caller = await identify(c.req.raw, { nodeRequest: c.env?.incoming });
    if (!caller) {
      const how = authorize
        ? 'this request carries no valid identity'
        : `send the ${DEV_USER_HEADER} header (development mode)`;
      throw new HttpProblem(401, 'unauthenticated', how);
    }
    if (caller.userId !== userId) {
      throw new HttpProblem(403, 'forbidden', 'a caller may only use their own backup shares');
    }
    c.set('caller', caller);
    await next();
  };
}

function developmentHeaderIdentity(request: Request): Caller | null {
  const userId = request.headers.get(DEV_USER_HEADER);
  return userId ? { userId } : null;
}
