import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryStorage } from '@backup-kit/core/testing';
import { part, renderWithPortal } from '../test/render.js';
import { BackupStatus } from './backup-status-parts.js';

const item = (name: string) =>
  within(screen.getByRole('list', { name: 'Backup methods' }))
    .getAllByText(name)[0]!
    .closest('li')!;

describe('BackupStatus cross-checked against the storage prop', () => {
  it('shows a method Portal counts but the storage lacks as missing, with a call to back up again', async () => {
    const storage = memoryStorage();
    const { container } = renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['PASSWORD', 'GDRIVE'] } },
    });
    await waitFor(() => expect(item('Password')).toHaveAttribute('data-state', 'missing'));

    expect(item('Password')).toHaveTextContent('Password Missing from storage');
    expect(item('Google Drive')).toHaveAttribute('data-state', 'missing');
    expect(item('Passkey')).not.toHaveAttribute('data-state', 'missing');
    expect(part(container, 'backup-status', 'root')).toHaveAttribute('data-state', 'ready');
  });

  it('shows the method backed up once the storage holds its share again (Refresh)', async () => {
    const storage = memoryStorage();
    renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['PASSWORD'] } },
    });
    await waitFor(() => expect(item('Password')).toHaveAttribute('data-state', 'missing'));

    await storage.save({ backupMethod: 'PASSWORD', cipherText: 'ct', signal: new AbortController().signal });
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));

    await waitFor(() => expect(item('Password')).toHaveTextContent('Password Backed up'));
    expect(item('Password')).toHaveAttribute('data-state', 'ready');
  });

  it('never flags a passkey-only user (direct path share stored as CUSTOM) as missing', async () => {
    const storage = memoryStorage();
    await storage.save({ backupMethod: 'CUSTOM', cipherText: 'ct', signal: new AbortController().signal });
    renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['PASSWORD'] } },
    });

    await waitFor(() => expect(item('Password')).toHaveTextContent('Password Backed up'));
    expect(item('Password')).not.toHaveAttribute('data-state', 'missing');
  });
});
