import { render, screen, waitFor } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type * as coreExport from '@backup-kit/core/export';
import { createBackupFlow, httpCustodianShare, type CustodianShareSource, type ExportFlow } from '@backup-kit/core';
import { createFakePortal, memoryStorage, type FakePortal } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';
import { part, renderWithPortal } from '../test/render.js';
import * as mainEntry from '../index.js';
import { ExportWallet, useExportWallet } from '../export.js';

// Every export flow a component makes, to look into its memory after an unmount.
const flows: ExportFlow[] = [];
vi.mock('@backup-kit/core/export', async (importOriginal) => {
  const actual = await importOriginal<typeof coreExport>();
  return {
    ...actual,
    createExportFlow: (...args: Parameters<typeof actual.createExportFlow>) => {
      const flow = actual.createExportFlow(...args);
      flows.push(flow);
      return flow;
    },
  };
});

const PASSWORD = 'correct horse battery staple';
const custodian: CustodianShareSource = { load: async () => 'custodian-share' };
const rootOf = (container: HTMLElement) => part(container, 'export-wallet', 'root');
const inState = (container: HTMLElement, state: string) =>
  waitFor(() => expect(rootOf(container)).toHaveAttribute('data-state', state));

/** A wallet with a self-managed password backup in `storage`. */
async function backedUp() {
  const portal = createFakePortal();
  const storage = memoryStorage();
  await createBackupFlow(portal, { method: 'PASSWORD', storage }).start({ password: PASSWORD });
  return { portal, storage };
}

/** The key the fake Portal exports for its wallet (what eject returns). */
async function keyOf(portal: FakePortal, storage: ReturnType<typeof memoryStorage>) {
  const cipherText = storage.stored.get('PASSWORD')!;
  const { SECP256K1 } = await portal.eject!('PASSWORD', { passwordStorage: { password: PASSWORD } }, '', cipherText);
  return SECP256K1;
}

/** Every attribute value in the tree, to check the key is in none. */
const attributeValues = (container: HTMLElement) =>
  [...container.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((a) => a.value)).join(' ');

async function exportWithKeyboard(user: ReturnType<typeof userEvent.setup>, container: HTMLElement) {
  await inState(container, 'idle');
  await user.click(screen.getByRole('button', { name: 'Export private key' }));
  await inState(container, 'confirming');
  await user.keyboard(PASSWORD);
  await user.keyboard('{Enter}');
  await inState(container, 'revealed');
}

afterEach(() => {
  flows.length = 0;
  vi.useRealTimers();
});

describe('ExportWallet', () => {
  it('asks first, exports only after the confirmation, and shows the key only after Reveal, never in an attribute', async () => {
    const { portal, storage } = await backedUp();
    const key = await keyOf(portal, storage);
    const load = vi.spyOn(custodian, 'load');
    const { container, user } = renderWithPortal(<ExportWallet.DropIn storage={storage} custodianShare={custodian} />, {
      portal,
    });
    await inState(container, 'idle');
    await user.click(screen.getByRole('button', { name: 'Export private key' }));

    await inState(container, 'confirming');
    expect(screen.getByRole('status')).toHaveTextContent('Confirm to export.');
    expect(screen.getByLabelText('Backup password')).toHaveFocus();
    expect(load).not.toHaveBeenCalled();
    expect(portal.count('eject')).toBe(1); // keyOf's own, none from the component

    await user.keyboard(PASSWORD);
    await user.click(screen.getByRole('button', { name: 'Export the key' }));

    await inState(container, 'revealed');
    expect(portal.count('eject')).toBe(2);
    expect(load).toHaveBeenCalledTimes(1);
    expect(container.innerHTML).not.toContain(key);
    expect(screen.getByRole('group', { name: 'Private key (EVM)' })).toHaveTextContent('Hidden.');
    expect(screen.getByRole('button', { name: 'Reveal' })).toHaveFocus();
    expect(screen.queryByLabelText('Backup password')).toBeNull();

    await user.keyboard('{Enter}');

    expect(screen.getByRole('group', { name: 'Private key (EVM)' })).toHaveTextContent(key);
    expect(attributeValues(container)).not.toContain(key);
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveFocus();
    load.mockRestore();
  });

  it('copies the key to the clipboard and says so, then Hide clears it and gives focus back to the start button', async () => {
    const { portal, storage } = await backedUp();
    const key = await keyOf(portal, storage);
    const { container, user } = renderWithPortal(<ExportWallet.DropIn storage={storage} custodianShare={custodian} />, {
      portal,
    });
    await exportWithKeyboard(user, container);

    await user.click(screen.getByRole('button', { name: 'Copy' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.'));
    expect(await navigator.clipboard.readText()).toBe(key);

    await user.click(screen.getByRole('button', { name: 'Hide and clear' }));

    await inState(container, 'hidden');
    expect(screen.getByRole('status')).toHaveTextContent('Your private key was cleared from this page.');
    expect(container.innerHTML).not.toContain(key);
    expect(screen.getByRole('button', { name: 'Export again' })).toHaveFocus();
    expect(JSON.stringify(flows.at(-1)!.getSnapshot())).not.toContain(key);
  });

  it('clears the key on the flow’s timer, and focus does not drop to the page', async () => {
    const { portal, storage } = await backedUp();
    const key = await keyOf(portal, storage);
    const { container, user } = renderWithPortal(
      <ExportWallet.DropIn storage={storage} custodianShare={custodian} revealMs={300} />,
      { portal },
    );
    await exportWithKeyboard(user, container);
    await user.keyboard('{Enter}'); // Reveal
    expect(container.innerHTML).toContain(key);
    expect(screen.getByRole('button', { name: 'Copy' })).toHaveFocus();

    await inState(container, 'hidden');

    expect(container.innerHTML).not.toContain(key);
    expect(screen.getByRole('button', { name: 'Export again' })).toHaveFocus();
    expect(JSON.stringify(flows.at(-1)!.getSnapshot())).not.toContain(key);
  });

  it('clears the key from memory when it unmounts', async () => {
    const { portal, storage } = await backedUp();
    const key = await keyOf(portal, storage);
    function Page() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button onClick={() => setOpen(false)}>Close</button>
          {open && <ExportWallet.DropIn storage={storage} custodianShare={custodian} />}
        </>
      );
    }
    const { container, user } = renderWithPortal(<Page />, { portal });
    await exportWithKeyboard(user, container);
    const flow = flows.at(-1)!;
    expect(JSON.stringify(flow.getSnapshot())).toContain(key);

    await user.click(screen.getByRole('button', { name: 'Close' }));

    expect(flow.getSnapshot()).toEqual({ state: 'idle' });
  });

  it('exports once for a double click on the confirm button', async () => {
    const { portal, storage } = await backedUp();
    portal.script('eject', ['hang']);
    const { container, user } = renderWithPortal(<ExportWallet.DropIn storage={storage} custodianShare={custodian} />, {
      portal,
    });
    await inState(container, 'idle');
    await user.click(screen.getByRole('button', { name: 'Export private key' }));
    await user.keyboard(PASSWORD);
    const confirm = screen.getByRole('button', { name: 'Export the key' });

    await user.dblClick(confirm);

    await inState(container, 'revealing');
    await waitFor(() => expect(portal.count('eject')).toBe(1));
    expect(confirm).toHaveAttribute('aria-disabled', 'true');
    expect(confirm).toHaveTextContent('Exporting…');
    expect(confirm).toHaveFocus();
  });

  it('is refused when the server has no export route (no authorizeExport), with a retry that asks again', async () => {
    const { portal, storage } = await backedUp();
    const fetch = vi.fn(async () => new Response('Not Found', { status: 404 }));
    const custodianShare = httpCustodianShare({
      url: 'https://api.test/users/u1/custodian-backup-share/export',
      fetch,
    });
    const { container, user } = renderWithPortal(
      <ExportWallet.DropIn storage={storage} custodianShare={custodianShare} />,
      { portal },
    );
    await exportWithoutReveal();

    async function exportWithoutReveal() {
      await inState(container, 'idle');
      await user.click(screen.getByRole('button', { name: 'Export private key' }));
      await user.keyboard(`${PASSWORD}{Enter}`);
    }

    await inState(container, 'refused');
    expect(portal.count('eject')).toBe(0);
    expect(screen.getByRole('status')).toHaveTextContent('Exporting this wallet is not allowed right now.');
    expect(screen.getByRole('status')).not.toHaveTextContent(PASSWORD);
    const retry = screen.getByRole('button', { name: 'Try again' });
    expect(retry).toHaveFocus();

    await user.click(retry);

    await inState(container, 'confirming');
  });

  it('keeps a wrong password to fix, with focus on it, and exports with the right one', async () => {
    const { portal, storage } = await backedUp();
    const { container, user } = renderWithPortal(<ExportWallet.DropIn storage={storage} custodianShare={custodian} />, {
      portal,
    });
    await inState(container, 'idle');
    await user.click(screen.getByRole('button', { name: 'Export private key' }));
    await user.keyboard('not the password{Enter}');

    await inState(container, 'error');
    const input = screen.getByLabelText('Backup password');
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(rootOf(container)).toHaveAttribute('data-stage', 'exporting');

    await user.clear(input);
    await user.keyboard(`${PASSWORD}{Enter}`);

    await inState(container, 'revealed');
  });

  it('exports a Portal-managed backup (no storage) with no password field for Google Drive, and cancels', async () => {
    const portal = createFakePortal({ wallet: { backedUpWith: ['GDRIVE'] } });
    const { container, user } = renderWithPortal(<ExportWallet.DropIn method="GDRIVE" />, { portal });
    await inState(container, 'idle');
    await user.click(screen.getByRole('button', { name: 'Export private key' }));
    expect(screen.queryByLabelText('Backup password')).toBeNull();
    expect(screen.getByRole('button', { name: 'Export the key' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await inState(container, 'idle');
    expect(screen.getByRole('button', { name: 'Export private key' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Export private key' }));
    await user.keyboard('{Enter}');
    await inState(container, 'revealed');
    expect(portal.calls.filter((c) => c.kind === 'eject')).toEqual([{ kind: 'eject', backupMethod: 'GDRIVE' }]);
  });

  it('runs over an export the app holds (RootProvider), with its labels and a class on every part', async () => {
    const { portal, storage } = await backedUp();
    function Held() {
      const exportWallet = useExportWallet({ storage, custodianShare: custodian });
      return (
        <ExportWallet.RootProvider value={exportWallet} className="export" labels={{ start: 'Take my key out' }}>
          <ExportWallet.Status className="status" />
          <ExportWallet.Trigger className="trigger" />
        </ExportWallet.RootProvider>
      );
    }
    const { container } = renderWithPortal(<Held />, { portal });
    await inState(container, 'idle');
    expect(rootOf(container)).toHaveClass('export');
    expect(screen.getByRole('button', { name: 'Take my key out' })).toHaveClass('trigger');
    for (const element of container.querySelectorAll('[data-scope="export-wallet"]'))
      expect(element).toHaveAttribute('data-state', 'idle');
  });

  it('explains where a part belongs when it is used outside its Root', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <BackupKitProvider portal={createFakePortal()}>
          <ExportWallet.Trigger />
        </BackupKitProvider>,
      ),
    ).toThrow('<ExportWallet.Trigger> must be used inside <ExportWallet.Root>.');
  });

  it('is not part of the main entry point: apps that do not export pay nothing for it', () => {
    expect(Object.keys(mainEntry).filter((name) => /export/i.test(name))).toEqual([]);
  });
});
