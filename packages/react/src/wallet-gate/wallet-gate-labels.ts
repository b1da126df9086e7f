import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import { ejectedText } from '../labels/ejected-text.js';
import type { Label } from '../labels/label.js';

export interface WalletGateLabels extends CommonLabels {
  /** While Portal is asked where the wallet is. */
  checking: string;
  /** The status line when there is no wallet yet. */
  noWallet: string;
  /** The create button. */
  create: string;
  /** The status line (and the button) while the wallet is created. */
  creating: string;
  /** The status line above the app's backup step, right after the wallet was created. */
  backup: string;
  /** The button that leaves the backup for later. */
  skipBackup: string;
  /** The status line above recovery: the wallet exists, its shares are not on this device. */
  notOnDevice: string;
  /** The reminder beside the app while nothing is backed up. */
  reminder: string;
  /** The note beside the app once the wallet's private key was exported (eject). */
  ejected: Label<{ ejectedAt: string }>;
}

export const defaultWalletGateLabels: WalletGateLabels = {
  ...defaultCommonLabels,
  checking: 'Looking for your wallet…',
  noWallet: 'You have no wallet yet.',
  create: 'Create wallet',
  creating: 'Creating your wallet…',
  backup: 'Your wallet is ready. Back it up now, so that you can always get it back.',
  skipBackup: 'Back up later',
  notOnDevice: 'Your wallet is not on this device. Recover it from a backup.',
  reminder: 'Your wallet is not backed up yet. Without a backup, losing this device loses the wallet.',
  ejected: ejectedText,
};
