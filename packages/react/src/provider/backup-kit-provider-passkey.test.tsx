import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PasskeyOptions } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupButton } from '../backup-button/backup-button-parts.js';
import { PasskeySetup } from '../passkey-setup/passkey-setup-parts.js';
import { RecoverWallet } from '../recover-wallet/recover-wallet-parts.js';
import { part } from '../test/render.js';
import { BackupKitProvider } from './backup-kit-provider.js';

const passkey: PasskeyOptions = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example Wallet',
};
const pageOrigin = 'https://wallet.example.com';
const supported = async () => true;
const setupRoot = (container: HTMLElement) => part(container, 'passkey-setup', 'root');

describe('BackupKitProvider passkey', () => {
  it('gives its passkey options to PasskeySetup, which needs no prop of its own', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const register = vi.spyOn(portal, 'registerPasskey');
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey}>
        <PasskeySetup.DropIn pageOrigin={pageOrigin} isSupported={supported} storage={memoryStorage()} />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));

    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'success'));
    expect(register).toHaveBeenCalledWith(passkey);
  });

  it("lets a component's own passkey prop override the provider's", async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const register = vi.spyOn(portal, 'registerPasskey');
    const own = { ...passkey, relyingPartyName: 'Own Name' };
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey}>
        <PasskeySetup.DropIn passkey={own} pageOrigin={pageOrigin} isSupported={supported} />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));

    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'success'));
    expect(register).toHaveBeenCalledWith(own);
  });

  it('lists the missing options when neither the provider nor the component has any, instead of throwing', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal}>
        <PasskeySetup.DropIn pageOrigin={pageOrigin} isSupported={supported} />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));

    await waitFor(() => expect(setupRoot(container)).toHaveAttribute('data-state', 'error'));
    const codes = [...part(container, 'passkey-setup', 'issues').querySelectorAll('li')].map((li) => li.dataset.code);
    expect(codes).toEqual(expect.arrayContaining(['custom-domain-invalid', 'relying-party-name-missing']));
    expect(portal.calls).toEqual([]);
  });

  it("builds Portal's passkey config from the same options when the kit creates Portal", async () => {
    const made: unknown[] = [];
    const fake = createFakePortal();
    const loadSdk = async () => ({
      default: class {
        constructor(options: unknown) {
          made.push(options);
          return fake;
        }
      },
    });
    render(<BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk }} passkey={passkey} />);

    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]).toMatchObject({
      passkey: {
        relyingParty: 'example.com',
        relyingPartyOrigins: [window.location.origin],
        webAuthnHost: 'passkeys.example.com',
      },
    });
  });

  it("keeps a passkey config the app gave Portal's options itself", async () => {
    const made: Array<{ passkey?: unknown }> = [];
    const own = {
      relyingParty: 'own.example',
      relyingPartyOrigins: ['https://own.example'] as [string],
      webAuthnHost: 'own.example',
    };
    const loadSdk = async () => ({
      default: class {
        constructor(options: { passkey?: unknown }) {
          made.push(options);
          return createFakePortal();
        }
      },
    });
    render(<BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk, passkey: own }} passkey={passkey} />);

    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]!.passkey).toEqual(own);
  });

  it('warns once in development, without the options, when given both its own Portal and passkey options', async () => {
    // A fresh module: the warning is once per page, and the tests above already gave both.
    vi.resetModules();
    const { BackupKitProvider } = await import('./backup-kit-provider.js');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const portal = createFakePortal();
    const secretish = { ...passkey, customDomain: 'https://vault-7f3a.example.com' };
    const { rerender } = render(<BackupKitProvider portal={portal} passkey={secretish} />);
    rerender(<BackupKitProvider portal={portal} passkey={secretish} />);
    render(<BackupKitProvider portal={createFakePortal()} passkey={secretish} />);

    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/`portal` and `passkey` both given/);
    expect(String(warn.mock.calls[0]![0])).not.toContain('vault-7f3a');
    warn.mockRestore();
  });

  it('makes RecoverWallet check the options before any ceremony: an http:// customDomain lists the issue and loads nothing', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['PASSKEY'] } });
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'x' }));
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={{ ...passkey, customDomain: 'http://passkeys.example.com' }}>
        <RecoverWallet.DropIn pageOrigin={pageOrigin} unlock={unlock} />
      </BackupKitProvider>,
    );
    await user.click(await screen.findByRole('button', { name: 'Recover with passkey' }));

    await waitFor(() => expect(part(container, 'recover-wallet', 'root')).toHaveAttribute('data-state', 'error'));
    expect(part(container, 'recover-wallet', 'root')).toHaveAttribute('data-stage', 'validating');
    expect(unlock).not.toHaveBeenCalled();
    expect(portal.count('recoverWallet')).toBe(0);
  });
});

describe('BackupButton method="PASSKEY" with the provider passkey window', () => {
  it("without passkey options (the Portal's own config), opens Portal's passkey window synchronously inside the click, then backs up", async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkeyWindow={{ url: 'http://localhost:5190/passkey' }}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    // A PASSKEY BackupButton's trigger waits (checking) until its lazy code is in.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Back up with a passkey' })).not.toHaveAttribute('aria-disabled'),
    );

    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));

    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toBe('http://localhost:5190/passkey');
    await waitFor(() => expect(part(container, 'backup-button', 'root')).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
    open.mockRestore();
  });

  it('opens no window for the other methods', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const user = userEvent.setup();
    render(
      <BackupKitProvider portal={createFakePortal()} passkeyWindow={{ url: 'http://localhost:5190/passkey' }}>
        <BackupButton.DropIn method="GDRIVE" />
      </BackupKitProvider>,
    );

    await user.click(screen.getByRole('button', { name: /google drive/i }));

    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });
});
