import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { createBackupFlow } from '@backup-kit/core';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { useBackupKit } from '../provider/backup-kit-context.js';
import { useBackup } from './use-backup.js';
import { useBackupStatus } from './use-backup-status.js';
import { usePasskeySetup } from './use-passkey-setup.js';
import { usePasswordBackup } from './use-password-backup.js';
import { useRecovery } from './use-recovery.js';

describe('useBackup', () => {
  it('explains what is missing when there is neither a provider nor a portal', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useBackup({ method: 'PASSKEY' }))).toThrow(
      'Backup Kit needs a <BackupKitProvider> above it, or a `portal` option.',
    );
    errors.mockRestore();
  });

  it('runs headless over a portal passed directly, as a union narrowed by state', async () => {
    const portal = createFakePortal();
    const { result } = renderHook(() => useBackup({ method: 'GDRIVE', portal, storage: memoryStorage() }));
    expect(result.current).toMatchObject({ state: 'idle', method: 'GDRIVE', portalStatus: 'ready', isBusy: false });

    await act(() => result.current.start());

    expect(result.current.state).toBe('success');
    if (result.current.state === 'success') expect(result.current.storage).toBe('self');
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'GDRIVE' }]);
  });

  it('calls the latest callbacks, synced after each render without recreating the flow', async () => {
    const portal = createFakePortal();
    const first = vi.fn();
    const second = vi.fn();
    const { result, rerender } = renderHook(({ onSuccess }) => useBackup({ method: 'PASSKEY', portal, onSuccess }), {
      initialProps: { onSuccess: first },
    });
    const start = result.current.start;

    rerender({ onSuccess: second });
    await act(() => result.current.start());

    expect(result.current.start).toBe(start);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', storage: 'portal' });
  });
});

describe('usePasswordBackup', () => {
  it('says when the backup has taken the password: not after an MPC failure, yes once stored', async () => {
    const portal = createFakePortal({ failures: { backupWallet: [{ error: { code: 1, message: 'x' } }] } });
    const { result } = renderHook(() =>
      usePasswordBackup({ portal, storage: memoryStorage(), policy: { kind: 'pin', minLength: 2 } }),
    );
    expect(result.current.policy).toMatchObject({ kind: 'pin', minLength: 4 });
    expect(
      result.current.check({ password: '12a', confirmation: '12a', acknowledged: true }).issues.map((i) => i.code),
    ).toEqual(['too-short', 'digits-only']);

    await act(() => result.current.start({ password: '123456' }));
    expect(result.current.state).toBe('error');
    expect(result.current.passwordTaken).toBe(false);

    await act(() => result.current.retry({ password: '123456' }));
    expect(result.current.state).toBe('success');
    expect(result.current.passwordTaken).toBe(true);
  });
});

describe('usePasskeySetup', () => {
  it('exposes every invalid option as issues', async () => {
    const portal = createFakePortal({ seedPasskeyApi: true });
    const { result } = renderHook(() =>
      usePasskeySetup({
        portal,
        passkey: { customDomain: 'ftp://x', relyingPartyId: '10.0.0.1', relyingPartyName: 'X' },
        pageOrigin: 'https://app.example.com',
        isSupported: async () => true,
      }),
    );
    await waitFor(() => expect(result.current.state).toBe('idle'));

    await act(() => result.current.start());

    expect(result.current.state).toBe('error');
    expect(result.current.issues.map((issue) => issue.code)).toEqual([
      'custom-domain-insecure',
      'relying-party-id-ip-address',
    ]);
  });
});

describe('BackupKitProvider', () => {
  it('creates one Portal per attempt even under StrictMode, and exposes its readiness', async () => {
    const fake = createFakePortal();
    const created = vi.fn();
    const loadSdk = async () => ({
      default: class {
        constructor() {
          created();
          return fake;
        }
      },
    });
    function Readiness() {
      const kit = useBackupKit();
      return <p>{kit.status}</p>;
    }
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StrictMode>
        <BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk }}>{children}</BackupKitProvider>
      </StrictMode>
    );

    render(<Readiness />, { wrapper });

    expect(screen.getByText('loading')).toBeInTheDocument();
    expect(await screen.findByText('ready')).toBeInTheDocument();
    expect(created).toHaveBeenCalledTimes(1);
  });

  it('reports a Portal that fails to start as an error with a stage, and retries on request', async () => {
    let attempt = 0;
    const loadSdk = async () => {
      attempt += 1;
      if (attempt === 1) throw new Error('Cannot find module');
      const fake = createFakePortal();
      return {
        default: class {
          constructor() {
            return fake;
          }
        },
      };
    };
    const seen: string[] = [];
    function Readiness() {
      const kit = useBackupKit();
      seen.push(kit.error ? `${kit.status}:${kit.error.code}:${kit.error.stage}` : kit.status);
      return <button onClick={kit.retry}>{kit.status}</button>;
    }
    render(
      <BackupKitProvider portalOptions={{ rpcConfig: {}, loadSdk }}>
        <Readiness />
      </BackupKitProvider>,
    );

    const button = await screen.findByRole('button', { name: 'error' });
    expect(seen).toContain('error:SDK_NOT_INSTALLED:initializing');
    act(() => button.click());

    expect(await screen.findByRole('button', { name: 'ready' })).toBeInTheDocument();
  });

  it('refuses to be read outside a provider, with a helpful message', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useBackupKit())).toThrow('useBackupKit() must be used inside <BackupKitProvider>.');
    errors.mockRestore();
  });
});

describe('useRecovery', () => {
  async function backedUpWithPassword() {
    const portal = createFakePortal();
    const storage = memoryStorage();
    await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: 'right password' });
    return { portal, storage };
  }

  it('lists the methods once Portal is ready, and keeps them while a recovery runs', async () => {
    const { portal, storage } = await backedUpWithPassword();
    portal.script('recoverWallet', 'hang');
    const { result } = renderHook(() => useRecovery({ portal, storage }));
    expect(result.current).toMatchObject({ state: 'loading', methods: [], isBusy: false });

    await waitFor(() => expect(result.current.state).toBe('idle'));
    expect(result.current.methods).toEqual(['PASSWORD']);
    act(() => void result.current.recover({ method: 'PASSWORD', password: 'right password' }));

    await waitFor(() => expect(result.current.state).toBe('recovering'));
    expect(result.current).toMatchObject({ isBusy: true, methods: ['PASSWORD'] });
  });

  it('retries the failed method with the new password', async () => {
    const { portal, storage } = await backedUpWithPassword();
    const { result } = renderHook(() => useRecovery({ portal, storage }));
    await waitFor(() => expect(result.current.state).toBe('idle'));

    await act(() => result.current.recover({ method: 'PASSWORD', password: 'wrong password' }));
    expect(result.current.state === 'error' && result.current.error.code).toBe('WRONG_PASSWORD');
    await act(() => result.current.retry({ password: 'right password' }));

    expect(result.current).toMatchObject({ state: 'success', method: 'PASSWORD', address: portal.address });
  });

  it('lists the methods again when a retry follows a failed listing', async () => {
    const portal = createFakePortal({
      wallet: { backedUpWith: ['GDRIVE'] },
      failures: { getClient: [{ error: { code: 500, message: 'x' } }] },
    });
    const { result } = renderHook(() => useRecovery({ portal }));
    await waitFor(() => expect(result.current.state).toBe('error'));

    await act(() => result.current.retry());

    expect(result.current).toMatchObject({ state: 'idle', methods: ['GDRIVE'] });
  });
});

describe('useBackupStatus', () => {
  it('reads the status headless, and again after a backup by another hook on the same Portal', async () => {
    const portal = createFakePortal();
    const { result } = renderHook(() => ({
      status: useBackupStatus({ portal }),
      backup: useBackup({ method: 'GDRIVE', portal, storage: memoryStorage() }),
    }));
    await waitFor(() => expect(result.current.status.state).toBe('ready'));
    expect(result.current.status).toMatchObject({ methods: [], hasWallet: true, known: { methods: [] } });

    await act(() => result.current.backup.start());

    await waitFor(() => expect(result.current.status).toMatchObject({ state: 'ready', methods: ['GDRIVE'] }));
  });
});
