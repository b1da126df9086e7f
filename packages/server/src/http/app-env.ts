import type { HttpBindings } from '@hono/node-server';
import type { Caller } from '../router-options.js';

/** Hono environment of every route module: Node bindings when served by Node, and the caller. */
export interface AppEnv {
  Bindings: Partial<HttpBindings>;
  Variables: { caller: Caller };
}
