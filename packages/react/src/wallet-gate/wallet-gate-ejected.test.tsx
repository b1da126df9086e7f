import { screen, waitFor } from '@testing-library/react';
import { part, renderWithPortal } from '../test/render.js';
import { WalletGate } from './wallet-gate-parts.js';

describe('WalletGate for an exported wallet', () => {
  it('shows the app with a note that the private key was exported', async () => {
    const { container } = renderWithPortal(
      <WalletGate.DropIn backup={null}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { backedUpWith: ['PASSWORD'], ejectedAt: '2026-12-01T10:00:00.000Z' } } },
    );
    await waitFor(() => expect(part(container, 'wallet-gate', 'ejected')).toBeInTheDocument());
    expect(part(container, 'wallet-gate', 'ejected')).toHaveAttribute('data-state', 'on-device');
    expect(screen.getByRole('note')).toHaveTextContent('private key was exported on December 1, 2026.');
    expect(screen.getByText('The app')).toBeInTheDocument();
  });

  it('says nothing for a wallet never exported', async () => {
    const { container } = renderWithPortal(
      <WalletGate.DropIn backup={null}>
        <p>The app</p>
      </WalletGate.DropIn>,
      { fake: { wallet: { backedUpWith: ['PASSWORD'] } } },
    );
    await waitFor(() => expect(part(container, 'wallet-gate', 'root')).toHaveAttribute('data-state', 'on-device'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.querySelector('[data-part="ejected"]')).toBeNull();
  });
});
