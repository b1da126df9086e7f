import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { partAttributes } from './data-attributes.js';
import { useFlowContext } from './flow-context.js';

export type FlowStatusProps = ComponentPropsWithoutRef<'div'>;

/**
 * A polite live region with the progress, the outcome or the error. It is always in the DOM
 * (a live region must exist before its text changes to be announced); children replace the text.
 */
export const FlowStatus = forwardRef<HTMLDivElement, FlowStatusProps>(function Status(props, ref) {
  const ctx = useFlowContext('Status');
  const { children, ...rest } = props;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      id={`${ctx.id}status`}
      {...partAttributes(ctx.scope, 'status', ctx.state)}
      data-stage={ctx.error?.stage}
      {...rest}
      ref={ref}
    >
      {children ?? ctx.statusText}
    </div>
  );
});
