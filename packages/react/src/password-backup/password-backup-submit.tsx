import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from '../internal/compose-event-handlers.js';
import { useComposedRefs } from '../internal/compose-refs.js';
import { partAttributes } from '../internal/data-attributes.js';
import { useFlowContext } from '../internal/flow-context.js';

export type PasswordBackupSubmitProps = Omit<ComponentPropsWithoutRef<'button'>, 'type'>;

/**
 * The submit button: backs up, and after an error retries (same place, so focus stays). While
 * busy it keeps focus and ignores clicks and Enter (aria-disabled, not disabled).
 */
export const PasswordBackupSubmit = forwardRef<HTMLButtonElement, PasswordBackupSubmitProps>(
  function PasswordBackupSubmit(props, ref) {
    const ctx = useFlowContext('PasswordBackup.Submit');
    const composedRef = useComposedRefs(ref, ctx.triggerRef);
    const { children, onClick, ...rest } = props;
    return (
      <button
        type="submit"
        id={ctx.ids.trigger}
        disabled={ctx.disabled}
        aria-disabled={ctx.blocked && !ctx.disabled ? true : undefined}
        aria-describedby={ctx.ids.status}
        {...partAttributes('password-backup', 'submit', ctx.state)}
        {...rest}
        ref={composedRef}
        onClick={composeEventHandlers(onClick, (event) => {
          if (ctx.blocked) event.preventDefault();
        })}
      >
        {children ?? ctx.triggerLabel}
      </button>
    );
  },
);
