import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * An answer sent before the request body has fully arrived (413, 401, 415, 429...) says
 * `Connection: close`, and Node closes the connection once the answer is out. Without it the
 * adapter drains the rest for a moment and then drops the socket, and a keep-alive client
 * (undici, browsers) that reuses it gets a socket error on its *next* request.
 */
export function closeUnreadConnections(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const incoming = c.env?.incoming;
    if (!incoming || incoming.complete) return;
    try {
      c.res.headers.set('Connection', 'close');
    } catch {
      // Headers of a Response that came from fetch() are immutable: answer with a copy.
      const copy = new Response(c.res.body, c.res);
      copy.headers.set('Connection', 'close');
      c.res = copy;
    }
  };
}
