import { screen, waitFor, within } from '@testing-library/react';
import { memoryStorage } from '@backup-kit/core/testing';
import { renderWithPortal } from '../test/render.js';
import { BackupStatus } from './backup-status-parts.js';

const SECRET = 'a long new backup password';

const item = (name: string) =>
  within(screen.getByRole('list', { name: 'Backup methods' }))
    .getAllByText(name)[0]!
    .closest('li')!;

describe('BackupStatus: back up again a method missing from storage', () => {
  it('PASSWORD: the button opens a password form; the new backup is stored and the item is backed up again', async () => {
    const storage = memoryStorage();
    const { user, portal } = renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['PASSWORD'] } },
    });
    const again = await screen.findByRole('button', { name: 'Back up again Password' });
    expect(item('Password')).toHaveAttribute('data-state', 'missing');
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Missing from storage: Password.');
    expect(again).toHaveAttribute('aria-expanded', 'false');

    // Keyboard: focus the button and open the form with Enter.
    again.focus();
    await user.keyboard('{Enter}');
    expect(again).toHaveAttribute('aria-expanded', 'true');
    expect(again).toHaveAttribute('aria-controls', expect.stringContaining('form'));
    await user.type(await screen.findByLabelText('Backup password'), SECRET);
    await user.type(screen.getByLabelText('Confirm password'), SECRET);
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Back up wallet' }));

    await waitFor(() => expect(item('Password')).toHaveTextContent('Password Backed up'));
    expect(storage.stored.get('PASSWORD')).toBe(portal.cipherTexts.at(-1));
    expect(item('Password')).toHaveAttribute('data-state', 'ready');
    expect(screen.queryByRole('button', { name: /Back up again/ })).toBeNull();
    // Focus does not fall to <body> when the form goes: it lands on the item, which says "Backed up".
    expect(item('Password')).toHaveFocus();
    await waitFor(() => expect(screen.getAllByRole('status').at(-1)).toHaveTextContent('Backed up with Password.'));
  });

  it('GDRIVE: one press backs up into the same storage, announced by its own status line', async () => {
    const storage = memoryStorage();
    const { user, portal } = renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['GDRIVE'] }, latencyMs: 20 },
    });

    await user.click(await screen.findByRole('button', { name: 'Back up again Google Drive' }));

    await waitFor(() => expect(item('Google Drive')).toHaveTextContent('Google Drive Backed up'));
    expect(storage.stored.get('GDRIVE')).toBe(portal.cipherTexts.at(-1));
    expect(portal.notifications).toContainEqual({ success: true, backupMethod: 'GDRIVE' });
    expect(item('Google Drive')).toHaveFocus();
  });

  it('keeps the button named while it works and offers it again after a storage failure', async () => {
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 503') }] });
    const { user } = renderWithPortal(<BackupStatus.DropIn storage={storage} />, {
      fake: { wallet: { backedUpWith: ['GDRIVE'] } },
    });
    await user.click(await screen.findByRole('button', { name: 'Back up again Google Drive' }));

    const retry = await screen.findByRole('button', { name: 'Try again Google Drive' });
    expect(item('Google Drive')).toHaveAttribute('data-state', 'missing');
    await user.click(retry);

    await waitFor(() => expect(item('Google Drive')).toHaveTextContent('Google Drive Backed up'));
    expect(storage.saveCount).toBe(2);
  });

  it('takes its label from labels.backUpAgain, and an item can offer something else or nothing', async () => {
    const storage = memoryStorage();
    renderWithPortal(
      <BackupStatus.Root storage={storage} labels={{ backUpAgain: 'Sauvegarder à nouveau' }}>
        <BackupStatus.List>
          <BackupStatus.Item method="PASSWORD" />
          <BackupStatus.Item method="GDRIVE" backUpAgain={null} />
        </BackupStatus.List>
      </BackupStatus.Root>,
      { fake: { wallet: { backedUpWith: ['PASSWORD', 'GDRIVE'] } } },
    );

    expect(await screen.findByRole('button', { name: 'Sauvegarder à nouveau Password' })).toBeVisible();
    expect(item('Google Drive')).toHaveAttribute('data-state', 'missing');
    expect(screen.queryByRole('button', { name: /Google Drive/ })).toBeNull();
  });

  it('offers nothing while the method is backed up, or for a method the kit cannot start', async () => {
    const storage = memoryStorage();
    await storage.save({ backupMethod: 'PASSWORD', cipherText: 'ct', signal: new AbortController().signal });
    renderWithPortal(
      <BackupStatus.Root storage={storage} methods={['PASSWORD', 'CUSTOM']}>
        <BackupStatus.List />
      </BackupStatus.Root>,
      { fake: { wallet: { backedUpWith: ['PASSWORD', 'CUSTOM'] } } },
    );

    await waitFor(() => expect(item('Password')).toHaveTextContent('Password Backed up'));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
