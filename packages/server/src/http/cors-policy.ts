import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { DEV_USER_HEADER } from '../defaults.js';
import type { CorsOptions } from '../router-options.js';

// The playground and Storybook run on some localhost port; any of them may call in development.
const LOCAL_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export const developmentCors: CorsOptions = { origins: (origin) => LOCAL_ORIGIN.test(origin) };

/** Cross-origin access for the user routes only: webhooks are called server to server. */
export function corsPolicy(options: CorsOptions): MiddlewareHandler {
  const { origins } = options;
  const allowed = typeof origins === 'function' ? origins : (origin: string) => origins.includes(origin);
  return cors({
    origin: (origin) => (origin && allowed(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', DEV_USER_HEADER],
    maxAge: 600,
  });
}
