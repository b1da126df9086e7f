import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from './compose-event-handlers.js';
import { useComposedRefs } from './compose-refs.js';
import { partAttributes } from './data-attributes.js';
import { useFlowContext } from './flow-context.js';

export type FlowTriggerProps = ComponentPropsWithoutRef<'button'>;

/**
 * The button that starts the backup and, after an error, retries it. While busy it stays
 * focusable (aria-disabled, not disabled) and ignores clicks and Enter, as React Aria's
 * isPending does; the Status part announces the progress.
 */
export const FlowTrigger = forwardRef<HTMLButtonElement, FlowTriggerProps>(function Trigger(props, ref) {
  const ctx = useFlowContext('Trigger');
  const composedRef = useComposedRefs(ref, ctx.triggerRef);
  if (ctx.triggerHidden) return null;
  const { children, onClick, ...rest } = props;
  return (
    <button
      type="button"
      id={`${ctx.id}trigger`}
      disabled={ctx.disabled}
      aria-disabled={ctx.blocked && !ctx.disabled ? true : undefined}
      aria-describedby={`${ctx.id}status`}
      {...partAttributes(ctx.scope, 'trigger', ctx.state)}
      {...rest}
      ref={composedRef}
      onClick={composeEventHandlers(onClick, () => {
        if (!ctx.blocked) ctx.activate();
      })}
    >
      {children ?? ctx.triggerLabel}
    </button>
  );
});
