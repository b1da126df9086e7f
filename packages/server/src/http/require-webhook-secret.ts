import type { MiddlewareHandler } from 'hono';
import { createSecretMatcher } from '../crypto/constant-time';
import { WEBHOOK_SECRET_HEADER } from '../defaults';
import type { AppEnv } from './app-env';
import { HttpProblem } from './problem';

/** 401 unless X-Webhook-Secret matches, compared in constant time. */
export function requireWebhookSecret(webhookSecret: string): MiddlewareHandler<AppEnv> {
  const matches = createSecretMatcher(webhookSecret);
  return async (c, next) => {
    if (!matches(c.req.header(WEBHOOK_SECRET_HEADER))) {
      throw new HttpProblem(401, 'invalid_webhook_secret', `missing or wrong ${WEBHOOK_SECRET_HEADER}`);
    }
    await next();
  };
}
