import type { PasskeyOptions } from '../portal/portal-like.js';
import type { PasskeyOptionIssue, PasskeyOptionIssueCode, PasskeyOptionsCheck } from './passkey-options.js';

// The checks behind validatePasskeyOptions (passkey-options.ts), with their messages. Loaded on
// first use, like tldts: they are needed only when a passkey flow starts. This module imports
// nothing but types, so the lazy chunk shares no code with the eager one.

// Bundlers replace process.env.NODE_ENV; declared so the sources type-check without Node's types.
declare const process: { env: { NODE_ENV?: string } };

const isLocalhost = (host: string) => host === 'localhost' || host.endsWith('.localhost');

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** IPv4 dotted quads and bracketed or bare IPv6; WebAuthn forbids IP addresses as an RP ID. */
function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/i.test(host);
}

/** `host` is `rpId` or a subdomain of it (a registrable suffix match, label by label). */
function hostIsWithin(host: string, rpId: string): boolean {
  return host === rpId || host.endsWith(`.${rpId}`);
}

/** See validatePasskeyOptions. */
export async function checkPasskeyOptions(
  options: Partial<PasskeyOptions>,
  pageOrigin: string,
): Promise<PasskeyOptionsCheck> {
  const issues: PasskeyOptionIssue[] = [];
  const add = (code: PasskeyOptionIssueCode, field: PasskeyOptionIssue['field'], message: string) =>
    issues.push({ code, field, message });

  const page = parseUrl(pageOrigin);
  const pageHost = page?.hostname ?? '';
  if (!page || (page.protocol !== 'https:' && !(page.protocol === 'http:' && isLocalhost(pageHost)))) {
    add('page-origin-insecure', 'pageOrigin', 'Passkeys need a secure page: https, or http on localhost.');
  }

  const customDomain = typeof options.customDomain === 'string' ? options.customDomain.trim() : '';
  const domainUrl = parseUrl(customDomain);
  const domainHost = domainUrl?.hostname ?? '';
  if (!domainUrl || !domainHost) {
    add(
      'custom-domain-invalid',
      'customDomain',
      'customDomain must be a full URL such as https://passkeys.example.com.',
    );
  } else {
    if (domainUrl.protocol !== 'https:' && !(domainUrl.protocol === 'http:' && isLocalhost(domainHost))) {
      add(
        'custom-domain-insecure',
        'customDomain',
        'customDomain must use https (http is allowed only for localhost).',
      );
    }
    if (domainUrl.pathname !== '/' || domainUrl.search || domainUrl.hash || domainUrl.username || domainUrl.password) {
      add('custom-domain-has-path', 'customDomain', 'customDomain must be an origin only: no path, query or fragment.');
    }
  }

  const rpId = typeof options.relyingPartyId === 'string' ? options.relyingPartyId.trim() : '';
  if (!rpId) {
    add('relying-party-id-missing', 'relyingPartyId', 'relyingPartyId is required (your root domain, or localhost).');
  } else if (isIpAddress(rpId)) {
    add('relying-party-id-ip-address', 'relyingPartyId', 'relyingPartyId cannot be an IP address; use a domain name.');
  } else if (!/^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(rpId)) {
    add(
      'relying-party-id-invalid',
      'relyingPartyId',
      'relyingPartyId must be a lowercase domain name, without scheme, port or path.',
    );
  } else {
    // Development builds only: the Public Suffix List is 47–116 kB gzip, too much to load before
    // a passkey prompt. In production the browser refuses a public suffix itself, and the flows
    // report that refusal as this same issue (explainPasskeyFailure).
    if (process.env.NODE_ENV !== 'production' && !isLocalhost(rpId) && (await isPublicSuffix(rpId))) {
      add(
        'relying-party-id-public-suffix',
        'relyingPartyId',
        `relyingPartyId "${rpId}" is a public suffix; use your own domain.`,
      );
    }
    if (page && !hostIsWithin(pageHost, rpId)) {
      add(
        'relying-party-id-not-suffix-of-page',
        'relyingPartyId',
        `relyingPartyId "${rpId}" does not cover this page (${pageHost}).`,
      );
    }
    if (domainHost && !hostIsWithin(domainHost, rpId)) {
      add(
        'relying-party-id-not-suffix-of-custom-domain',
        'relyingPartyId',
        `relyingPartyId "${rpId}" does not cover the custom domain (${domainHost}).`,
      );
    }
  }

  if (typeof options.relyingPartyName !== 'string' || options.relyingPartyName.trim() === '') {
    add(
      'relying-party-name-missing',
      'relyingPartyName',
      'relyingPartyName is required; it is shown in the passkey prompt.',
    );
  }
  return { valid: issues.length === 0, issues };
}

async function isPublicSuffix(domain: string): Promise<boolean> {
  const { getPublicSuffix } = await import('tldts');
  // Private suffixes count too (github.io, vercel.app): browsers refuse them as RP IDs.
  return getPublicSuffix(domain, { allowPrivateDomains: true }) === domain;
}
