import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HttpProblem } from './problem.js';

/**
 * 413 once a body passes `maxBytes`: from Content-Length before anything is read, or while a
 * chunked body streams in. Later handlers read the buffered body.
 */
export const limitBody = (maxBytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new HttpProblem(413, 'payload_too_large', `the request body must be at most ${maxBytes} bytes`);
    },
  });
