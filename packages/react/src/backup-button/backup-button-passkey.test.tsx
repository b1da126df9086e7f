import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PasskeyOptions } from '@backup-kit/core';
import { createFakePortal } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { part } from '../test/render.js';
import { BackupButton } from './backup-button-parts.js';

// Options that suit the jsdom page (http://localhost), as a local app's would.
const passkey: PasskeyOptions = {
  customDomain: 'http://localhost:8787',
  relyingPartyId: 'localhost',
  relyingPartyName: 'Example Wallet',
};
const passkeyWindow = { url: 'http://localhost:5190/passkey' };
const root = (container: HTMLElement) => part(container, 'backup-button', 'root');
const trigger = () => screen.getByRole('button', { name: 'Back up with a passkey' });

/** Mounted: the passkey chunk loaded and the options checked, as between an app's mount and a click. */
async function mounted() {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('BackupButton method="PASSKEY" takes the same path as PasskeySetup', () => {
  let open: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    open = vi.spyOn(window, 'open').mockImplementation(() => null);
    // jsdom has no WebAuthn; the support check asks for PublicKeyCredential.
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  });
  afterEach(() => {
    open.mockRestore();
    vi.unstubAllGlobals();
  });

  it('checks the options before anything: invalid ones show PASSKEY_OPTIONS_INVALID, with no window, no ceremony and no vault request', async () => {
    const portal = createFakePortal();
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider
        portal={portal}
        passkey={{ ...passkey, customDomain: 'http://passkeys.example.com', usePopup: false }}
        passkeyWindow={passkeyWindow}
      >
        <BackupButton.DropIn method="PASSKEY" onError={onError} />
      </BackupKitProvider>,
    );
    await mounted();

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'PASSKEY_OPTIONS_INVALID', stage: 'validating' }),
    );
    expect(screen.getByRole('status')).toHaveTextContent('The passkey settings are not valid for this site.');
    expect(open).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(portal.calls).toEqual([]);
  });

  it('with usePopup: false takes the direct path: the vault at customDomain is asked, no Portal window opens', async () => {
    const portal = createFakePortal();
    const fetch = vi.fn(async (_url: RequestInfo | URL) => new Response('{}', { status: 503 }));
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={{ ...passkey, usePopup: false }} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    await mounted();

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(String(fetch.mock.calls[0]?.[0])).toMatch(/^http:\/\/localhost:8787\//);
    expect(open).not.toHaveBeenCalled();
    expect(portal.count('backupWallet')).toBe(0);
  });

  it("with valid options on the SDK's path opens Portal's window inside the click, then backs up", async () => {
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    await mounted();

    await user.click(trigger());

    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0]![0]).toBe(passkeyWindow.url);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('a prop overrides the provider: invalid options on the button are refused although the provider has valid ones', async () => {
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" passkey={{ ...passkey, relyingPartyName: '' }} />
      </BackupKitProvider>,
    );
    await mounted();

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(open).not.toHaveBeenCalled();
    expect(portal.calls).toEqual([]);
  });

  it("shows the reason Portal's passkey window gave (no PRF), not only that it failed", async () => {
    const portal = createFakePortal({
      failures: { backupWallet: { throw: Object.assign(new Error('no PRF'), { code: 'PASSKEY_PRF_UNSUPPORTED' }) } },
    });
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" onError={onError} />
      </BackupKitProvider>,
    );
    await mounted();

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'PASSKEY_FAILED', reason: 'prf-unsupported' }),
    );
    expect(screen.getByRole('status')).toHaveTextContent(/PRF extension/);
  });

  it('a browser without passkeys says so at once', async () => {
    vi.unstubAllGlobals();
    const { container } = render(
      <BackupKitProvider portal={createFakePortal()} passkey={passkey}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(screen.getByRole('status')).toHaveTextContent('This browser does not support passkeys.');
  });

  it('a browser without passkeys has no dead button: the trigger is disabled, keeps its focus and names the reason', async () => {
    vi.unstubAllGlobals();
    open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const portal = createFakePortal();
    const onError = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" onError={onError} />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');
    expect(trigger()).toHaveAccessibleDescription('This browser does not support passkeys.');
    onError.mockClear();

    await user.click(trigger());

    expect(trigger()).toHaveFocus();
    expect(onError).not.toHaveBeenCalled();
    expect(open).not.toHaveBeenCalled();
    expect(portal.calls).toEqual([]);
  });
});
