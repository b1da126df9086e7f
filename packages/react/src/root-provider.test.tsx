import { createRef, useEffect } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { createBackupFlow, type BackupStorage } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupButton } from './backup-button/backup-button-parts.js';
import { BackupStatus } from './backup-status/backup-status-parts.js';
import { BackupStatusDropInParts } from './backup-status/backup-status.js';
import { useBackup } from './hooks/use-backup.js';
import { useBackupStatus } from './hooks/use-backup-status.js';
import { usePasskeySetup } from './hooks/use-passkey-setup.js';
import { usePasswordBackup } from './hooks/use-password-backup.js';
import { useRecovery } from './hooks/use-recovery.js';
import { PasskeySetup } from './passkey-setup/passkey-setup-parts.js';
import { PasskeySetupDropInParts } from './passkey-setup/passkey-setup.js';
import { PasswordBackup } from './password-backup/password-backup-parts.js';
import { PasswordBackupDropInParts } from './password-backup/password-backup.js';
import { RecoverWallet } from './recover-wallet/recover-wallet-parts.js';
import { RecoverWalletDropInParts } from './recover-wallet/recover-wallet.js';
import { part, renderWithPortal } from './test/render.js';

const SECRET = 'correct horse battery';

describe('RootProvider: the app holds the flow, the Root shows it', () => {
  it('shows a PasswordBackup the app started itself, mid-backup, with the drop-in parts and its DOM props', async () => {
    const ref = createRef<HTMLFormElement>();
    function HeldBackup() {
      const backup = usePasswordBackup();
      const { start, portalStatus } = backup;
      useEffect(() => {
        if (portalStatus === 'ready') void start({ password: SECRET });
      }, [start, portalStatus]);
      return (
        <PasswordBackup.RootProvider
          value={backup}
          ref={ref}
          className="mine"
          style={{ maxWidth: 320 }}
          data-testid="held"
        >
          <PasswordBackupDropInParts classNames={{ submit: 'my-submit' }} />
        </PasswordBackup.RootProvider>
      );
    }
    const { container } = renderWithPortal(<HeldBackup />, {
      fake: { failures: { backupWallet: { hangAfter: 'Encrypting share' } } },
    });

    const root = part(container, 'password-backup', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-status', 'Encrypting share'));
    expect(root).toHaveAttribute('data-state', 'backing-up');
    expect(ref.current).toBe(root);
    expect(root).toHaveClass('mine');
    expect(root).toHaveStyle({ maxWidth: '320px' });
    expect(root).toHaveAttribute('data-testid', 'held');
    expect(screen.getByRole('button', { name: 'Backing up…' })).toHaveClass('my-submit');
    expect(screen.getByRole('status')).toHaveTextContent('Encrypting the backup…');
    // The password went to the flow, never through the inputs or the DOM.
    expect(container.innerHTML).not.toContain(SECRET);
  });

  it('retries through the flow the app holds: a BackupButton over useBackup after a storage failure', async () => {
    let saves = 0;
    const storage: BackupStorage = {
      save: async () => {
        saves += 1;
        if (saves === 1) throw new Error('storage is down');
      },
    };
    function HeldButton() {
      const backup = useBackup({ method: 'GDRIVE', storage });
      return (
        <BackupButton.RootProvider value={backup}>
          <BackupButton.Trigger />
          <BackupButton.Status />
        </BackupButton.RootProvider>
      );
    }
    const { user, portal, container } = renderWithPortal(<HeldButton />);
    const root = part(container, 'backup-button', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-portal', 'ready'));

    await user.click(screen.getByRole('button', { name: 'Back up to Google Drive' }));
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'error'));
    expect(root).toHaveAttribute('data-stage', 'storing');
    expect(root).toHaveAttribute('data-method', 'GDRIVE');

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'success'));
    expect(saves).toBe(2);
    // The retry stored the same share: one MPC backup.
    expect(portal.cipherTexts).toHaveLength(1);
  });

  it('shows a wrong password on a RecoverWallet whose recovery the app ran itself', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: SECRET });
    function HeldRecovery() {
      const recovery = useRecovery({ storage });
      const { recover, state } = recovery;
      useEffect(() => {
        if (state === 'idle') void recover({ method: 'PASSWORD', password: 'not it' });
      }, [recover, state]);
      return (
        <RecoverWallet.RootProvider value={recovery}>
          <RecoverWalletDropInParts />
        </RecoverWallet.RootProvider>
      );
    }
    const { container } = renderWithPortal(<HeldRecovery />, { portal });

    const root = part(container, 'recover-wallet', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'wrong-password'));
    expect(screen.getByLabelText('Backup password')).toHaveAccessibleDescription(/does not unlock this backup/);
  });

  it('shows the fallback of a PasskeySetup over a flow the app holds', async () => {
    function HeldPasskey() {
      const setup = usePasskeySetup({
        passkey: {
          customDomain: 'https://passkeys.example.com',
          relyingPartyId: 'example.com',
          relyingPartyName: 'Example',
        },
        pageOrigin: 'https://wallet.example.com',
        isSupported: async () => false,
      });
      return (
        <PasskeySetup.RootProvider value={setup}>
          <PasskeySetupDropInParts fallback={<p>Use a password instead</p>} />
        </PasskeySetup.RootProvider>
      );
    }
    const { container } = renderWithPortal(<HeldPasskey />);

    await waitFor(() => expect(part(container, 'passkey-setup', 'root')).toHaveAttribute('data-state', 'unsupported'));
    expect(screen.getByText('Use a password instead')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('lists the backups of a status the app holds', async () => {
    function HeldStatus() {
      const status = useBackupStatus();
      return (
        <BackupStatus.RootProvider value={status} methods={['PASSWORD', 'GDRIVE']}>
          <BackupStatusDropInParts />
        </BackupStatus.RootProvider>
      );
    }
    const { container } = renderWithPortal(<HeldStatus />, { fake: { wallet: { backedUpWith: ['GDRIVE'] } } });

    await waitFor(() => expect(part(container, 'backup-status', 'root')).toHaveAttribute('data-state', 'ready'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
