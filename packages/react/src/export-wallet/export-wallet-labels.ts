import { defaultCommonLabels, type CommonLabels } from '../labels/common-labels.js';
import type { Label } from '../labels/label.js';

/** Which exported key a part shows: the EVM one (always) or Solana's (with `curves: 'all'`). */
export type ExportCurve = 'SECP256K1' | 'ED25519';

export interface ExportWalletLabels extends CommonLabels {
  /** The button that starts an export (asks for the confirmation first). */
  start: string;
  /** The same button after the key was shown and cleared. */
  again: string;
  /** The confirm button while the key is fetched. */
  busy: string;
  /** What exporting means, shown before the user confirms. */
  warning: string;
  /** The label of the backup password (PASSWORD backups). */
  password: string;
  /** The confirm button. */
  confirm: string;
  /** Leaves the confirmation without exporting. */
  cancel: string;
  /** The name of a key's box. */
  key: Label<{ curve: ExportCurve }>;
  /** In the key's box until Reveal is pressed. */
  keyHidden: string;
  /** Shows the key on screen. */
  reveal: string;
  /** Copies the key to the clipboard. */
  copy: string;
  /** Clears the key from the page. */
  hide: string;
  /** The status line after a copy. */
  copied: string;
  /** The status line when the clipboard refused. */
  copyFailed: string;
  /** The status line while the user is asked to confirm. */
  confirmStatus: string;
  /** The status line while the key is fetched. */
  revealingStatus: string;
  /** The status line once the key is here (still hidden); `seconds` until it is cleared. */
  revealedStatus: Label<{ seconds: number }>;
  /** The status line once the key was cleared. */
  hiddenStatus: string;
}

export const defaultExportWalletLabels: ExportWalletLabels = {
  ...defaultCommonLabels,
  start: 'Export private key',
  again: 'Export again',
  busy: 'Exporting…',
  warning:
    'Your private key gives full control of this wallet to anyone who sees it. Show it only on a device you trust, with no one watching, and never share it.',
  password: 'Backup password',
  confirm: 'Export the key',
  cancel: 'Cancel',
  key: ({ curve }) => (curve === 'ED25519' ? 'Private key (Solana)' : 'Private key (EVM)'),
  keyHidden: 'Hidden. Press Reveal to show it.',
  reveal: 'Reveal',
  copy: 'Copy',
  hide: 'Hide and clear',
  copied: 'Copied to the clipboard.',
  copyFailed: 'Could not copy. Reveal the key and copy it yourself.',
  confirmStatus: 'Confirm to export. The key stays hidden until you reveal it.',
  revealingStatus: 'Exporting your private key…',
  revealedStatus: ({ seconds }) => `Your private key is ready. It is cleared from this page in ${seconds} seconds.`,
  hiddenStatus: 'Your private key was cleared from this page.',
};
