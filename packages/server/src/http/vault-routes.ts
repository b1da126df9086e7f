import { Hono } from 'hono';
import type { CorsOptions } from '../router-options.js';
import type { PasskeyVault } from '../vault/passkey-vault.js';
import type { AppEnv } from './app-env.js';
import { corsPolicy } from './cors-policy.js';
import { limitBody } from './limit-body.js';
import { type RouteRateLimit, limitedByAddress } from './rate-limited.js';
import { readJsonBody } from './read-json-body.js';
import {
  authenticationOptionsBody,
  authenticationVerifyBody,
  registrationOptionsBody,
  registrationVerifyBody,
} from './vault-request-schemas.js';

export interface VaultRoutesOptions {
  vault: PasskeyVault;
  cors: CorsOptions | false;
  rateLimit: RouteRateLimit | false;
  maxBodyBytes: number;
}

// Every write is JSON, so a cross-origin call is always preflighted and CORS decides.
const json = { requireJsonContentType: true };

/**
 * `/vault/registration/{options,verify}` and `/vault/authentication/{options,verify}`: the
 * passkey key vault the browser calls cross-origin from the page (protocol: README).
 */
export function vaultRoutes(options: VaultRoutesOptions): Hono<AppEnv> {
  const { vault } = options;
  const routes = new Hono<AppEnv>();
  if (options.cors) routes.use('*', corsPolicy(options.cors));
  // The vault knows no users, so a caller is its address; requests that fail count apart.
  if (options.rateLimit) routes.use('*', limitedByAddress(options.rateLimit, 'vault'));
  routes.use('*', limitBody(options.maxBodyBytes));
  // Challenges and keys: nothing here may be cached.
  routes.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });

  routes.post('/registration/options', async (c) =>
    c.json(await vault.registrationOptions(await readJsonBody(c, registrationOptionsBody, json))),
  );
  routes.post('/registration/verify', async (c) =>
    c.json(await vault.verifyRegistration(await readJsonBody(c, registrationVerifyBody, json))),
  );
  routes.post('/authentication/options', async (c) =>
    c.json(await vault.authenticationOptions(await readJsonBody(c, authenticationOptionsBody, json))),
  );
  routes.post('/authentication/verify', async (c) =>
    c.json(await vault.verifyAuthentication(await readJsonBody(c, authenticationVerifyBody, json))),
  );

  return routes;
}
