import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from './compose-event-handlers.js';
import { useComposedRefs } from './compose-refs.js';
import { partAttributes } from './data-attributes.js';
import { useFlowContext } from './flow-context.js';

export type FlowSubmitProps = Omit<ComponentPropsWithoutRef<'button'>, 'type'>;

/**
 * A form's submit button: starts, and after an error retries (same place, so focus stays). While
 * busy it keeps focus and ignores clicks and Enter (aria-disabled, not disabled). The form's own
 * submit handler does the work, so Enter in an input and a click take one path.
 */
export const FlowSubmit = forwardRef<HTMLButtonElement, FlowSubmitProps>(function Submit(props, ref) {
  const ctx = useFlowContext('Submit');
  const composedRef = useComposedRefs(ref, ctx.triggerRef);
  if (ctx.triggerHidden) return null;
  const { children, onClick, ...rest } = props;
  return (
    <button
      type="submit"
      id={`${ctx.id}trigger`}
      disabled={ctx.disabled}
      aria-disabled={ctx.blocked && !ctx.disabled ? true : undefined}
      aria-describedby={`${ctx.id}status`}
      {...partAttributes(ctx.scope, 'submit', ctx.state)}
      {...rest}
      ref={composedRef}
      onClick={composeEventHandlers(onClick, (event) => {
        if (ctx.blocked) event.preventDefault();
      })}
    >
      {children ?? ctx.triggerLabel}
    </button>
  );
});
