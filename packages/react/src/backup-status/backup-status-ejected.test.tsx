import { screen, waitFor } from '@testing-library/react';
import { createBackupFlow } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { ExportWallet } from '../export.js';
import { part, renderWithPortal } from '../test/render.js';
import { BackupStatus } from './backup-status-parts.js';

const PASSWORD = 'correct horse battery staple';

describe('BackupStatus after an export', () => {
  it('says nothing for a wallet never exported', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, { fake: { wallet: { backedUpWith: ['GDRIVE'] } } });
    await waitFor(() => expect(part(container, 'backup-status', 'root')).toHaveAttribute('data-state', 'ready'));
    expect(part(container, 'backup-status', 'root')).not.toHaveAttribute('data-ejected');
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('says when the key was exported, as soon as an export on the same Portal shows it', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: PASSWORD });
    const { container, user } = renderWithPortal(
      <>
        <BackupStatus.DropIn storage={storage} />
        <ExportWallet.DropIn storage={storage} custodianShare={{ load: async () => 'share' }} />
      </>,
      { portal },
    );
    await waitFor(() => expect(part(container, 'backup-status', 'root')).toHaveAttribute('data-state', 'ready'));
    await user.click(screen.getByRole('button', { name: 'Export private key' }));
    await user.keyboard(`${PASSWORD}{Enter}`);

    await waitFor(() => expect(part(container, 'backup-status', 'root')).toHaveAttribute('data-ejected', ''));
    expect(screen.getByRole('note')).toHaveTextContent(/private key was exported on \w+ \d+, \d{4}\./);
  });

  it('takes its text from labels', async () => {
    const { container } = renderWithPortal(
      <BackupStatus.DropIn labels={{ ejected: ({ ejectedAt }) => `Exported at ${ejectedAt}` }} />,
      { fake: { wallet: { backedUpWith: ['GDRIVE'], ejectedAt: '2026-12-01T10:00:00.000Z' } } },
    );
    await waitFor(() => expect(part(container, 'backup-status', 'ejected')).toBeInTheDocument());
    expect(screen.getByRole('note')).toHaveTextContent('Exported at 2026-12-01T10:00:00.000Z');
  });
});
