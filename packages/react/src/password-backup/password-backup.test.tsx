import { screen, waitFor } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { createFakePortal, memoryStorage } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { reactTreeContains } from '../test/react-tree.js';
import { part, renderWithPortal } from '../test/render.js';
import { PasswordBackup } from './password-backup-parts.js';

const SECRET = 'correct horse battery';

const password = () => screen.getByLabelText('Backup password');
const confirmation = () => screen.getByLabelText('Confirm password');
const acknowledgement = () => screen.getByRole('checkbox');
const submit = () => screen.getByRole('button', { name: /back up wallet|backing up|try again|backed up/i });
const toggle = () => screen.getByRole('button', { name: 'Show password' });
const rootOf = (container: HTMLElement) => part(container, 'password-backup', 'root');

async function ready(container: HTMLElement) {
  await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-portal', 'ready'));
}

describe('PasswordBackup', () => {
  it('asks for a new password without autocapitalise, autocorrect or spellcheck', async () => {
    const { container } = renderWithPortal(<PasswordBackup.DropIn />);
    await ready(container);

    for (const input of [password(), confirmation()]) {
      expect(input).toHaveAttribute('type', 'password');
      expect(input).toHaveAttribute('autocomplete', 'new-password');
      expect(input).toHaveAttribute('autocapitalize', 'off');
      expect(input).toHaveAttribute('spellcheck', 'false');
      expect(input).not.toHaveAttribute('inputmode');
      expect(input).not.toHaveAttribute('value');
    }
    expect(password()).toHaveAccessibleDescription('Use 8 to 128 characters.');
    expect(acknowledgement()).toHaveAccessibleName('I understand that a forgotten password cannot be recovered.');
  });

  it('offers a numeric keyboard and PIN wording for a PIN policy', async () => {
    const { container } = renderWithPortal(<PasswordBackup.DropIn policy={{ kind: 'pin' }} />);
    await ready(container);

    const pin = screen.getByLabelText('Backup PIN');
    expect(pin).toHaveAttribute('inputmode', 'numeric');
    expect(pin).toHaveAccessibleDescription('Use 6 to 12 digits.');
    expect(screen.getByLabelText('Confirm PIN')).toHaveAttribute('inputmode', 'numeric');
    expect(rootOf(container)).toHaveAttribute('data-kind', 'pin');
  });

  it('never goes below the SDK minimum of 4 characters, whatever the policy says', async () => {
    const { container } = renderWithPortal(
      <PasswordBackup.DropIn policy={{ kind: 'passcode', minLength: 2, maxLength: 3 }} />,
    );
    await ready(container);

    expect(screen.getByLabelText('Backup passcode')).toHaveAccessibleDescription('Use 4 to 4 letters or digits.');
  });

  it('can be completed with the keyboard alone: Tab to each control, Space and Enter', async () => {
    const { user, portal, container } = renderWithPortal(<PasswordBackup.DropIn />);
    await ready(container);

    await user.tab();
    expect(password()).toHaveFocus();
    await user.keyboard(SECRET);
    await user.tab();
    expect(toggle()).toHaveFocus();
    await user.keyboard(' ');
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');
    expect(password()).toHaveAttribute('type', 'text');
    await user.tab();
    expect(confirmation()).toHaveFocus();
    await user.keyboard(SECRET);
    await user.tab();
    expect(acknowledgement()).toHaveFocus();
    await user.keyboard(' ');
    expect(acknowledgement()).toBeChecked();
    await user.tab();
    expect(submit()).toHaveFocus();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet', { backupMethod: 'PASSWORD' })).toBe(1);
    expect(submit()).toHaveFocus();
  });

  it('shows no issue before the user interacts, then the field’s issues once they change and leave it', async () => {
    const { user, container } = renderWithPortal(<PasswordBackup.DropIn />);
    await ready(container);

    await user.tab();
    await user.tab();
    expect(password()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('list')).toBeNull();

    await user.click(password());
    await user.keyboard('short');
    expect(password()).not.toHaveAttribute('aria-invalid');
    await user.tab();

    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect(password()).toHaveAccessibleDescription('Use 8 to 128 characters. Too short.');
    expect(confirmation()).not.toHaveAttribute('aria-invalid');
  });

  it('states the length rule once: the description gives it and the length issue refers to it', async () => {
    const { user, container } = renderWithPortal(<PasswordBackup.DropIn policy={{ maxLength: 12 }} />);
    await ready(container);
    const lengthRule = 'Use 8 to 12 characters.';

    for (const [typed, issue] of [
      ['short', 'Too short.'],
      ['far too long for this policy', 'Too long.'],
    ] as const) {
      await user.clear(password());
      await user.type(password(), typed);
      await user.tab();
      // Read together: the rule, then the issue, each once; and so on screen.
      expect(password()).toHaveAccessibleDescription(`${lengthRule} ${issue}`);
      const ids = password().getAttribute('aria-describedby')?.split(' ') ?? [];
      expect(ids.map((id) => document.getElementById(id)?.getAttribute('data-part'))).toEqual([
        'description',
        'issues',
      ]);
      expect(container.textContent?.split(lengthRule)).toHaveLength(2);
      expect(container.textContent).not.toMatch(/at (least|most) \d/);
    }
  });

  it('shows every issue on submit, ties each to its input, and focuses the first invalid input', async () => {
    const { user, portal, container } = renderWithPortal(<PasswordBackup.DropIn />);
    await ready(container);

    await user.type(password(), 'short');
    await user.type(confirmation(), 'different');
    await user.click(submit());

    expect(password()).toHaveFocus();
    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect(password()).toHaveAccessibleDescription('Use 8 to 128 characters. Too short.');
    expect(confirmation()).toHaveAttribute('aria-invalid', 'true');
    expect(confirmation()).toHaveAccessibleDescription('The passwords do not match.');
    expect(acknowledgement()).toHaveAttribute('aria-invalid', 'true');
    expect(acknowledgement()).toHaveAccessibleDescription('Confirm that you understand this to continue.');
    expect(part(container, 'password-backup', 'field')).toHaveAttribute('data-invalid', '');
    expect(portal.count('backupWallet')).toBe(0);

    // Fixing an issue removes it as the user types.
    await user.clear(password());
    await user.type(password(), SECRET);
    expect(password()).not.toHaveAttribute('aria-invalid');
  });

  it('starts from default values checked at mount: issues show in the first render, in no attribute', () => {
    const { container } = renderWithPortal(
      <PasswordBackup.DropIn defaultValues={{ password: 'abc123', confirmation: 'zyx987', acknowledged: false }} />,
    );

    // No wait: the defaults are written and checked before the first paint.
    expect(password()).toHaveValue('abc123');
    expect(password()).toHaveAttribute('aria-invalid', 'true');
    expect(password()).toHaveAccessibleDescription('Use 8 to 128 characters. Too short.');
    expect(confirmation()).toHaveAccessibleDescription('The passwords do not match.');
    expect(acknowledgement()).not.toBeChecked();
    expect(acknowledgement()).toHaveAccessibleDescription('Confirm that you understand this to continue.');
    // React's own defaultValue would write value="abc123" into the markup.
    expect(password()).not.toHaveAttribute('value');
    expect(container.innerHTML).not.toMatch(/abc123|zyx987/);
  });

  it('checks only the fields given a default: a suggested password shows its strength, not the others’ issues', async () => {
    const estimateStrength = (value: string) => ({ score: value.length > 12 ? 4 : 1 });
    const { user, portal, container } = renderWithPortal(
      <PasswordBackup.DropIn
        policy={{ estimateStrength }}
        defaultValues={{ password: SECRET }}
        defaultPasswordVisible
      />,
    );

    expect(screen.getByText('Strength: strong')).toHaveAttribute('data-score', '4');
    expect(password()).toHaveAttribute('type', 'text');
    expect(password()).not.toHaveAttribute('aria-invalid');
    expect(confirmation()).toHaveValue('');
    expect(confirmation()).not.toHaveAttribute('aria-invalid');
    expect(acknowledgement()).not.toHaveAttribute('aria-invalid');

    await ready(container);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());
    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('checks the defaults of parts in any order together: a checkbox given first stays checked', () => {
    renderWithPortal(
      <PasswordBackup.Root policy={{ requireConfirmation: false }}>
        <PasswordBackup.Field name="acknowledgement">
          <PasswordBackup.Acknowledge defaultChecked />
          <PasswordBackup.Label />
          <PasswordBackup.Issues />
        </PasswordBackup.Field>
        <PasswordBackup.Field name="password">
          <PasswordBackup.Label />
          <PasswordBackup.Input defaultValue={SECRET} />
          <PasswordBackup.Issues />
        </PasswordBackup.Field>
      </PasswordBackup.Root>,
    );

    expect(acknowledgement()).toBeChecked();
    expect(acknowledgement()).not.toHaveAttribute('aria-invalid');
    expect(password()).toHaveValue(SECRET);
    expect(password()).not.toHaveAttribute('aria-invalid');
  });

  it('renders defaults on the server as empty inputs: the password is in no HTML', () => {
    const html = renderToString(
      <BackupKitProvider portal={createFakePortal()}>
        <PasswordBackup.DropIn defaultValues={{ password: SECRET, confirmation: SECRET, acknowledged: true }} />
      </BackupKitProvider>,
    );

    expect(html).toContain('data-part="input"');
    expect(html).not.toContain(SECRET);
  });

  it('toggles visibility for both inputs, keeps focus and caret in the input, and hides again on submit', async () => {
    const { user, container } = renderWithPortal(<PasswordBackup.DropIn />);
    await ready(container);
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
    expect(toggle().getAttribute('aria-controls')?.split(' ')).toEqual([password().id, confirmation().id]);

    await user.type(password(), 'abcdef');
    (password() as HTMLInputElement).setSelectionRange(2, 2);
    await user.click(toggle());

    expect(password()).toHaveFocus();
    expect(password()).toHaveAttribute('type', 'text');
    expect(confirmation()).toHaveAttribute('type', 'text');
    expect((password() as HTMLInputElement).selectionStart).toBe(2);
    expect(toggle()).toHaveAccessibleName('Show password');
    expect(toggle()).toHaveAttribute('aria-pressed', 'true');

    await user.click(submit());
    expect(password()).toHaveAttribute('type', 'password');
    expect(toggle()).toHaveAttribute('aria-pressed', 'false');
  });

  it('clears the password from the DOM and from React as soon as the backup has taken it', async () => {
    const storage = memoryStorage({ saves: ['hang'] });
    const { user, container } = renderWithPortal(<PasswordBackup.DropIn storage={storage} />);
    await ready(container);

    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());
    expect(reactTreeContains(container, SECRET)).toBe(false); // it never enters React at all
    await user.click(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'storing'));
    expect(password()).toHaveValue('');
    expect(confirmation()).toHaveValue('');
    expect(password()).toHaveAttribute('readonly');
    expect(container.innerHTML).not.toContain(SECRET);
    expect(reactTreeContains(container, SECRET)).toBe(false);
    // The check itself works: the labels are in the tree.
    expect(reactTreeContains(container, 'Back up wallet')).toBe(true);
  });

  it('keeps the password after an MPC failure so the user can retry with it', async () => {
    const { user, portal, container } = renderWithPortal(<PasswordBackup.DropIn />, {
      fake: { failures: { backupWallet: [{ error: { code: 500, message: 'iframe' } }] } },
    });
    await ready(container);
    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());

    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-stage', 'backing-up'));
    expect(password()).toHaveValue(SECRET);
    expect(submit()).toHaveTextContent('Try again');
    expect(submit()).toHaveFocus();

    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(2);
    expect(password()).toHaveValue('');
  });

  it('retries a failed save without asking for the password again, and without a new MPC backup', async () => {
    const storage = memoryStorage({ saves: [{ throw: new Error('HTTP 500') }] });
    const { user, portal, container } = renderWithPortal(<PasswordBackup.DropIn storage={storage} />);
    await ready(container);
    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());

    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-stage', 'storing'));
    expect(password()).toHaveValue('');
    expect(screen.getByRole('status')).toHaveTextContent('The backup could not be saved.');

    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('keeps backing up after it unmounts mid-flow: Portal is still told, and React does not warn', async () => {
    const errors = vi.spyOn(console, 'error');
    const { user, portal, container, unmount } = renderWithPortal(
      <PasswordBackup.DropIn storage={memoryStorage({ latencyMs: 20 })} />,
    );
    await ready(container);
    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());
    await user.click(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'storing'));

    unmount();

    await waitFor(() => expect(portal.notifications).toEqual([{ success: true, backupMethod: 'PASSWORD' }]));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('keeps focus on the busy submit button, where Enter and clicks start nothing more', async () => {
    const { user, portal, container } = renderWithPortal(<PasswordBackup.DropIn />, {
      fake: { failures: { backupWallet: 'hang' } },
    });
    await ready(container);
    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());

    await user.dblClick(submit());
    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'backing-up'));
    expect(submit()).toHaveFocus();
    expect(submit()).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Starting the backup…');
    await user.keyboard('{Enter}');
    await user.click(password());
    await user.keyboard('{Enter}');

    expect(portal.count('backupWallet')).toBe(1);
  });

  it('shows the strength from an estimator and refuses a weak password', async () => {
    const estimateStrength = (value: string) => ({ score: value.length > 12 ? 4 : 1 });
    const { user, container } = renderWithPortal(<PasswordBackup.DropIn policy={{ estimateStrength }} />);
    await ready(container);

    await user.type(password(), 'abcdefgh');
    expect(screen.getByText('Strength: weak')).toHaveAttribute('data-score', '1');
    await user.click(submit());
    expect(password()).toHaveAccessibleDescription(/Choose a stronger password\./);

    await user.type(password(), 'ijklmnop');
    expect(screen.getByText('Strength: strong')).toBeInTheDocument();
  });

  it('leaves out the confirmation and the acknowledgement when the policy does not ask for them', async () => {
    const { user, portal, container } = renderWithPortal(
      <PasswordBackup.DropIn policy={{ requireConfirmation: false, requireAcknowledgement: false }} />,
    );
    await ready(container);

    expect(screen.queryByLabelText('Confirm password')).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(toggle().getAttribute('aria-controls')).toBe(password().id);
    await user.type(password(), `${SECRET}{Enter}`);

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'success'));
    expect(portal.count('backupWallet')).toBe(1);
  });

  it('writes the flow state on every part', async () => {
    const { user, container } = renderWithPortal(
      <PasswordBackup.DropIn policy={{ estimateStrength: () => ({ score: 4 }) }} />,
      {
        fake: { failures: { backupWallet: 'hang' } },
      },
    );
    await ready(container);
    await user.type(password(), SECRET);
    await user.type(confirmation(), SECRET);
    await user.click(acknowledgement());
    await user.click(submit());

    await waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', 'backing-up'));
    const parts = container.querySelectorAll('[data-scope="password-backup"][data-part]:not([data-part="issue"])');
    expect([...new Set([...parts].map((p) => p.getAttribute('data-part')))].sort()).toEqual(
      [
        'acknowledge',
        'control',
        'description',
        'field',
        'input',
        'label',
        'root',
        'status',
        'strength',
        'submit',
        'visibility-toggle',
      ].sort(),
    );
    for (const element of parts) expect(element).toHaveAttribute('data-state', 'backing-up');
  });

  it('takes every text from labels, and merges partial issue messages with the defaults', async () => {
    const { user, container } = renderWithPortal(
      <PasswordBackup.DropIn
        labels={{
          passwordLabel: 'Mot de passe',
          confirmationLabel: 'Confirmation',
          acknowledgement: 'Je comprends.',
          showSecret: 'Afficher',
          submit: 'Sauvegarder',
          issues: { 'too-short': ({ limit }) => `Au moins ${limit} caractères.` },
        }}
      />,
    );
    await ready(container);

    expect(screen.getByRole('checkbox')).toHaveAccessibleName('Je comprends.');
    expect(screen.getByRole('button', { name: 'Afficher' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('Mot de passe'), 'abc');
    await user.click(screen.getByRole('button', { name: 'Sauvegarder' }));

    expect(screen.getByLabelText('Mot de passe')).toHaveAccessibleDescription(/Au moins 8 caractères\./);
    expect(screen.getByLabelText('Confirmation')).toHaveAccessibleDescription('The passwords do not match.');
  });

  it('passes className and style to every part and classNames to the drop-in parts', async () => {
    const { container, user } = renderWithPortal(
      <PasswordBackup.Root
        className="c-root"
        style={{ color: 'red' }}
        policy={{ estimateStrength: () => ({ score: 2 }) }}
      >
        <PasswordBackup.Field name="password" className="c-field">
          <PasswordBackup.Label className="c-label" />
          <PasswordBackup.Control className="c-control">
            <PasswordBackup.Input className="c-input" />
            <PasswordBackup.VisibilityToggle className="c-visibility-toggle" />
          </PasswordBackup.Control>
          <PasswordBackup.Description className="c-description" />
          <PasswordBackup.Strength className="c-strength" />
          <PasswordBackup.Issues className="c-issues" />
        </PasswordBackup.Field>
        <PasswordBackup.Field name="acknowledgement">
          <PasswordBackup.Acknowledge className="c-acknowledge" />
          <PasswordBackup.Label />
        </PasswordBackup.Field>
        <PasswordBackup.Submit className="c-submit" />
        <PasswordBackup.Status className="c-status" />
      </PasswordBackup.Root>,
    );
    await ready(container);
    await user.type(screen.getByLabelText('Backup password'), 'y');
    await user.click(screen.getByRole('button', { name: 'Back up wallet' }));

    for (const name of [
      'root',
      'field',
      'label',
      'control',
      'input',
      'visibility-toggle',
      'description',
      'strength',
      'issues',
      'acknowledge',
      'submit',
      'status',
    ]) {
      expect(part(container, 'password-backup', name)).toHaveClass(`c-${name}`);
    }
    expect(rootOf(container)).toHaveStyle({ color: 'rgb(255, 0, 0)' });

    const dropIn = renderWithPortal(<PasswordBackup.DropIn classNames={{ input: 'i', submit: 's', field: 'f' }} />);
    await ready(dropIn.container);
    expect(part(dropIn.container, 'password-backup', 'input')).toHaveClass('i');
    expect(part(dropIn.container, 'password-backup', 'submit')).toHaveClass('s');
    expect(part(dropIn.container, 'password-backup', 'field')).toHaveClass('f');
  });

  it('explains where a part belongs when it is used outside its Root or Field', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderWithPortal(<PasswordBackup.Input />)).toThrow(
      '<PasswordBackup.Input> must be used inside <PasswordBackup.Root>.',
    );
    expect(() =>
      renderWithPortal(
        <PasswordBackup.Root>
          <PasswordBackup.Input />
        </PasswordBackup.Root>,
      ),
    ).toThrow('<PasswordBackup.Input> must be used inside <PasswordBackup.Field>.');
    errors.mockRestore();
  });

  it('turns every control off when disabled', async () => {
    const { container } = renderWithPortal(<PasswordBackup.DropIn disabled />);
    await ready(container);

    for (const control of [password(), confirmation(), acknowledgement(), toggle(), submit()]) {
      expect(control).toBeDisabled();
    }
    expect(rootOf(container)).toHaveAttribute('data-disabled', '');
  });
});
