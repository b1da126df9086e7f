import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { composeEventHandlers } from './compose-event-handlers.js';
import { partAttributes } from './data-attributes.js';
import { useFlowContext } from './flow-context.js';

export type FlowRetryProps = ComponentPropsWithoutRef<'button'>;

/**
 * A separate retry button for layouts that want one (e.g. inside an error message). It exists
 * only while a retry can help; pressing it moves focus to the trigger first, so focus is not
 * lost when this button goes away.
 */
export const FlowRetry = forwardRef<HTMLButtonElement, FlowRetryProps>(function Retry(props, ref) {
  const ctx = useFlowContext('Retry');
  // Only while a retry can help.
  if (!ctx.error?.retryable || ctx.disabled) return null;
  const { children, onClick, ...rest } = props;
  return (
    <button
      type="button"
      {...partAttributes(ctx.scope, 'retry', ctx.state)}
      {...rest}
      ref={ref}
      onClick={composeEventHandlers(onClick, () => {
        ctx.triggerRef.current?.focus();
        ctx.activate();
      })}
    >
      {children ?? ctx.retryLabel}
    </button>
  );
});
