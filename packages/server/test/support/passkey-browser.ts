import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { addVirtualAuthenticator, chromiumLaunchOptions, type VirtualAuthenticatorOptions } from '@backup-kit/chromium';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

export { CHROMIUM_PATH } from '@backup-kit/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}

// The package exports only its entry points; the UMD bundle sits two folders above the CJS one.
const SIMPLEWEBAUTHN_BROWSER = join(
  dirname(createRequire(import.meta.url).resolve('@simplewebauthn/browser')),
  '../dist/bundle/index.umd.min.js',
);

/**
 * The page the ceremonies run on: an empty document with @simplewebauthn/browser's UMD bundle
 * (global `SimpleWebAuthnBrowser`), served on a free loopback port. The page origin is
 * `http://localhost:<port>` (or any `*.localhost` name, which Chromium resolves to loopback).
 */
export async function servePasskeyPage(): Promise<{ port: number; close(): Promise<void> }> {
  const bundle = await readFile(SIMPLEWEBAUTHN_BROWSER);
  const html =
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
    '<script src="/simplewebauthn-browser.js"></script></head><body>passkey vault test page</body></html>';
  const server: Server = createServer((request, response) => {
    if (request.url === '/simplewebauthn-browser.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(bundle);
    } else {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Changes a page may make to the vault's options before the ceremony, as a bad client would. */
export interface OptionsTweak {
  rpId?: string;
  userVerification?: 'discouraged';
}

/** A credential as the CDP WebAuthn domain describes it, private key included. */
export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  /** PKCS#8, base64 */
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface CeremonyResult {
  /** The response JSON, PRF output removed unless `keepPrfOutput` (then base64url, as a leaky client would). */
  response: Record<string, unknown>;
  /** The PRF output (base64url), read in the page; null when the authenticator gave none. */
  prfOutput: string | null;
}

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
}

export interface PasskeyPage {
  readonly page: Page;
  /** Where the page is now. */
  readonly origin: string;
  /** Navigates to `origin` unless the page is there already (the authenticator stays). */
  goTo(origin: string): Promise<void>;
  /** A cross-origin POST of JSON made by the page itself (so CORS applies). */
  post(url: string, body: unknown): Promise<HttpAnswer>;
  /** navigator.credentials.create through startRegistration, with the PRF extension. */
  create(optionsJSON: unknown, how?: { keepPrfOutput?: boolean; tweak?: OptionsTweak }): Promise<CeremonyResult>;
  /** navigator.credentials.get through startAuthentication, with the PRF extension. */
  get(optionsJSON: unknown, how?: { keepPrfOutput?: boolean; tweak?: OptionsTweak }): Promise<CeremonyResult>;
  /** The resident credentials the virtual authenticator holds. */
  credentialCount(): Promise<number>;
  /**
   * Replaces the page's authenticator (and its passkeys) with a new one: cheaper than a new
   * browser context, which costs a renderer process.
   */
  newAuthenticator(options?: VirtualAuthenticatorOptions): Promise<void>;
  /** The authenticator's credentials with their private keys (WebAuthn.getCredentials). */
  exportCredentials(): Promise<VirtualCredential[]>;
  /** Puts a credential into this page's authenticator (WebAuthn.addCredential). */
  importCredential(credential: VirtualCredential): Promise<void>;
  close(): Promise<void>;
}

/**
 * A new browser context on `origin` with a CDP virtual authenticator (ctap2, internal, resident
 * keys, user verification, automatic presence), as reference/toolchain.md §4 verified.
 */
export async function openPasskeyPage(
  browser: Browser,
  origin: string,
  authenticator: VirtualAuthenticatorOptions = {},
): Promise<PasskeyPage> {
  const context: BrowserContext = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const addAuthenticator = (options: VirtualAuthenticatorOptions) => addVirtualAuthenticator(cdp, options);
  let authenticatorId = await addAuthenticator(authenticator);
  await page.goto(`${origin}/`);

  const ceremony =
    (kind: 'create' | 'get') =>
    async (optionsJSON: unknown, how: { keepPrfOutput?: boolean; tweak?: OptionsTweak } = {}) =>
      page.evaluate(
        async ({ kind, optionsJSON, keepPrfOutput, tweak }) => {
          const toBase64Url = (buffer: ArrayBuffer) =>
            btoa(String.fromCharCode(...new Uint8Array(buffer)))
              .replace(/\+/g, '-')
              .replace(/\//g, '_')
              .replace(/=+$/, '');
          type Options = Record<string, unknown> & { rp?: object; authenticatorSelection?: object };
          type Response = Record<string, unknown> & {
            clientExtensionResults: { prf?: { enabled?: boolean; results?: { first?: ArrayBuffer } | object } };
          };
          const lib = (
            globalThis as unknown as {
              SimpleWebAuthnBrowser: Record<
                'startRegistration' | 'startAuthentication',
                (o: unknown) => Promise<Response>
              >;
            }
          ).SimpleWebAuthnBrowser;
          // As the kit's direct path does: the PRF salt is bytes, which JSON cannot carry.
          const options: Options = {
            ...(optionsJSON as Options),
            extensions: { prf: { eval: { first: new TextEncoder().encode('backup-kit/passkey-backup/prf-salt/v1') } } },
          };
          if (kind === 'create') {
            if (tweak.rpId) options.rp = { ...options.rp, id: tweak.rpId };
            if (tweak.userVerification) {
              options.authenticatorSelection = {
                ...options.authenticatorSelection,
                userVerification: tweak.userVerification,
              };
            }
          } else {
            if (tweak.rpId) options.rpId = tweak.rpId;
            if (tweak.userVerification) options.userVerification = tweak.userVerification;
          }
          const response =
            kind === 'create'
              ? await lib.startRegistration({ optionsJSON: options })
              : await lib.startAuthentication({ optionsJSON: options });
          const prf = response.clientExtensionResults.prf;
          const first = prf?.results && 'first' in prf.results ? prf.results.first : undefined;
          const prfOutput = first ? toBase64Url(first) : null;
          if (prf) {
            // What the kit sends: the output removed. A leaky client sends it, encoded.
            response.clientExtensionResults.prf =
              keepPrfOutput && prfOutput
                ? { ...prf, results: { first: prfOutput } }
                : prf.enabled === undefined
                  ? {}
                  : { enabled: prf.enabled };
          }
          return { response, prfOutput };
        },
        { kind, optionsJSON, keepPrfOutput: how.keepPrfOutput ?? false, tweak: how.tweak ?? {} },
      );

  let current = origin;
  return {
    page,
    get origin() {
      return current;
    },
    async goTo(next) {
      if (next === current) return;
      await page.goto(`${next}/`);
      current = next;
    },
    post: (url, body) =>
      page.evaluate(
        async ({ url, body }) => {
          const response = await fetch(url, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          });
          return { status: response.status, body: (await response.json()) as Record<string, unknown> };
        },
        { url, body },
      ),
    create: ceremony('create'),
    get: ceremony('get'),
    async credentialCount() {
      const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
      return credentials.length;
    },
    async newAuthenticator(options = {}) {
      await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
      authenticatorId = await addAuthenticator(options);
    },
    async exportCredentials() {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    },
    async importCredential(credential) {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
    close: () => context.close(),
  };
}
