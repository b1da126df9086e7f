import type { BrowserContext, Request } from 'playwright-core';

/**
 * What a browser context did, in the order Chromium reported it: its requests, and the marks the
 * instrumented page code sends (a click starting and ending, window.open, and each
 * navigator.credentials.create / get with the relying party it was called with).
 */
export type ContextEvent =
  | { kind: 'request'; url: string; resourceType: string }
  | { kind: 'click-start' | 'click-end' | 'open'; page: string }
  | { kind: 'create' | 'get'; page: string; rpId: string | undefined; rpName: string | undefined };

type Mark = { kind: 'click-start' | 'click-end' | 'open' | 'create' | 'get'; rpId?: string; rpName?: string };

/**
 * Runs in every page and popup of the context before their own scripts. Calls go through
 * unchanged; each only reports itself first, synchronously, through the `__e2eMark` binding
 * (whose CDP event is queued in order with the page's request events).
 */
function instrument() {
  const report = (mark: Mark) => void (window as unknown as { __e2eMark?: (m: Mark) => unknown }).__e2eMark?.(mark);
  const credentials = navigator.credentials as CredentialsContainer | undefined;
  if (credentials) {
    const create = credentials.create.bind(credentials);
    const get = credentials.get.bind(credentials);
    credentials.create = (options?: CredentialCreationOptions) => {
      report({ kind: 'create', rpId: options?.publicKey?.rp.id, rpName: options?.publicKey?.rp.name });
      return create(options);
    };
    credentials.get = (options?: CredentialRequestOptions) => {
      report({ kind: 'get', rpId: options?.publicKey?.rpId });
      return get(options);
    };
  }
  const open = window.open.bind(window);
  window.open = (...args: Parameters<typeof window.open>) => {
    report({ kind: 'open' });
    return open(...args);
  };
  // Capture on window runs first in a click's dispatch, bubble on window last: React's handler
  // (on the root) runs between the two.
  addEventListener('click', () => report({ kind: 'click-start' }), true);
  addEventListener('click', () => report({ kind: 'click-end' }));
}

/** Records `context`'s requests and marks from now on (set up before its pages open). */
export async function recordCeremonies(context: BrowserContext): Promise<ContextEvent[]> {
  const events: ContextEvent[] = [];
  await context.exposeBinding('__e2eMark', ({ page }, mark: Mark) => {
    const from = page?.url() ?? '';
    events.push(
      mark.kind === 'create' || mark.kind === 'get'
        ? { kind: mark.kind, page: from, rpId: mark.rpId, rpName: mark.rpName }
        : { kind: mark.kind, page: from },
    );
  });
  await context.addInitScript(instrument);
  context.on('request', (request: Request) =>
    events.push({ kind: 'request', url: request.url(), resourceType: request.resourceType() }),
  );
  return events;
}

/**
 * The requests for code (scripts, modules, dynamic imports: anything from the app's own origin,
 * which serves only code once the page has loaded) made after the first event of kind `from`
 * and before the first event of kind `to` that follows it. Throws when either is missing.
 */
export function codeRequestsBetween(
  events: readonly ContextEvent[],
  from: ContextEvent['kind'],
  to: ContextEvent['kind'],
  appOrigin: string,
): string[] {
  const start = events.findIndex((event) => event.kind === from);
  if (start < 0) throw new Error(`no ${from} was recorded`);
  const end = events.findIndex((event, index) => index > start && event.kind === to);
  if (end < 0) throw new Error(`no ${to} was recorded after the ${from}`);
  return events
    .slice(start + 1, end)
    .filter(
      (event): event is Extract<ContextEvent, { kind: 'request' }> =>
        event.kind === 'request' && (event.resourceType === 'script' || new URL(event.url).origin === appOrigin),
    )
    .map((event) => event.url);
}
