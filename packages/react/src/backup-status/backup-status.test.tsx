import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupButton } from '../backup-button/backup-button-parts.js';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { part, renderWithPortal } from '../test/render.js';
import { BackupStatus } from './backup-status-parts.js';

const rootOf = (container: HTMLElement) => part(container, 'backup-status', 'root');
const status = () => screen.getByRole('status');
const refresh = () => screen.getByRole('button', { name: 'Refresh' });
const item = (name: string) =>
  within(screen.getByRole('list', { name: 'Backup methods' }))
    .getByText(name)
    .closest('li')!;
const ready = (container: HTMLElement, state = 'ready') =>
  waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', state));

/** A PASSKEY BackupButton's trigger waits (checking) until its lazy code is in. */
const passkeyTriggerReady = () =>
  waitFor(() =>
    expect(screen.getByRole('button', { name: 'Back up with a passkey' })).not.toHaveAttribute('aria-disabled'),
  );

describe('BackupStatus', () => {
  it('says in words which methods are backed up, and sums it up in the status line', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, {
      fake: { wallet: { backedUpWith: ['PASSWORD', 'GDRIVE'] } },
    });
    await ready(container);

    expect(item('Password')).toHaveTextContent('Password Backed up');
    expect(item('Password')).toHaveAttribute('data-backed-up', '');
    expect(item('Passkey')).toHaveTextContent('Passkey Not backed up');
    expect(item('Passkey')).not.toHaveAttribute('data-backed-up');
    expect(item('Google Drive')).toHaveTextContent('Google Drive Backed up');
    expect(status()).toHaveTextContent('Backed up with Password and Google Drive.');
    for (const element of container.querySelectorAll('[data-scope="backup-status"]')) {
      expect(element).toHaveAttribute('data-state', 'ready');
    }
  });

  it('names a backup Portal counts outside the listed methods (a server-side backup) rather than none', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, {
      fake: { wallet: { backedUpWith: ['UNKNOWN'] } },
    });
    await ready(container);

    expect(status()).toHaveTextContent('Backed up with Unknown method.');
    expect(item('Password')).toHaveTextContent('Password Not backed up');
  });

  it('says it is reading, with Refresh blocked but focusable, until Portal answers', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, { fake: { failures: { getClient: 'hang' } } });

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-portal', 'ready'));
    expect(rootOf(container)).toHaveAttribute('data-state', 'loading');
    expect(status()).toHaveTextContent('Checking your backups…');
    expect(refresh()).toHaveAttribute('aria-disabled', 'true');
    expect(refresh()).not.toBeDisabled();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('offers the call to action while nothing is backed up, and updates itself once a backup made there succeeds', async () => {
    const { user, container } = renderWithPortal(
      <BackupStatus.DropIn empty={<BackupButton.DropIn method="GDRIVE" storage={memoryStorage()} />} />,
    );
    await ready(container, 'empty');
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('This wallet is not backed up yet.');
    expect(item('Google Drive')).toHaveTextContent('Not backed up');
    const backUp = screen.getByRole('button', { name: 'Back up to Google Drive' });
    expect(part(container, 'backup-status', 'empty')).toContainElement(backUp);

    await user.click(backUp);

    await ready(container);
    expect(item('Google Drive')).toHaveTextContent('Google Drive Backed up');
    expect(status()).toHaveTextContent('Backed up with Google Drive.');
    expect(screen.queryByRole('button', { name: /google drive/i })).toBeNull();
    expect(refresh()).toHaveFocus(); // not lost with the call to action
  });

  it('updates itself after a backup made by another component on the same Portal', async () => {
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal}>
        <BackupStatus.DropIn />
        <BackupButton.DropIn method="PASSKEY" storage={memoryStorage()} />
      </BackupKitProvider>,
    );
    await ready(container, 'empty');

    await passkeyTriggerReady();
    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));

    await ready(container);
    expect(item('Passkey')).toHaveTextContent('Passkey Backed up');
  });

  it('leaves the status alone after a backup when told not to refresh on success', async () => {
    const portal = createFakePortal();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal}>
        <BackupStatus.DropIn refreshOnSuccess={false} />
        <BackupButton.DropIn method="PASSKEY" storage={memoryStorage()} />
      </BackupKitProvider>,
    );
    await ready(container, 'empty');

    await passkeyTriggerReady();
    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));
    await waitFor(() => expect(portal.notifications).toHaveLength(1));

    // The first status read, and the backup's own read of its pair ids: no second status read.
    expect(portal.count('getClient')).toBe(2);
    expect(rootOf(container)).toHaveAttribute('data-state', 'empty');
  });

  it('reads again on Refresh with the keyboard, keeping the list and the focus meanwhile', async () => {
    const { user, portal, container } = renderWithPortal(<BackupStatus.DropIn />, {
      fake: { wallet: { backedUpWith: ['PASSWORD'] } },
    });
    await ready(container);
    portal.script('getClient', 'hang');

    await user.tab();
    expect(refresh()).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'loading'));
    expect(portal.count('getClient')).toBe(2);
    expect(item('Password')).toHaveTextContent('Backed up');
    expect(status()).toHaveTextContent('Checking your backups…');
    expect(refresh()).toHaveFocus();
    expect(refresh()).toHaveAttribute('aria-disabled', 'true');
  });

  it('reports a failed read, and reads again on Refresh', async () => {
    const { user, container } = renderWithPortal(<BackupStatus.DropIn />, {
      fake: {
        wallet: { backedUpWith: ['PASSWORD'] },
        failures: { getClient: [{ error: { code: 500, message: 'network' } }] },
      },
    });

    await ready(container, 'error');
    expect(rootOf(container)).toHaveAttribute('data-stage', 'status');
    expect(status()).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.queryByRole('list')).toBeNull();
    await user.click(refresh());

    await ready(container);
    expect(item('Password')).toHaveTextContent('Backed up');
  });

  it("counts a passkey backup made on the kit's direct path (CUSTOM) as a passkey", async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, { fake: { wallet: { backedUpWith: ['CUSTOM'] } } });
    await ready(container);

    expect(item('Passkey')).toHaveTextContent('Passkey Backed up');
    expect(status()).toHaveTextContent('Backed up with Passkey.');
  });

  it('lists the methods it is given, in that order', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn methods={['GDRIVE', 'CUSTOM']} />, {
      fake: { wallet: { backedUpWith: ['CUSTOM'] } },
    });
    await ready(container);

    const items = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-method'))).toEqual(['GDRIVE', 'CUSTOM']);
    expect(items[1]).toHaveAttribute('data-backed-up', '');
  });

  it('says when there is no wallet yet', async () => {
    const { container } = renderWithPortal(<BackupStatus.DropIn />, { fake: { wallet: { exists: false } } });

    await ready(container, 'empty');
    expect(status()).toHaveTextContent('There is no wallet to back up yet.');
  });

  it('shows "connecting", then the error when Portal is never ready, and Refresh retries Portal', async () => {
    const portal = createFakePortal({ ready: 'never', wallet: { backedUpWith: ['GDRIVE'] } });
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} timeouts={{ readyMs: 30 }}>
        <BackupStatus.DropIn />
      </BackupKitProvider>,
    );
    expect(status()).toHaveTextContent('Connecting to Portal…');

    await ready(container, 'error');
    expect(rootOf(container)).toHaveAttribute('data-stage', 'initializing');
    portal.becomeReady();
    await user.click(refresh());

    await ready(container);
    expect(item('Google Drive')).toHaveTextContent('Backed up');
  });

  it('takes its text from labels, the provider first and the component last', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['PASSWORD'] } });
    const { container } = render(
      <BackupKitProvider portal={portal} labels={{ retry: 'Réessayer' }}>
        <BackupStatus.DropIn
          labels={{
            listLabel: 'Sauvegardes',
            method: ({ method }) => (method === 'PASSWORD' ? 'Mot de passe' : method),
            backedUp: 'Sauvegardé',
            notBackedUp: 'Non sauvegardé',
            summary: ({ names }) => `Sauvegardé : ${names.join(', ')}`,
            refresh: 'Actualiser',
          }}
        />
      </BackupKitProvider>,
    );
    await ready(container);

    const list = screen.getByRole('list', { name: 'Sauvegardes' });
    expect(within(list).getByText('Mot de passe').closest('li')).toHaveTextContent('Mot de passe Sauvegardé');
    expect(within(list).getByText('PASSKEY').closest('li')).toHaveTextContent('Non sauvegardé');
    expect(status()).toHaveTextContent('Sauvegardé : Mot de passe');
    expect(screen.getByRole('button', { name: 'Actualiser' })).toBeInTheDocument();
  });

  it('passes className and style to every part, and classNames to the drop-in parts', async () => {
    const { container } = renderWithPortal(
      <BackupStatus.Root className="c-root" style={{ color: 'red' }}>
        <BackupStatus.List className="c-list">
          <BackupStatus.Item method="PASSWORD" className="c-item" />
        </BackupStatus.List>
        <BackupStatus.Status className="c-status" />
        <BackupStatus.Empty className="c-empty">Back up now</BackupStatus.Empty>
        <BackupStatus.Refresh className="c-refresh" />
      </BackupStatus.Root>,
    );
    await ready(container, 'empty');

    for (const name of ['root', 'list', 'item', 'status', 'empty', 'refresh']) {
      expect(part(container, 'backup-status', name)).toHaveClass(`c-${name}`);
      expect(part(container, 'backup-status', name)).toHaveAttribute('data-state', 'empty');
    }
    expect(rootOf(container)).toHaveStyle({ color: 'rgb(255, 0, 0)' });

    const dropIn = renderWithPortal(
      <BackupStatus.DropIn
        className="r"
        classNames={{ list: 'l', status: 's', empty: 'e', refresh: 'f' }}
        empty="Back up"
      />,
    );
    await ready(dropIn.container, 'empty');
    for (const [name, className] of [
      ['root', 'r'],
      ['list', 'l'],
      ['status', 's'],
      ['empty', 'e'],
      ['refresh', 'f'],
    ] as const) {
      expect(part(dropIn.container, 'backup-status', name)).toHaveClass(className);
    }
  });

  it('turns Refresh off when disabled', async () => {
    const { user, portal, container } = renderWithPortal(<BackupStatus.DropIn disabled />);
    await ready(container, 'empty');

    await user.click(refresh());

    expect(refresh()).toBeDisabled();
    expect(rootOf(container)).toHaveAttribute('data-disabled', '');
    expect(portal.count('getClient')).toBe(1);
  });
});
