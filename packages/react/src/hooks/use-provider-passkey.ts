'use client';
import { useContext } from 'react';
import type { PasskeyOptions, PasskeyWindowOptions } from '@backup-kit/core';
import { BackupKitContext } from '../provider/backup-kit-context.js';

interface PasskeyProps {
  passkey?: PasskeyOptions | undefined;
  passkeyWindow?: PasskeyWindowOptions | undefined;
}

/** The provider's passkey options and window, where the component or hook was given none. */
export function useProviderPasskey<O extends PasskeyProps>(options: O): O {
  const kit = useContext(BackupKitContext);
  const passkey = options.passkey ?? kit?.passkey;
  const passkeyWindow = options.passkeyWindow ?? kit?.passkeyWindow;
  if (passkey === options.passkey && passkeyWindow === options.passkeyWindow) return options;
  return { ...options, passkey, passkeyWindow };
}
