'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import type { PasskeyState } from '@backup-kit/core';
import { partAttributes } from '../internal/data-attributes.js';
import { usePasskeySetupContext } from './passkey-setup-context.js';

export interface PasskeySetupFallbackProps extends ComponentPropsWithoutRef<'div'> {
  /** The states that show the fallback. @default ['unsupported', 'cancelled'] */
  when?: readonly PasskeyState[] | undefined;
}

const DEFAULT_WHEN: readonly PasskeyState[] = ['unsupported', 'cancelled'];

/**
 * Another way to back up (e.g. a PasswordBackup) for browsers without passkeys and for users
 * who cancelled the prompt. Renders its children only in those states.
 */
export const PasskeySetupFallback = forwardRef<HTMLDivElement, PasskeySetupFallbackProps>(
  function PasskeySetupFallback(props, ref) {
    const ctx = usePasskeySetupContext('PasskeySetup.Fallback');
    const { when = DEFAULT_WHEN, children, ...rest } = props;
    if (!when.includes(ctx.state) || children == null) return null;
    return (
      <div {...partAttributes('passkey-setup', 'fallback', ctx.state)} {...rest} ref={ref}>
        {children}
      </div>
    );
  },
);
