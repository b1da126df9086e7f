import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PasskeyOptions } from '@backup-kit/core';
import { createFakePortal } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { part } from '../test/render.js';
import { BackupButton } from './backup-button-parts.js';

// The passkey chunk arrives when the test says so.
const chunk = vi.hoisted(() => {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { arrived, release };
});
vi.mock('../../../core/src/passkey/passkey-backup-adapter.ts', async (importOriginal) => {
  await chunk.arrived;
  return importOriginal();
});

const passkey: PasskeyOptions = {
  customDomain: 'http://localhost:8787',
  relyingPartyId: 'localhost',
  relyingPartyName: 'Example Wallet',
};
const passkeyWindow = { url: 'http://localhost:5190/passkey' };
const trigger = () => screen.getByRole('button', { name: 'Back up with a passkey' });

describe('BackupButton method="PASSKEY" before its code arrived', () => {
  it('keeps the trigger disabled (checking) so no click waits on a download; once the code is in, a click opens the window at once', async () => {
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} passkey={passkey} passkeyWindow={passkeyWindow}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    const root = part(container, 'backup-button', 'root');
    expect(root).toHaveAttribute('data-state', 'checking');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');

    await user.click(trigger());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(open).not.toHaveBeenCalled();
    expect(portal.calls).toEqual([]);

    chunk.release();
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'idle'));
    expect(trigger()).not.toHaveAttribute('aria-disabled');
    // Still nothing from the early click.
    expect(open).not.toHaveBeenCalled();

    await user.click(trigger());
    expect(open).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'success'));
    open.mockRestore();
    vi.unstubAllGlobals();
  });
});
