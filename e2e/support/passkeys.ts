import { addVirtualAuthenticator, type VirtualAuthenticatorOptions } from '@backup-kit/chromium';
import type { CDPSession, Page } from 'playwright-core';

/** A credential as CDP's WebAuthn domain reports and accepts it. */
type VirtualCredential = Record<string, unknown> & { credentialId: string };

/** A CDP virtual authenticator attached to one page (one CDP target). */
export class VirtualAuthenticator {
  private constructor(
    readonly cdp: CDPSession,
    readonly authenticatorId: string,
  ) {}

  static async attach(page: Page, options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    const authenticatorId = await addVirtualAuthenticator(cdp, options);
    return new VirtualAuthenticator(cdp, authenticatorId);
  }

  async credentials(): Promise<VirtualCredential[]> {
    const { credentials } = await this.cdp.send('WebAuthn.getCredentials', { authenticatorId: this.authenticatorId });
    return credentials as unknown as VirtualCredential[];
  }

  setUserVerified(isUserVerified: boolean): Promise<unknown> {
    return this.cdp.send('WebAuthn.setUserVerified', { authenticatorId: this.authenticatorId, isUserVerified });
  }

  addCredential(credential: VirtualCredential): Promise<unknown> {
    return this.cdp.send('WebAuthn.addCredential', {
      authenticatorId: this.authenticatorId,
      credential: credential as never,
    });
  }

  /** Keeps the latest copy of every credential this authenticator creates or uses (sign counter included). */
  track(into: Map<string, VirtualCredential>): void {
    const keep = ({ credential }: { credential: unknown }) => {
      const copy = credential as VirtualCredential;
      into.set(copy.credentialId, copy);
    };
    this.cdp.on('WebAuthn.credentialAdded', keep);
    this.cdp.on('WebAuthn.credentialAsserted', keep);
  }
}

/**
 * One user's passkeys across Portal's passkey windows. Virtual authenticators belong to one
 * CDP target and each passkey window is a new target that closes itself when done, so each
 * window gets its own authenticator loaded with the credentials the user has so far.
 */
export class PasskeyWallet {
  private readonly credentials = new Map<string, VirtualCredential>();

  get count(): number {
    return this.credentials.size;
  }

  async attachTo(page: Page, options: VirtualAuthenticatorOptions = {}): Promise<VirtualAuthenticator> {
    const authenticator = await VirtualAuthenticator.attach(page, options);
    for (const credential of this.credentials.values()) await authenticator.addCredential(credential);
    authenticator.track(this.credentials);
    return authenticator;
  }
}
