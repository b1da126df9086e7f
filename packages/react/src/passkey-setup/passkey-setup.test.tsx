import { screen, waitFor } from '@testing-library/react';
import type { PasskeyOptions } from '@backup-kit/core';
import { memoryStorage } from '@backup-kit/core/testing';
import { PasswordBackup } from '../password-backup/password-backup-parts.js';
import { part, renderWithPortal } from '../test/render.js';
import { PasskeySetup } from './passkey-setup-parts.js';

const passkey: PasskeyOptions = {
  customDomain: 'https://passkeys.example.com',
  relyingPartyId: 'example.com',
  relyingPartyName: 'Example Wallet',
};
const pageOrigin = 'https://wallet.example.com';
const supported = async () => true;
const unsupported = async () => false;
const cancelledPrompt = () => ({
  throw: new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
});

const rootOf = (container: HTMLElement) => part(container, 'passkey-setup', 'root');
const trigger = () => screen.getByRole('button', { name: /passkey|backing up|try again|backed up/i });

describe('PasskeySetup', () => {
  it('checks passkey support first, with the trigger blocked, then waits for the user', async () => {
    const { container } = renderWithPortal(
      <PasskeySetup.DropIn passkey={passkey} pageOrigin={pageOrigin} isSupported={supported} />,
    );
    expect(rootOf(container)).toHaveAttribute('data-state', 'checking');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    expect(trigger()).not.toHaveAttribute('aria-disabled');
    expect(trigger()).toHaveTextContent('Back up with a passkey');
  });

  it('replaces the trigger with the fallback when the browser has no passkeys: never a dead button', async () => {
    const { container } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={passkey}
        pageOrigin={pageOrigin}
        isSupported={unsupported}
        fallback={<PasswordBackup.DropIn policy={{ requireAcknowledgement: false }} />}
      />,
    );

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'unsupported'));
    expect(screen.queryByRole('button', { name: 'Back up with a passkey' })).toBeNull();
    expect(screen.getAllByRole('status')[0]).toHaveTextContent('This browser does not support passkeys.');
    expect(part(container, 'passkey-setup', 'fallback')).toContainElement(screen.getByLabelText('Backup password'));
  });

  it('lists every invalid custom-domain option before any passkey prompt', async () => {
    const onError = vi.fn();
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={{ customDomain: 'http://passkeys.example.com/vault', relyingPartyId: 'com', relyingPartyName: '' }}
        pageOrigin={pageOrigin}
        isSupported={supported}
        onError={onError}
      />,
      { fake: { seedPasskeyApi: true } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(trigger());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'error'));
    expect(rootOf(container)).toHaveAttribute('data-stage', 'validating');
    expect(screen.getByRole('status')).toHaveTextContent('The passkey settings are not valid for this site.');
    const codes = [...part(container, 'passkey-setup', 'issues').querySelectorAll('li')].map((li) => li.dataset.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'custom-domain-insecure',
        'custom-domain-has-path',
        'relying-party-id-public-suffix',
        'relying-party-name-missing',
      ]),
    );
    expect(portal.calls).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'PASSKEY_OPTIONS_INVALID' }));
  });

  it('creates the passkey, then backs up, stores and tells Portal, keeping focus on the trigger', async () => {
    const onRegistered = vi.fn();
    const onSuccess = vi.fn();
    const storage = memoryStorage({ latencyMs: 20 });
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={passkey}
        pageOrigin={pageOrigin}
        isSupported={supported}
        storage={storage}
        onRegistered={onRegistered}
        onSuccess={onSuccess}
      />,
      { fake: { seedPasskeyApi: true, latencyMs: 20 } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(trigger());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'registering'));
    expect(screen.getByRole('status')).toHaveTextContent('Creating your passkey…');
    expect(trigger()).toHaveAttribute('aria-disabled', 'true');
    expect(trigger()).toHaveFocus();
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'storing'));
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(trigger()).toHaveFocus();
    expect(onRegistered).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ backupMethod: 'CUSTOM', storage: 'self' });
    expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]);
  });

  it('treats a cancelled prompt as its own state: retry on the trigger, and the fallback next to it', async () => {
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={passkey}
        pageOrigin={pageOrigin}
        isSupported={supported}
        fallback={<p>Use a password</p>}
      />,
      { fake: { seedPasskeyApi: true, failures: { registerPasskey: [cancelledPrompt()] } } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(trigger());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'cancelled'));
    expect(screen.getByRole('status')).toHaveTextContent('The passkey prompt was cancelled or timed out.');
    expect(trigger()).toHaveTextContent('Try again');
    expect(trigger()).toHaveFocus();
    expect(screen.getByText('Use a password')).toBeInTheDocument();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('registerPasskey')).toBe(2);
    expect(screen.queryByText('Use a password')).toBeNull();
  });

  it('keeps backing up after it unmounts mid-flow: Portal is still told, and React does not warn', async () => {
    const errors = vi.spyOn(console, 'error');
    const { user, portal, container, unmount } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={passkey}
        pageOrigin={pageOrigin}
        isSupported={supported}
        storage={memoryStorage({ latencyMs: 20 })}
      />,
      { fake: { seedPasskeyApi: true } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    await user.click(trigger());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'storing'));

    unmount();

    await waitFor(() => expect(portal.notifications).toEqual([{ success: true, backupMethod: 'CUSTOM' }]));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('starts one ceremony for a double click', async () => {
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.DropIn passkey={passkey} pageOrigin={pageOrigin} isSupported={supported} />,
      { fake: { seedPasskeyApi: true } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

    await user.dblClick(trigger());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('registerPasskey')).toBe(1);
    expect(portal.count('generateBackupShare')).toBe(1);
  });

  it("uses the SDK's own passkey backup when the SDK has no seed API", async () => {
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.DropIn passkey={passkey} pageOrigin={pageOrigin} isSupported={supported} />,
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

    await user.click(trigger());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet', { backupMethod: 'PASSKEY' })).toBe(1);
  });

  it('takes its text from labels, including per-option issue messages', async () => {
    const { user, container } = renderWithPortal(
      <PasskeySetup.DropIn
        passkey={{ ...passkey, relyingPartyName: '' }}
        pageOrigin={pageOrigin}
        isSupported={supported}
        labels={{ trigger: 'Créer une clé', optionIssues: { 'relying-party-name-missing': 'Nom manquant.' } }}
      />,
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    await user.click(screen.getByRole('button', { name: 'Créer une clé' }));

    expect(await screen.findByText('Nom manquant.')).toBeInTheDocument();
  });

  it('passes className and style to every part', async () => {
    const { container } = renderWithPortal(
      <PasskeySetup.Root
        passkey={{ ...passkey, relyingPartyName: '' }}
        pageOrigin={pageOrigin}
        isSupported={supported}
        className="c-root"
        style={{ color: 'red' }}
      >
        <PasskeySetup.Trigger className="c-trigger" />
        <PasskeySetup.Status className="c-status" />
        <PasskeySetup.Issues className="c-issues" />
        <PasskeySetup.Retry className="c-retry" />
        <PasskeySetup.Fallback when={['error']} className="c-fallback">
          fallback
        </PasskeySetup.Fallback>
      </PasskeySetup.Root>,
      { fake: { seedPasskeyApi: true, failures: { registerPasskey: [{ error: { code: 1, message: 'x' } }] } } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    screen.getByRole('button').click();

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'error'));
    for (const name of ['root', 'trigger', 'status', 'issues', 'fallback']) {
      expect(part(container, 'passkey-setup', name)).toHaveClass(`c-${name}`);
      expect(part(container, 'passkey-setup', name)).toHaveAttribute('data-state', 'error');
    }
    expect(rootOf(container)).toHaveStyle({ color: 'rgb(255, 0, 0)' });
  });

  it('shows Retry for a retryable failure and retries from it', async () => {
    const { user, portal, container } = renderWithPortal(
      <PasskeySetup.Root passkey={passkey} pageOrigin={pageOrigin} isSupported={supported}>
        <PasskeySetup.Trigger />
        <PasskeySetup.Status />
        <PasskeySetup.Retry className="c-retry" />
      </PasskeySetup.Root>,
      { fake: { seedPasskeyApi: true, failures: { registerPasskey: [{ error: { code: 1, message: 'x' } }] } } },
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    await user.click(trigger());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'error'));

    await user.click(part(container, 'passkey-setup', 'retry'));

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(part(container, 'passkey-setup', 'trigger')).toHaveFocus();
    expect(portal.count('registerPasskey')).toBe(2);
  });
});
