import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `pnpm test` runs `next build` first: a server component that breaks the build never gets here.
// These read what the build prerendered from app/page.tsx, a server component.
const html = join(import.meta.dirname, '../.next/server/app/index.html');

function page(): Document {
  if (!existsSync(html)) throw new Error('No prerendered page: run `next build` first (pnpm test does).');
  return new DOMParser().parseFromString(readFileSync(html, 'utf8'), 'text/html');
}

const root = (doc: Document, id: string) => doc.querySelector(`#${id}[data-part="root"]`);

describe('the kit in a Next App Router server component', () => {
  it("renders the README's parts syntax (<BackupButton.Root> with Status, Trigger and Retry)", () => {
    const doc = page();
    const parts = root(doc, 'parts-syntax');
    expect(parts?.getAttribute('data-scope')).toBe('backup-button');
    expect(parts?.getAttribute('data-method')).toBe('PASSKEY');
    const trigger = parts?.querySelector('[data-part="trigger"]');
    expect(trigger?.tagName).toBe('BUTTON');
    expect(trigger?.className).toBe('my-button');
    // Portal is created in the browser only: the server renders the connecting state.
    expect(parts?.querySelector('[data-part="status"]')?.textContent).toContain('Connecting to Portal');
  });

  it('renders a drop-in from its namespace (<PasswordBackup.DropIn>) with plain-data props', () => {
    const dropIn = root(page(), 'drop-in');
    expect(dropIn?.getAttribute('data-scope')).toBe('password-backup');
    expect(dropIn?.getAttribute('data-kind')).toBe('pin');
    expect(dropIn?.querySelector('input[data-part="input"]')?.getAttribute('autocomplete')).toBe('new-password');
  });

  it('renders the named form (BackupStatusRoot, BackupStatusStatus)', () => {
    const named = root(page(), 'named-form');
    expect(named?.getAttribute('data-scope')).toBe('backup-status');
    expect(named?.querySelector('[data-part="status"]')).not.toBeNull();
  });

  it("renders an opt-in entry point's namespace (<ExportWallet.Root> from @backup-kit/react/export)", () => {
    const parts = root(page(), 'export-parts');
    expect(parts?.getAttribute('data-scope')).toBe('export-wallet');
    expect(parts?.getAttribute('data-state')).toBe('idle');
    expect(parts?.querySelector('[data-part="trigger"]')?.className).toBe('export-button');
  });

  it('renders a client component that holds the storage and the callbacks', () => {
    const client = root(page(), 'client-drop-in');
    expect(client?.getAttribute('data-method')).toBe('GDRIVE');
    expect(client?.querySelector('[data-part="trigger"]')?.textContent).toBe('Back up to Google Drive');
  });
});
