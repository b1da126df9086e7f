import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import {
  createFakePortal,
  memoryStorage,
  type FakePortalOptions,
  type MemoryStorageOptions,
} from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { part, renderWithPortal } from '../test/render.js';
import { BackupButton } from './backup-button-parts.js';

const root = (container: HTMLElement) => part(container, 'backup-button', 'root');
const trigger = () => screen.getByRole('button');
const status = () => screen.getByRole('status');

describe('BackupButton', () => {
  it('names the trigger after the method and marks every part idle', async () => {
    const { container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" />);
    await waitFor(() => expect(root(container)).toHaveAttribute('data-portal', 'ready'));
    // PASSKEY checks first (its code loading), then is idle.
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'idle'));

    expect(trigger()).toHaveTextContent('Back up with a passkey');
    for (const name of ['root', 'trigger', 'status']) {
      expect(part(container, 'backup-button', name)).toHaveAttribute('data-state', 'idle');
    }
    expect(root(container)).toHaveAttribute('data-method', 'PASSKEY');
    expect(status()).toBeEmptyDOMElement();
  });

  it('announces the backup and keeps focus on the button while it runs', async () => {
    const { user, portal, container } = renderWithPortal(<BackupButton.DropIn method="GDRIVE" />, {
      fake: { failures: { backupWallet: 'hang' } },
    });

    await user.tab();
    expect(trigger()).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'backing-up'));
    expect(trigger()).toHaveFocus();
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');
    expect(trigger()).not.toBeDisabled();
    expect(trigger()).toHaveTextContent('Backing up…');
    expect(status()).toHaveAttribute('aria-live', 'polite');
    expect(status()).toHaveTextContent('Starting the backup…');
    expect(trigger()).toHaveAttribute('aria-describedby', status().id);

    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    await user.click(trigger());
    expect(portal.count('backupWallet')).toBe(1);
  });

  it.each<[string, FakePortalOptions, MemoryStorageOptions]>([
    ['backing-up', { failures: { backupWallet: 'hang' } }, {}],
    ['storing', {}, { saves: ['hang'] }],
    ['notifying', { failures: { storedClientBackupShare: 'hang' } }, {}],
    ['success', {}, {}],
    ['error', { failures: { backupWallet: { error: { code: 1, message: 'x' } } } }, {}],
  ])('writes %s as data-state on every part', async (state, fake, saves) => {
    const { user, container } = renderWithPortal(
      <BackupButton.Root method="GDRIVE" storage={memoryStorage(saves)}>
        <BackupButton.Trigger />
        <BackupButton.Status />
        <BackupButton.Retry />
      </BackupButton.Root>,
      { fake },
    );
    await user.click(screen.getByRole('button'));

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', state));
    const parts = container.querySelectorAll('[data-scope="backup-button"]');
    expect(parts.length).toBe(state === 'error' ? 4 : 3);
    for (const element of parts) expect(element).toHaveAttribute('data-state', state);
  });

  it('starts one backup for a double click', async () => {
    const { user, portal, container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" />);

    await user.dblClick(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('shows a human label for the MPC status Portal reports', async () => {
    const onProgress = vi.fn();
    // Held at the second status, so no status can pass by before the test reads it.
    const { user, container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" onProgress={onProgress} />, {
      fake: {
        progress: ['Reading share', 'Encrypting share'],
        failures: { backupWallet: { hangAfter: 'Encrypting share' } },
      },
    });
    const spoken: string[] = [];
    const observer = new MutationObserver(() => spoken.push(status().textContent ?? ''));
    observer.observe(status(), { childList: true, characterData: true, subtree: true });

    await user.click(trigger());

    expect(await screen.findByText('Encrypting the backup…')).toBe(status());
    expect(root(container)).toHaveAttribute('data-status', 'Encrypting share');
    expect(spoken).toContain('Reading your wallet…');
    expect(onProgress.mock.calls.map(([details]) => details.status.status)).toEqual([
      'Reading share',
      'Encrypting share',
    ]);
    observer.disconnect();
  });

  it('holds in storing while the storage saves, then notifies Portal and succeeds', async () => {
    const storage = memoryStorage({ latencyMs: 30 });
    const onStored = vi.fn();
    const onSuccess = vi.fn();
    const { user, portal, container } = renderWithPortal(
      <BackupButton.DropIn
        method="PASSWORD"
        password="correct horse"
        storage={storage}
        onStored={onStored}
        onSuccess={onSuccess}
      />,
    );

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'storing'));
    expect(status()).toHaveTextContent('Saving the encrypted backup…');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(status()).toHaveTextContent('Your wallet is backed up.');
    expect(trigger()).toHaveTextContent('Backed up');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');
    expect(onStored).toHaveBeenCalledWith({ backupMethod: 'PASSWORD' });
    expect(onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSWORD', storage: 'self' });
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]);
  });

  it('holds in notifying while Portal is told', async () => {
    const { user, container } = renderWithPortal(<BackupButton.DropIn method="GDRIVE" storage={memoryStorage()} />, {
      fake: { failures: { storedClientBackupShare: 'hang' } },
    });

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'notifying'));
    expect(status()).toHaveTextContent('Confirming the backup with Portal…');
  });

  it('reports an MPC failure, keeps focus, and turns the trigger into a retry', async () => {
    const onError = vi.fn();
    const { user, portal, container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" onError={onError} />, {
      fake: { failures: { backupWallet: [{ error: { code: 500, message: 'iframe exploded' } }] } },
    });

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(root(container)).toHaveAttribute('data-stage', 'backing-up');
    expect(status()).toHaveTextContent('The wallet could not be backed up. Please try again.');
    expect(trigger()).toHaveFocus();
    expect(trigger()).toHaveTextContent('Try again');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'BACKUP_FAILED', stage: 'backing-up' }));

    await user.keyboard('{Enter}');
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(2);
  });

  it('retries a failed save with the same backup: no second MPC backup', async () => {
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 503') }] });
    const onStoreFailed = vi.fn();
    const { user, portal, container } = renderWithPortal(
      <BackupButton.DropIn method="GDRIVE" storage={storage} onStoreFailed={onStoreFailed} />,
    );

    await user.click(trigger());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-stage', 'storing'));
    expect(status()).toHaveTextContent('The backup could not be saved. Nothing was lost; please try again.');
    expect(onStoreFailed).toHaveBeenCalledWith({
      backupMethod: 'GDRIVE',
      error: expect.objectContaining({ code: 'STORAGE_FAILED' }),
    });

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.notifications).toEqual([
      { success: false, backupMethod: 'GDRIVE' },
      { success: true, backupMethod: 'GDRIVE' },
    ]);
  });

  it('retries only the notification when telling Portal failed', async () => {
    const { user, portal, container } = renderWithPortal(
      <BackupButton.DropIn method="GDRIVE" storage={memoryStorage()} />,
      {
        fake: { failures: { storedClientBackupShare: [{ error: { code: 200, message: 'network' } }] } },
      },
    );

    await user.click(trigger());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-stage', 'notifying'));
    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
    expect(portal.count('storedClientBackupShare', { success: true })).toBe(2);
  });

  it('shows "connecting" until Portal is ready, then the error if it never is, and retries Portal', async () => {
    const portal = createFakePortal({ ready: 'never' });
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} timeouts={{ readyMs: 30 }}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );

    expect(root(container)).toHaveAttribute('data-portal', 'loading');
    expect(status()).toHaveTextContent('Connecting to Portal…');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(root(container)).toHaveAttribute('data-stage', 'initializing');
    expect(status()).toHaveTextContent('Portal did not become ready in time.');
    expect(trigger()).toHaveTextContent('Try again');

    portal.becomeReady();
    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-portal', 'ready'));
    expect(root(container)).toHaveAttribute('data-state', 'idle');
    expect(trigger()).not.toHaveAttribute('aria-disabled');
  });

  it('blocks the trigger when Portal cannot start at all (a retry would not help)', async () => {
    const { container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" />, {
      fake: { ready: { failWith: { code: 202, message: 'Invalid API key' } } },
    });

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(status()).toHaveTextContent('Portal could not start. Check the API key and the Portal host.');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');
    expect(trigger()).toHaveTextContent('Back up with a passkey');
  });

  it('starts Portal from options, lazily, and backs up once it is ready', async () => {
    const fake = createFakePortal();
    const loadSdk = vi.fn(async () => ({
      default: class {
        constructor() {
          return fake;
        }
      },
    }));
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk }}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );
    expect(root(container)).toHaveAttribute('data-portal', 'loading');

    await waitFor(() => expect(root(container)).toHaveAttribute('data-portal', 'ready'));
    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'success'));
    expect(loadSdk).toHaveBeenCalledTimes(1);
    expect(fake.count('backupWallet')).toBe(1);
  });

  it('renders on the server without touching Portal, as loading', () => {
    const loadSdk = vi.fn();
    const html = renderToString(
      <BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk }}>
        <BackupButton.DropIn method="PASSKEY" />
      </BackupKitProvider>,
    );

    expect(html).toContain('data-state="idle"');
    expect(html).toContain('data-portal="loading"');
    expect(loadSdk).not.toHaveBeenCalled();
  });

  it('takes its text from labels, the provider first and the component last', async () => {
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider
        portal={createFakePortal({ failures: { backupWallet: { error: { code: 1, message: 'x' } } } })}
        labels={{ retry: 'Réessayer', errors: { BACKUP_FAILED: 'Échec de la sauvegarde.' } }}
      >
        <BackupButton.DropIn method="PASSKEY" labels={{ trigger: ({ method }) => `Sauvegarder (${method})` }} />
      </BackupKitProvider>,
    );
    expect(trigger()).toHaveTextContent('Sauvegarder (PASSKEY)');

    await user.click(trigger());

    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'error'));
    expect(status()).toHaveTextContent('Échec de la sauvegarde.');
    expect(trigger()).toHaveTextContent('Réessayer');
  });

  it('passes className and style to every part, and classNames to the drop-in parts', async () => {
    const { container } = renderWithPortal(
      <BackupButton.Root method="PASSKEY" className="r" style={{ color: 'red' }}>
        <BackupButton.Trigger className="t" style={{ color: 'red' }} />
        <BackupButton.Status className="s" style={{ color: 'red' }} />
      </BackupButton.Root>,
    );
    for (const [name, className] of [
      ['root', 'r'],
      ['trigger', 't'],
      ['status', 's'],
    ] as const) {
      expect(part(container, 'backup-button', name)).toHaveClass(className);
      expect(part(container, 'backup-button', name)).toHaveStyle({ color: 'rgb(255, 0, 0)' });
    }
    await waitFor(() => expect(part(container, 'backup-button', 'root')).toHaveAttribute('data-portal', 'ready'));

    const dropIn = renderWithPortal(
      <BackupButton.DropIn method="GDRIVE" className="root" classNames={{ trigger: 'a', status: 'b' }} />,
    );
    await waitFor(() => expect(screen.getAllByRole('status')[1]).toBeEmptyDOMElement());
    expect(part(dropIn.container, 'backup-button', 'root')).toHaveClass('root');
    expect(part(dropIn.container, 'backup-button', 'trigger')).toHaveClass('a');
    expect(part(dropIn.container, 'backup-button', 'status')).toHaveClass('b');
  });

  it('shows a Retry part only while a retry can help, and moves focus to the trigger when pressed', async () => {
    const { user, container, portal } = renderWithPortal(
      <BackupButton.Root method="PASSKEY">
        <BackupButton.Trigger />
        <BackupButton.Status />
        <BackupButton.Retry className="retry" />
      </BackupButton.Root>,
      { fake: { failures: { backupWallet: [{ error: { code: 1, message: 'x' } }] } } },
    );
    expect(container.querySelector('[data-part="retry"]')).toBeNull();
    // A PASSKEY BackupButton's trigger waits (checking) until its lazy code is in.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Back up with a passkey' })).not.toHaveAttribute('aria-disabled'),
    );

    await user.click(screen.getByRole('button', { name: 'Back up with a passkey' }));
    await waitFor(() => expect(part(container, 'backup-button', 'root')).toHaveAttribute('data-state', 'error'));
    const retry = part(container, 'backup-button', 'retry');
    expect(retry).toHaveClass('retry');
    expect(retry).toHaveTextContent('Try again');
    await user.click(retry);

    await waitFor(() => expect(part(container, 'backup-button', 'root')).toHaveAttribute('data-state', 'success'));
    expect(retry).not.toBeInTheDocument();
    expect(part(container, 'backup-button', 'trigger')).toHaveFocus();
    expect(portal.count('backupWallet')).toBe(2);
  });

  it('does nothing when disabled, and says so with a real disabled attribute', async () => {
    const { user, portal, container } = renderWithPortal(<BackupButton.DropIn method="PASSKEY" disabled />);

    await user.click(trigger());

    expect(trigger()).toBeDisabled();
    expect(root(container)).toHaveAttribute('data-disabled', '');
    expect(portal.count('backupWallet')).toBe(0);
  });

  it('keeps backing up after it unmounts mid-flow: Portal is still told, and React does not warn', async () => {
    const errors = vi.spyOn(console, 'error');
    const storage = memoryStorage({ latencyMs: 20 });
    const onSuccess = vi.fn();
    const { user, portal, container, unmount } = renderWithPortal(
      <BackupButton.DropIn method="GDRIVE" storage={storage} onSuccess={onSuccess} />,
    );

    await user.click(trigger());
    await waitFor(() => expect(root(container)).toHaveAttribute('data-state', 'storing'));
    unmount();

    await waitFor(() => expect(portal.notifications).toEqual([{ success: true, backupMethod: 'GDRIVE' }]));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('lets two buttons on one Portal run one backup at a time', async () => {
    const user = userEvent.setup();
    const portal = createFakePortal({ failures: { backupWallet: 'hang' } });
    render(
      <BackupKitProvider portal={portal}>
        <BackupButton.DropIn method="PASSKEY" />
        <BackupButton.DropIn method="GDRIVE" />
      </BackupKitProvider>,
    );
    const [passkey, gdrive] = screen.getAllByRole('button');

    await user.click(passkey!);
    await user.click(gdrive!);

    await waitFor(() => expect(screen.getAllByRole('status')[1]).toHaveTextContent('A backup is already running'));
    expect(portal.count('backupWallet')).toBe(1);
    await act(async () => {});
  });
});
