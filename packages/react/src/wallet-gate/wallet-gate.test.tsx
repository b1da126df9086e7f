import { screen, waitFor } from '@testing-library/react';
import { createBackupFlow } from '@backup-kit/core';
import { clearLocalWallet, getPortalFacade } from '@backup-kit/core/portal';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupButton } from '../backup-button/backup-button-parts.js';
import { PasswordBackup } from '../password-backup/password-backup-parts.js';
import { RecoverWallet } from '../recover-wallet/recover-wallet-parts.js';
import { part, renderWithPortal } from '../test/render.js';
import { WalletGate } from './wallet-gate-parts.js';

const PASSWORD = 'correct horse battery staple';
const rootOf = (container: HTMLElement) => part(container, 'wallet-gate', 'root');
const inState = (container: HTMLElement, state: string) =>
  waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', state));

describe('WalletGate', () => {
  it('creates a missing wallet with the keyboard, then asks for the backup at once, then shows the app', async () => {
    const storage = memoryStorage();
    const { container, user, portal } = renderWithPortal(
      <WalletGate.DropIn backup={<BackupButton.DropIn method="GDRIVE" storage={storage} />}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { exists: false } } },
    );
    await inState(container, 'no-wallet');
    expect(screen.getByRole('status')).toHaveTextContent('You have no wallet yet.');
    expect(screen.queryByText('The app')).toBeNull();

    await user.tab();
    expect(screen.getByRole('button', { name: 'Create wallet' })).toHaveFocus();
    await user.keyboard('{Enter}');

    await inState(container, 'backup');
    expect(portal.count('createWallet')).toBe(1);
    expect(rootOf(container)).toHaveFocus(); // not dropped on <body> with the create button
    expect(screen.queryByText('The app')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Back up to Google Drive' }));

    await inState(container, 'on-device');
    expect(screen.getByText('The app')).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull(); // backed up: no reminder
  });

  it('hands the backup step to the method the app chose (a password backup)', async () => {
    const { container, user } = renderWithPortal(
      <WalletGate.DropIn backup={<PasswordBackup.DropIn storage={memoryStorage()} />}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { exists: false } } },
    );
    await inState(container, 'no-wallet');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    await inState(container, 'backup');

    expect(part(container, 'password-backup', 'root')).toBeInTheDocument();
    await user.type(screen.getByLabelText(/^Backup password/), PASSWORD);
    expect(screen.queryByText('The app')).toBeNull();
  });

  it('shows the app with a reminder when the backup is left for later, until a backup is made', async () => {
    const { container, user } = renderWithPortal(
      <WalletGate.DropIn backup={<p>backup step</p>}>
        <BackupButton.DropIn method="GDRIVE" storage={memoryStorage()} />
      </WalletGate.DropIn>,
      { fake: { wallet: { exists: false } } },
    );
    await inState(container, 'no-wallet');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    await inState(container, 'backup');

    await user.click(screen.getByRole('button', { name: 'Back up later' }));

    await inState(container, 'on-device');
    await waitFor(() => expect(screen.getByRole('note')).toHaveTextContent('Your wallet is not backed up yet.'));
    expect(rootOf(container)).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Back up to Google Drive' }));

    await waitFor(() => expect(screen.queryByRole('note')).toBeNull());
  });

  it('shows the app without a reminder for a wallet on this device that is backed up', async () => {
    const { container } = renderWithPortal(
      <WalletGate.DropIn backup={null} reminder={<span>Back it up!</span>}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { backedUpWith: ['PASSWORD'] } } },
    );
    await inState(container, 'on-device');
    expect(screen.getByText('The app')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('Back it up!')).toBeNull());
  });

  it('offers recovery (RecoverWallet by default) for a wallet that is not on this device', async () => {
    const portal = createFakePortal();
    await clearLocalWallet(getPortalFacade(portal));
    const { container } = renderWithPortal(<WalletGate.DropIn backup={null} />, { portal });
    await inState(container, 'not-on-device');
    expect(part(container, 'wallet-gate', 'status')).toHaveTextContent('Your wallet is not on this device.');
    expect(part(container, 'recover-wallet', 'root')).toBeInTheDocument();
  });

  it('shows the app once the wallet is recovered on this device', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'GDRIVE', storage }).start();
    await clearLocalWallet(getPortalFacade(portal));
    const { container, user } = renderWithPortal(
      <WalletGate.DropIn backup={null} recover={<RecoverWallet.DropIn storage={storage} />}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { portal },
    );
    await inState(container, 'not-on-device');
    expect(screen.queryByText('The app')).toBeNull();

    await user.click(await screen.findByRole('button', { name: 'Recover from Google Drive' }));

    await inState(container, 'on-device');
    expect(screen.getByText('The app')).toBeInTheDocument();
  });

  it('hands its storage to the default recovery step, which reads the share from it', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'GDRIVE', storage }).start();
    await clearLocalWallet(getPortalFacade(portal));
    const { container, user } = renderWithPortal(
      <WalletGate.DropIn storage={storage} backup={null}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { portal },
    );
    await inState(container, 'not-on-device');

    await user.click(await screen.findByRole('button', { name: 'Recover from Google Drive' }));

    await inState(container, 'on-device');
    expect(portal.calls.find((call) => call.kind === 'recoverWallet')).toBeDefined();
    expect(screen.getByText('The app')).toBeInTheDocument();
  });

  it('reminds while the only backup is missing from its storage', async () => {
    const { container } = renderWithPortal(
      <WalletGate.DropIn storage={memoryStorage()} backup={null}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { backedUpWith: ['PASSWORD'] } } },
    );
    await inState(container, 'on-device');

    await waitFor(() => expect(screen.getByRole('note')).toHaveTextContent('Your wallet is not backed up yet.'));
  });

  it('takes the app’s own recovery step', async () => {
    const portal = createFakePortal();
    await clearLocalWallet(getPortalFacade(portal));
    const { container } = renderWithPortal(<WalletGate.DropIn backup={null} recover={<p>Call support</p>} />, {
      portal,
    });
    await inState(container, 'not-on-device');
    expect(screen.getByText('Call support')).toBeInTheDocument();
    expect(container.querySelector('[data-scope="recover-wallet"]')).toBeNull();
  });

  it('shows a failed check with its message and checks again on retry', async () => {
    const portal = createFakePortal();
    portal.script('getClient', [{ error: { code: 'UNKNOWN', message: 'offline' } }]);
    const { container, user } = renderWithPortal(
      <WalletGate.DropIn backup={null}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { portal },
    );
    await inState(container, 'error');
    expect(screen.queryByText('The app')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await inState(container, 'on-device');
    expect(screen.getByText('The app')).toBeInTheDocument();
  });

  it('keeps a failed create on its button, which creates again', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    portal.script('createWallet', [{ error: { code: 'UNKNOWN', message: 'boom' } }]);
    const { container, user } = renderWithPortal(<WalletGate.DropIn backup={<p>backup step</p>} />, { portal });
    await inState(container, 'no-wallet');
    await user.click(screen.getByRole('button', { name: 'Create wallet' }));
    await inState(container, 'error');

    await user.click(screen.getByRole('button', { name: 'Try again' }));

    await inState(container, 'backup');
    expect(portal.count('createWallet')).toBe(2);
  });

  it('creates one wallet for a double click, and writes its state on every part', async () => {
    const portal = createFakePortal({ wallet: { exists: false } });
    portal.script('createWallet', [{ hangAfter: 'Generating share' }]);
    const { container, user } = renderWithPortal(<WalletGate.DropIn backup={null} className="gate" />, { portal });
    await inState(container, 'no-wallet');
    const create = screen.getByRole('button', { name: 'Create wallet' });

    await user.dblClick(create);

    await inState(container, 'creating');
    expect(portal.count('createWallet')).toBe(1);
    expect(create).toHaveAttribute('aria-disabled', 'true');
    expect(create).toHaveFocus();
    expect(rootOf(container)).toHaveClass('gate');
    for (const element of container.querySelectorAll('[data-scope="wallet-gate"]'))
      expect(element).toHaveAttribute('data-state', 'creating');
  });

  it('takes its text from labels, the provider first and the component last', async () => {
    const { container } = renderWithPortal(
      <WalletGate.DropIn backup={null} labels={{ noWallet: 'No wallet here.', create: 'Make one' }} />,
      { fake: { wallet: { exists: false } } },
    );
    await inState(container, 'no-wallet');
    expect(screen.getByRole('status')).toHaveTextContent('No wallet here.');
    expect(screen.getByRole('button', { name: 'Make one' })).toBeInTheDocument();
  });

  it('explains where a part belongs when it is used outside its Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithPortal(<WalletGate.Create />)).toThrow(
      '<WalletGate.Create> must be used inside <WalletGate.Root>.',
    );
  });
});
