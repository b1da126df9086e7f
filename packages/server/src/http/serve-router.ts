import type { IncomingMessage, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import { describeError } from '../log/describe-error.js';
import type { Logger } from '../log/logger.js';
import type { AppEnv } from './app-env.js';
import { HttpProblem } from './problem.js';

export interface ServedRouter {
  /** Web-standard handler (Request in, Response out). */
  readonly fetch: (request: Request) => Promise<Response>;
  /** A node:http listener: `http.createServer(listener)` or `expressApp.use('/prefix', listener)`. */
  readonly requestListener: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
}

/**
 * What every router does around its route modules: JSON 404s, HttpProblems as their answers,
 * anything else as a logged 500 that says nothing about the request, and the handlers to serve
 * the app with.
 */
export function serveRouter(app: Hono<AppEnv>, logger: Logger): ServedRouter {
  app.notFound(() => new HttpProblem(404, 'not_found', 'no such route').toResponse());
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return error.toResponse();
    if (c.req.raw.signal.aborted) {
      logger.info({ err: describeError(error) }, 'client went away before the request was read');
    } else {
      logger.error({ err: describeError(error) }, 'request failed');
    }
    return new HttpProblem(500, 'internal_error', 'internal server error').toResponse();
  });

  const requestListener = getRequestListener(app.fetch, {
    // Leave the embedding application's global Request/Response alone.
    overrideGlobalObjects: false,
    errorHandler: (error) => {
      logger.error({ err: describeError(error) }, 'request failed outside the router');
    },
  });

  return { fetch: async (request) => app.fetch(request), requestListener };
}
