import { useState } from 'react';
import { screen, waitFor } from '@testing-library/react';
import { createBackupFlow, type BackupMethod } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { PasswordBackup } from './password-backup/password-backup-parts.js';
import { RecoverWallet } from './recover-wallet/recover-wallet-parts.js';
import { part, renderWithPortal } from './test/render.js';

const SECRET = 'correct horse battery';

/** A wallet backed up with PASSWORD and GDRIVE, the shares in a memory storage. */
async function backedUpTwice() {
  const portal = createFakePortal();
  const storage = memoryStorage();
  for (const method of ['PASSWORD', 'GDRIVE'] as const) {
    await createBackupFlow(portal, { method, storage }).start(method === 'PASSWORD' ? { password: SECRET } : {});
  }
  return { portal, storage };
}

describe('password visibility, controlled or not', () => {
  it('starts shown with defaultPasswordVisible, and tells the app every change', async () => {
    const onPasswordVisibleChange = vi.fn();
    const { user } = renderWithPortal(
      <PasswordBackup.DropIn defaultPasswordVisible onPasswordVisibleChange={onPasswordVisibleChange} />,
    );
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'text');

    await user.click(screen.getByRole('button', { name: 'Show password' }));
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'password');
    expect(onPasswordVisibleChange).toHaveBeenCalledExactlyOnceWith(false);
  });

  it('follows passwordVisible alone when the app owns it: a toggle only asks', async () => {
    const onPasswordVisibleChange = vi.fn();
    const { user, rerenderWith } = renderWithPortal(
      <PasswordBackup.DropIn passwordVisible={false} onPasswordVisibleChange={onPasswordVisibleChange} />,
    );
    const toggle = screen.getByRole('button', { name: 'Show password' });

    await user.click(toggle);
    expect(onPasswordVisibleChange).toHaveBeenCalledExactlyOnceWith(true);
    // The app did not agree: still hidden.
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'password');
    expect(toggle).toHaveAttribute('aria-pressed', 'false');

    rerenderWith(<PasswordBackup.DropIn passwordVisible onPasswordVisibleChange={onPasswordVisibleChange} />);
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('type', 'text');
  });

  it('asks the app to hide a controlled password on submit, as it hides its own', async () => {
    const { portal, storage } = await backedUpTwice();
    portal.script('recoverWallet', 'hang');
    function Owned() {
      const [visible, setVisible] = useState(true);
      return <RecoverWallet.DropIn storage={storage} passwordVisible={visible} onPasswordVisibleChange={setVisible} />;
    }
    const { user, container } = renderWithPortal(<Owned />, { portal });
    const root = part(container, 'recover-wallet', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'idle'));
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'text');

    await user.type(screen.getByLabelText('Backup password'), `${SECRET}{Enter}`);
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'recovering'));
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'password');
  });
});

describe('RecoverWallet method, controlled or not', () => {
  it('starts on defaultMethod and tells the app when the user picks another', async () => {
    const { portal, storage } = await backedUpTwice();
    const onMethodChange = vi.fn();
    const { user, container } = renderWithPortal(
      <RecoverWallet.DropIn storage={storage} defaultMethod="GDRIVE" onMethodChange={onMethodChange} />,
      { portal },
    );
    const root = part(container, 'recover-wallet', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'idle'));
    expect(screen.getByRole('radio', { name: 'Google Drive' })).toBeChecked();
    expect(root).toHaveAttribute('data-method', 'GDRIVE');

    await user.click(screen.getByRole('radio', { name: 'Password' }));
    expect(onMethodChange).toHaveBeenCalledExactlyOnceWith('PASSWORD');
    expect(root).toHaveAttribute('data-method', 'PASSWORD');
  });

  it('recovers with the method the app holds, whatever was clicked, until the app changes it', async () => {
    const { portal, storage } = await backedUpTwice();
    const onMethodChange = vi.fn();
    const { user, container, rerenderWith } = renderWithPortal(
      <RecoverWallet.DropIn storage={storage} method="GDRIVE" onMethodChange={onMethodChange} />,
      { portal },
    );
    const root = part(container, 'recover-wallet', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'idle'));

    await user.click(screen.getByRole('radio', { name: 'Password' }));
    expect(onMethodChange).toHaveBeenCalledExactlyOnceWith('PASSWORD');
    expect(screen.getByRole('radio', { name: 'Google Drive' })).toBeChecked();
    expect(root).toHaveAttribute('data-method', 'GDRIVE');

    rerenderWith(<RecoverWallet.DropIn storage={storage} method="PASSWORD" onMethodChange={onMethodChange} />);
    expect(screen.getByRole('radio', { name: 'Password' })).toBeChecked();
    expect(screen.getByLabelText('Backup password')).toBeInTheDocument();
  });

  it('falls back to the first offered method when the held one is not offered', async () => {
    const { portal, storage } = await backedUpTwice();
    const held: BackupMethod = 'PASSKEY';
    const { container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} method={held} />, { portal });
    const root = part(container, 'recover-wallet', 'root');
    await waitFor(() => expect(root).toHaveAttribute('data-state', 'idle'));
    expect(root).toHaveAttribute('data-method', 'PASSWORD');
  });
});
