import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createBackupFlow, type BackupMethod, type BackupStorage } from '@backup-kit/core';
import { createFakePortal, memoryStorage, type FakePortalOptions, type MemoryStorage } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { reactTreeContains } from '../test/react-tree.js';
import { part, renderWithPortal } from '../test/render.js';
import { BackupButton } from '../backup-button/backup-button-parts.js';
import { RecoverWallet } from './recover-wallet-parts.js';

const PASSWORD = 'correct horse battery staple';
const ADDRESS = '0x5e0b0f5bbd0f1a3fa32a6b2cd0e8f1b1f0b5c0de';

/** A fake Portal whose wallet was backed up with these methods, the shares in a memory storage. */
async function backedUp(methods: BackupMethod[], fake: FakePortalOptions = {}) {
  const portal = createFakePortal(fake);
  const storage = memoryStorage();
  for (const method of methods) {
    const flow = createBackupFlow(portal, { method, storage });
    const result = await flow.start(method === 'PASSWORD' ? { password: PASSWORD } : {});
    if (result.state !== 'success') throw new Error(`Could not back up with ${method}.`);
  }
  return { portal, storage };
}

/** A storage whose reads do this (never settle, fail once...) and then read the real one. */
function readsFrom(storage: MemoryStorage, ...loads: Array<'hang' | Error>): BackupStorage {
  return {
    save: (request) => storage.save(request),
    load: (request) => {
      const next = loads.shift();
      if (next === 'hang') return new Promise(() => {});
      if (next) return Promise.reject(next);
      return storage.load!(request);
    },
  };
}

const rootOf = (container: HTMLElement) => part(container, 'recover-wallet', 'root');
const password = () => screen.getByLabelText('Backup password');
const submit = () => screen.getByRole('button', { name: /recover|try again|recovered/i });
const status = () => screen.getByRole('status');
const idle = (container: HTMLElement) => waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));

describe('RecoverWallet', () => {
  it('offers only the methods the wallet has, and recovers with the keyboard alone', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const onSuccess = vi.fn();
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} onSuccess={onSuccess} />, {
      portal,
    });
    await idle(container);

    const group = screen.getByRole('group', { name: 'Recover with' });
    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['PASSWORD', 'GDRIVE']);
    expect(group).toBeInTheDocument();

    await user.tab();
    expect(screen.getByRole('radio', { name: 'Password' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: 'Google Drive' })).toBeChecked();
    expect(screen.queryByLabelText('Backup password')).toBeNull();
    expect(submit()).toHaveTextContent('Recover from Google Drive');
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('radio', { name: 'Password' })).toBeChecked();

    await user.tab();
    expect(password()).toHaveFocus();
    await user.keyboard(`${PASSWORD}{Enter}`);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSWORD', address: ADDRESS });
    expect(status()).toHaveTextContent(`Your wallet is recovered: ${ADDRESS}`);
    expect(submit()).toHaveTextContent('Recovered');
    expect(submit()).toHaveAttribute('aria-disabled', 'true');
  });

  it('needs no choice for a single method, and names it on the button', async () => {
    const { portal, storage } = await backedUp(['GDRIVE']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, { portal });
    await idle(container);

    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.queryByLabelText('Backup password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Recover from Google Drive' }));

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(rootOf(container)).toHaveAttribute('data-method', 'GDRIVE');
    expect(portal.count('recoverWallet', { backupMethod: 'GDRIVE' })).toBe(1);
  });

  it('says so next to the field after a wrong password, keeps it to be fixed, then recovers with the right one', async () => {
    const { portal, storage } = await backedUp(['PASSWORD']);
    const onError = vi.fn();
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} onError={onError} />, {
      portal,
    });
    await idle(container);

    await user.type(password(), 'wrong password');
    await user.click(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'wrong-password'));
    expect(password()).toHaveFocus(); // moved back from the button
    expect(password()).toHaveValue('wrong password');
    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect(password()).toHaveAccessibleDescription(
      'That password does not unlock this backup. Check it and try again.',
    );
    expect(part(container, 'recover-wallet', 'field')).toHaveAttribute('data-invalid', '');
    expect(status()).toBeEmptyDOMElement(); // the message is said once, next to the field
    expect(submit()).toHaveTextContent('Try again');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'WRONG_PASSWORD', stage: 'recovering' }));
    expect(storage.stored.has('PASSWORD')).toBe(true); // nothing lost

    await user.clear(password());
    await user.type(password(), `${PASSWORD}{Enter}`);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(password()).not.toHaveAttribute('aria-invalid');
    expect(portal.count('recoverWallet')).toBe(2);
  });

  it('keeps the password out of React and empties the input once the wallet is recovered', async () => {
    const { portal, storage } = await backedUp(['PASSWORD']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, {
      portal,
    });
    await idle(container);

    await user.type(password(), PASSWORD);
    expect(reactTreeContains(container, PASSWORD)).toBe(false); // it never enters React at all
    await user.keyboard('{Enter}');

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(password()).toHaveValue('');
    expect(password()).toHaveAttribute('readonly');
    expect(container.innerHTML).not.toContain(PASSWORD);
    expect(reactTreeContains(container, PASSWORD)).toBe(false);
    // The check itself works: the labels are in the tree.
    expect(reactTreeContains(container, 'Backup password')).toBe(true);
  });

  it('asks for the password next to the field when none was typed', async () => {
    const { portal, storage } = await backedUp(['PASSWORD']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, { portal });
    await idle(container);

    await user.click(submit());

    expect(password()).toHaveFocus();
    expect(password()).toHaveAccessibleDescription('Enter the password of your backup.');
    expect(portal.count('recoverWallet')).toBe(0);
    await user.type(password(), 'x');
    expect(password()).not.toHaveAttribute('aria-invalid');
  });

  it('reports each MPC status with a human label while it recovers', async () => {
    const onProgress = vi.fn();
    const { portal, storage } = await backedUp(['PASSWORD'], {
      failures: { recoverWallet: { hangAfter: 'Decrypting share' } },
    });
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} onProgress={onProgress} />, {
      portal,
    });
    await idle(container);

    await user.type(password(), `${PASSWORD}{Enter}`);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-status', 'Decrypting share'));
    expect(rootOf(container)).toHaveAttribute('data-state', 'recovering');
    expect(status()).toHaveTextContent('Decrypting the backup…');
    expect(submit()).toHaveTextContent('Recovering…');
    expect(submit()).toHaveAttribute('aria-disabled', 'true');
    expect(password()).toHaveAttribute('readonly');
    expect(onProgress.mock.calls.map(([details]) => details.status.status)).toEqual([
      'Reading share',
      'Decrypting share',
    ]);
  });

  it.each([
    ['loading', 'Looking for your backups…'],
    ['fetching', 'Reading your backup…'],
    ['recovering', 'Starting the recovery…'],
    ['wrong-password', ''],
    ['success', `Your wallet is recovered: ${ADDRESS}`],
  ])('writes %s as data-state on every part', async (state, said) => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE'], {
      failures: state === 'loading' ? { getClient: 'hang' } : state === 'recovering' ? { recoverWallet: 'hang' } : {},
    });
    const { user, container } = renderWithPortal(
      <RecoverWallet.DropIn storage={readsFrom(storage, ...(state === 'fetching' ? ['hang' as const] : []))} />,
      { portal },
    );
    if (state !== 'loading') {
      await idle(container);
      await user.type(password(), state === 'wrong-password' ? 'nope{Enter}' : `${PASSWORD}{Enter}`);
    }

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', state));
    expect(status()).toHaveTextContent(said);
    const parts = container.querySelectorAll('[data-scope="recover-wallet"]');
    const names = new Set([...parts].map((element) => element.getAttribute('data-part')));
    const expected = ['root', 'submit', 'status'];
    if (state !== 'loading') {
      expected.push('methods', 'legend', 'method', 'field', 'label', 'control', 'input', 'visibility-toggle');
    }
    if (state === 'wrong-password') expected.push('field-error');
    expect([...names].sort()).toEqual(expected.sort());
    for (const element of parts) expect(element).toHaveAttribute('data-state', state);
  });

  it('reports a storage failure with its stage, keeps the password, and retries', async () => {
    const { portal, storage } = await backedUp(['PASSWORD']);
    const { user, container } = renderWithPortal(
      <RecoverWallet.DropIn storage={readsFrom(storage, new Error('HTTP 503'))} />,
      { portal },
    );
    await idle(container);

    await user.type(password(), `${PASSWORD}{Enter}`);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'error'));
    expect(rootOf(container)).toHaveAttribute('data-stage', 'loading');
    expect(status()).toHaveTextContent('Your backup could not be read.');
    expect(password()).toHaveValue(PASSWORD);
    expect(portal.count('recoverWallet')).toBe(0);

    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
  });

  it('shows the call to action, and no button, when the wallet has no backup', async () => {
    const { container } = renderWithPortal(<RecoverWallet.DropIn empty={<a href="/new">Create a new wallet</a>} />);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'empty'));
    expect(status()).toHaveTextContent('No backup was found for this wallet.');
    expect(part(container, 'recover-wallet', 'empty')).toContainElement(
      screen.getByRole('link', { name: 'Create a new wallet' }),
    );
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.queryByRole('radio')).toBeNull();
  });

  it('offers the backup another component just made on the same Portal, without remounting', async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal}>
        <RecoverWallet.DropIn storage={storage} />
        <BackupButton.DropIn method="GDRIVE" storage={storage} />
      </BackupKitProvider>,
    );
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'empty'));

    await user.click(screen.getByRole('button', { name: 'Back up to Google Drive' }));

    await idle(container);
    expect(submit()).toHaveTextContent('Recover from Google Drive');
  });

  it('recovers a passkey backup without a password', async () => {
    const { portal, storage } = await backedUp(['PASSKEY']);
    const onSuccess = vi.fn();
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} onSuccess={onSuccess} />, {
      portal,
    });
    await idle(container);

    expect(screen.queryByLabelText('Backup password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Recover with passkey' }));

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(onSuccess).toHaveBeenCalledWith({ backupMethod: 'PASSKEY', address: ADDRESS });
  });

  it("calls the kit's direct-path passkey backup (CUSTOM) a passkey too, and unlocks it before recovering", async () => {
    const portal = createFakePortal();
    const storage = memoryStorage();
    // The direct path: a PASSWORD backup under a key the passkey guards, stored as CUSTOM.
    const { cipherText } = await portal.backupWallet('PASSWORD', undefined, {
      passwordStorage: { password: 'vault-key' },
    });
    await storage.save({ backupMethod: 'CUSTOM', cipherText, signal: new AbortController().signal });
    const unlock = vi.fn(async () => ({ method: 'PASSWORD' as const, password: 'vault-key' }));
    const passkey = { customDomain: 'https://keys.example.com', relyingPartyId: 'example.com', relyingPartyName: 'Ex' };
    const { user, container } = renderWithPortal(
      <RecoverWallet.DropIn storage={storage} passkey={passkey} unlock={unlock} pageOrigin="https://app.example.com" />,
      {
        portal,
      },
    );
    await idle(container);

    await user.click(screen.getByRole('button', { name: 'Recover with passkey' }));

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(rootOf(container)).toHaveAttribute('data-method', 'CUSTOM');
    expect(unlock).toHaveBeenCalledTimes(1);
  });

  it('shows "connecting", then the error when Portal is never ready, and retries Portal', async () => {
    const portal = createFakePortal({ ready: 'never', wallet: { backedUpWith: ['GDRIVE'] } });
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} timeouts={{ readyMs: 30 }}>
        <RecoverWallet.DropIn />
      </BackupKitProvider>,
    );
    expect(rootOf(container)).toHaveAttribute('data-state', 'loading');
    expect(status()).toHaveTextContent('Connecting to Portal…');

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'error'));
    expect(rootOf(container)).toHaveAttribute('data-stage', 'initializing');
    expect(status()).toHaveTextContent('Portal did not become ready in time.');
    expect(submit()).toHaveTextContent('Try again');
    expect(portal.count('getClient')).toBe(0);

    portal.becomeReady();
    await user.click(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    expect(submit()).toHaveTextContent('Recover from Google Drive');
  });

  it('lists the methods again after reading them failed', async () => {
    const { container, user, portal } = renderWithPortal(<RecoverWallet.DropIn />, {
      fake: {
        wallet: { backedUpWith: ['GDRIVE'] },
        failures: { getClient: [{ error: { code: 500, message: 'network' } }] },
      },
    });

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-stage', 'status'));
    await user.click(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'idle'));
    expect(portal.count('getClient')).toBe(2);
  });

  it('offers the methods it is given, in that order', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const { container } = renderWithPortal(
      <RecoverWallet.DropIn storage={storage} methods={['GDRIVE', 'PASSWORD']} />,
      {
        portal,
      },
    );
    await idle(container);

    expect(screen.getAllByRole('radio').map((radio) => radio.getAttribute('value'))).toEqual(['GDRIVE', 'PASSWORD']);
    expect(screen.getByRole('radio', { name: 'Google Drive' })).toBeChecked();
  });

  it('clears an error when the user picks another method, and recovers with that one', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, { portal });
    await idle(container);
    await user.type(password(), 'nope{Enter}');
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'wrong-password'));

    await user.click(screen.getByRole('radio', { name: 'Google Drive' }));

    expect(rootOf(container)).toHaveAttribute('data-state', 'idle');
    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(rootOf(container)).toHaveAttribute('data-method', 'GDRIVE');
  });

  it('starts one recovery for a double click', async () => {
    const { portal, storage } = await backedUp(['GDRIVE']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, { portal });
    await idle(container);

    await user.dblClick(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('recoverWallet')).toBe(1);
  });

  it('takes its text from labels, the provider first and the component last', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const user = userEvent.setup();
    const { container } = render(
      <BackupKitProvider portal={portal} labels={{ errors: { WRONG_PASSWORD: 'Mot de passe incorrect.' } }}>
        <RecoverWallet.DropIn
          storage={storage}
          labels={{
            methodsLabel: 'Restaurer avec',
            method: ({ method }) => (method === 'PASSWORD' ? 'Mot de passe' : 'Google Drive'),
            passwordLabel: 'Mot de passe de sauvegarde',
            showPassword: 'Afficher',
            submit: 'Restaurer',
          }}
        />
      </BackupKitProvider>,
    );
    await idle(container);

    expect(screen.getByRole('group', { name: 'Restaurer avec' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Mot de passe' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Afficher' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mot de passe de sauvegarde'), 'nope');
    await user.click(screen.getByRole('button', { name: 'Restaurer' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Mot de passe de sauvegarde')).toHaveAccessibleDescription(
        'Mot de passe incorrect.',
      ),
    );
  });

  it('passes className and style to every part, and classNames to the drop-in parts', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const { user, container } = renderWithPortal(
      <RecoverWallet.Root storage={storage} className="c-root" style={{ color: 'red' }}>
        <RecoverWallet.Methods className="c-methods" />
        <RecoverWallet.Field className="c-field">
          <RecoverWallet.Label className="c-label" />
          <RecoverWallet.Control className="c-control">
            <RecoverWallet.Input className="c-input" />
            <RecoverWallet.VisibilityToggle className="c-visibility-toggle" />
          </RecoverWallet.Control>
          <RecoverWallet.FieldError className="c-field-error" />
        </RecoverWallet.Field>
        <RecoverWallet.Submit className="c-submit" />
        <RecoverWallet.Status className="c-status" />
        <RecoverWallet.Retry className="c-retry" />
      </RecoverWallet.Root>,
      { portal },
    );
    await idle(container);
    await user.type(password(), 'nope{Enter}');
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'wrong-password'));

    for (const name of [
      'root',
      'methods',
      'field',
      'label',
      'control',
      'input',
      'visibility-toggle',
      'field-error',
      'submit',
      'status',
      'retry',
    ]) {
      expect(part(container, 'recover-wallet', name)).toHaveClass(`c-${name}`);
    }
    expect(rootOf(container)).toHaveStyle({ color: 'rgb(255, 0, 0)' });

    const empty = renderWithPortal(
      <RecoverWallet.DropIn className="r" classNames={{ empty: 'e', submit: 's' }} empty={<p>Start over</p>} />,
    );
    await waitFor(() => expect(rootOf(empty.container)).toHaveAttribute('data-state', 'empty'));
    expect(rootOf(empty.container)).toHaveClass('r');
    expect(part(empty.container, 'recover-wallet', 'empty')).toHaveClass('e');
  });

  it('shows the password on request without moving focus, and hides it again on submit', async () => {
    const { portal, storage } = await backedUp(['PASSWORD'], { failures: { recoverWallet: 'hang' } });
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} />, { portal });
    await idle(container);
    await user.type(password(), PASSWORD);
    const toggle = screen.getByRole('button', { name: 'Show password' });

    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(toggle).toHaveAttribute('aria-controls', password().id);
    expect(password()).toHaveAttribute('type', 'text');
    expect(password()).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'recovering'));
    expect(password()).toHaveAttribute('type', 'password');
  });

  it('turns every control off when disabled', async () => {
    const { portal, storage } = await backedUp(['PASSWORD', 'GDRIVE']);
    const { user, container } = renderWithPortal(<RecoverWallet.DropIn storage={storage} disabled />, { portal });
    await idle(container);

    for (const control of [
      ...screen.getAllByRole('radio'),
      password(),
      screen.getByRole('button', { name: 'Show password' }),
      submit(),
    ]) {
      expect(control).toBeDisabled();
    }
    expect(rootOf(container)).toHaveAttribute('data-disabled', '');
    await user.click(submit());
    expect(portal.count('recoverWallet')).toBe(0);
  });

  it('explains where a part belongs when it is used outside its Root', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithPortal(<RecoverWallet.Input />)).toThrow(
      '<RecoverWallet.Input> must be used inside <RecoverWallet.Root>.',
    );
    errors.mockRestore();
  });

  it('keeps recovering after it unmounts mid-flow, and React does not warn', async () => {
    const errors = vi.spyOn(console, 'error');
    const onSuccess = vi.fn();
    const { portal, storage } = await backedUp(['GDRIVE'], { latencyMs: 20 });
    const { user, container, unmount } = renderWithPortal(
      <RecoverWallet.DropIn storage={storage} onSuccess={onSuccess} />,
      {
        portal,
      },
    );
    await idle(container);
    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'recovering'));

    unmount();

    await waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    await act(async () => {});
  });
});
