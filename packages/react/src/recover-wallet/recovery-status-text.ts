import type { RecoverySnapshot } from '@backup-kit/core';
import { errorText, progressText } from '../labels/common-labels.js';
import { text } from '../labels/label.js';
import type { RecoverWalletLabels } from './recover-wallet-labels.js';

/** What the Status part says for a recovery in this state. */
export function recoveryStatusText(
  labels: RecoverWalletLabels,
  snapshot: RecoverySnapshot,
  connecting: boolean,
  state: string,
): string {
  switch (snapshot.state) {
    case 'loading':
      return connecting ? labels.connecting : labels.loading;
    case 'idle':
      return state === 'empty' ? labels.empty : '';
    case 'fetching':
      return labels.fetching;
    case 'recovering':
      return progressText(labels, snapshot.status);
    case 'success':
      return text(labels.recovered, { method: snapshot.method, address: snapshot.address });
    case 'error':
      return errorText(labels, snapshot.error);
  }
}
