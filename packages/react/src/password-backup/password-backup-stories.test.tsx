import { composeStories } from '@storybook/react-vite';
import { render, screen } from '@testing-library/react';
import * as stories from './password-backup.stories.js';

const { Filled, WithIssues, PasswordVisible, WithStrengthEstimator, CustomLabels } = composeStories(stories);

// A designer opening these stories sees their state at once: it is in the first render, before
// any play function runs (play only asserts). Each check runs with no wait and no play.
describe('PasswordBackup state stories', () => {
  it('Filled opens filled in, with nothing to fix', () => {
    render(<Filled />);
    expect(screen.getByLabelText('Backup password')).not.toHaveValue('');
    expect(screen.getByLabelText('Confirm password')).not.toHaveValue('');
    expect(screen.getByRole('checkbox')).toBeChecked();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('WithIssues opens with every issue showing', () => {
    render(<WithIssues />);
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
  });

  it('PasswordVisible opens filled in with the password shown', () => {
    render(<PasswordVisible />);
    expect(screen.getByLabelText('Backup password')).toHaveAttribute('type', 'text');
    expect(screen.getByLabelText('Backup password')).not.toHaveValue('');
  });

  it('WithStrengthEstimator opens with the strength of a password', () => {
    render(<WithStrengthEstimator />);
    expect(screen.getByText('Strength: strong')).toHaveAttribute('data-score', '4');
  });

  it('CustomLabels opens with an issue in its own words', () => {
    render(<CustomLabels />);
    expect(screen.getByLabelText('Confirmez le code PIN')).toHaveAccessibleDescription(
      'Les codes PIN ne correspondent pas.',
    );
  });
});
