import { Profiler } from 'react';
import { writeFileSync } from 'node:fs';
import { screen, waitFor } from '@testing-library/react';
import type { MpcStatusName } from '@backup-kit/core';
import { memoryStorage } from '@backup-kit/core/testing';
import { part, renderWithPortal } from '../test/render.js';
import { PasswordBackup } from './password-backup-parts.js';

const SECRET = 'correct horse battery';
const PROGRESS: MpcStatusName[] = ['Reading share', 'Generating share', 'Parsing share', 'Encrypting share', 'Done'];

/** Where scripts/bench-renders.mjs asks for the counts (unset in a normal test run). */
const REPORT = process.env.BACKUP_KIT_RENDER_REPORT;
const measured: Record<string, { events: number; commits: number }> = {};

/**
 * Fills the form, then counts React commits from the submit to `success`: one per state the
 * user can see (backing up, each progress event, storing, notifying, success) and no more.
 */
async function commitsForOneBackup(storage: 'portal' | 'self') {
  let commits = 0;
  let counting = false;
  const { user, container } = renderWithPortal(
    <Profiler id="password-backup" onRender={() => void (counting && commits++)}>
      <PasswordBackup.DropIn storage={storage === 'self' ? memoryStorage() : undefined} />
    </Profiler>,
    { fake: { progress: PROGRESS } },
  );
  const root = part(container, 'password-backup', 'root');
  await waitFor(() => expect(root).toHaveAttribute('data-portal', 'ready'));
  await user.type(screen.getByLabelText('Backup password'), SECRET);
  await user.type(screen.getByLabelText('Confirm password'), SECRET);
  await user.click(screen.getByRole('checkbox'));

  counting = true;
  await user.click(screen.getByRole('button', { name: 'Back up wallet' }));
  await waitFor(() => expect(root).toHaveAttribute('data-state', 'success'));
  // Anything an effect schedules after success counts too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  counting = false;
  measured[`PasswordBackup, ${storage === 'self' ? 'self-managed' : 'Portal-managed'}`] = {
    events: PROGRESS.length,
    commits,
  };
  return commits;
}

describe('PasswordBackup commits', () => {
  afterAll(() => {
    if (REPORT) writeFileSync(REPORT, JSON.stringify(measured, null, 2));
  });

  it('commits at most once per progress event plus four for a Portal-managed backup', async () => {
    expect(await commitsForOneBackup('portal')).toBeLessThanOrEqual(PROGRESS.length + 4);
  });

  it('commits at most once per progress event plus four for a self-managed backup (storing, notifying)', async () => {
    expect(await commitsForOneBackup('self')).toBeLessThanOrEqual(PROGRESS.length + 4);
  });
});
