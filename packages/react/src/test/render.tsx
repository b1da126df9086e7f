import { render, type RenderOptions } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createFakePortal, type FakePortal, type FakePortalOptions } from '@backup-kit/core/testing';
import { BackupKitProvider } from '../provider/backup-kit-provider.js';

/** Renders inside a BackupKitProvider over a scriptable fake Portal, with a user-event session. */
export function renderWithPortal(
  ui: ReactElement,
  options: { portal?: FakePortal; fake?: FakePortalOptions; render?: RenderOptions } = {},
) {
  const portal = options.portal ?? createFakePortal(options.fake);
  const user = userEvent.setup();
  const result = render(<BackupKitProvider portal={portal}>{ui}</BackupKitProvider>, options.render);
  return {
    ...result,
    user,
    portal,
    rerenderWith: (next: ReactElement) =>
      result.rerender(<BackupKitProvider portal={portal}>{next}</BackupKitProvider>),
  };
}

/** The element with this data-scope and data-part (throws when missing). */
export function part(container: HTMLElement, scope: string, name: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-scope="${scope}"][data-part="${name}"]`);
  if (!element) throw new Error(`No [data-scope="${scope}"][data-part="${name}"] in the DOM.`);
  return element;
}
