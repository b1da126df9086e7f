import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { EyeIcon } from '../internal/eye-icon.js';
import { partAttributes } from '../internal/data-attributes.js';
import { text } from '../labels/label.js';
import { usePasswordBackupContext } from './password-backup-context.js';

export type PasswordBackupVisibilityToggleProps = ComponentPropsWithoutRef<'button'>;

/**
 * Shows or hides the password and its confirmation. A toggle button: constant name ("Show
 * password") with aria-pressed, aria-controls naming the inputs. A pointer press keeps focus and
 * caret in the input; the form hides the password again on submit.
 */
export const PasswordBackupVisibilityToggle = forwardRef<HTMLButtonElement, PasswordBackupVisibilityToggleProps>(
  function PasswordBackupVisibilityToggle(props, ref) {
    const form = usePasswordBackupContext('PasswordBackup.VisibilityToggle');
    const { children, onClick, onMouseDown, ...rest } = props;
    const controls = [form.ids.password.control, form.policy.requireConfirmation && form.ids.confirmation.control]
      .filter(Boolean)
      .join(' ');
    return (
      <button
        type="button"
        aria-pressed={form.visible}
        aria-controls={controls}
        aria-label={children === undefined ? text(form.labels.showSecret, { kind: form.policy.kind }) : undefined}
        disabled={form.disabled}
        {...partAttributes('password-backup', 'visibility-toggle', form.state)}
        data-visible={form.visible ? '' : undefined}
        {...rest}
        ref={ref}
        onMouseDown={composeEventHandlers(onMouseDown, (event) => {
          // Keep focus (and so the caret) in the input the user is typing in.
          if (form.ownsInput(document.activeElement)) event.preventDefault();
        })}
        onClick={composeEventHandlers(onClick, form.toggleVisible)}
      >
        {children ?? <EyeIcon open={!form.visible} />}
      </button>
    );
  },
);
