import { useEffect, useRef, type SyntheticEvent } from 'react';
import type { Backups } from './backups.js';
import { METHOD_NAMES } from './methods.js';

/** How the dialog closed: its `<form method="dialog">` buttons set these as the returnValue. */
export type LoseDeviceAnswer = 'lose' | 'back-up-first' | 'keep';

interface LoseDeviceDialogProps {
  open: boolean;
  backups: Backups;
  /** Called once the dialog has closed (Escape is 'keep'); focus is back on the button that opened it. */
  onAnswer: (answer: LoseDeviceAnswer) => void;
}

const list = (names: string[]) => new Intl.ListFormat('en', { type: 'conjunction' }).format(names);

/**
 * Asks before "Lose this device", and says plainly when the wallet has no backup: then losing the
 * device loses the wallet. A native modal `<dialog>`: the page behind is inert, Escape cancels,
 * and focus starts on the safe answer and returns to the opener when it closes.
 */
export function LoseDeviceDialog({ open, backups, onAnswer }: LoseDeviceDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.returnValue = '';
      element.showModal();
      keep.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onClose = (event: SyntheticEvent<HTMLDialogElement>) => {
    const answer = event.currentTarget.returnValue;
    onAnswer(answer === 'lose' || answer === 'back-up-first' ? answer : 'keep');
  };

  const checking = backups.state === 'checking';
  const noBackup = backups.state === 'none';
  return (
    <dialog
      ref={dialog}
      className="pg-dialog"
      aria-labelledby="lose-device-title"
      aria-describedby="lose-device-body"
      data-state={backups.state}
      onClose={onClose}
    >
      <form method="dialog">
        <h2 id="lose-device-title">{noBackup ? 'Lose this device and the wallet?' : 'Lose this device?'}</h2>
        <div id="lose-device-body" aria-live="polite">
          {checking && <p>Checking whether this wallet is backed up…</p>}
          {backups.state === 'some' && (
            <p>
              This device forgets the wallet, as a lost or wiped phone would. The wallet is backed up with{' '}
              {list(backups.methods.map((method) => METHOD_NAMES[method]))}, so you can recover it here afterwards.
            </p>
          )}
          {noBackup && (
            <div className="pg-danger">
              <p>
                <strong>This wallet has no backup.</strong> If this device forgets it, the wallet and everything in it
                are gone for good: nothing can recover it.
              </p>
              <p>Back it up first, or keep the wallet on this device.</p>
            </div>
          )}
          {backups.state === 'unknown' && (
            <div className="pg-danger">
              <p>
                <strong>Whether this wallet is backed up could not be checked</strong> ({backups.message}). Without a
                backup, losing this device loses the wallet for good.
              </p>
            </div>
          )}
        </div>
        <div className="pg-actions">
          <button ref={keep} type="submit" value="keep" className="pg-button pg-button--secondary">
            Keep the wallet
          </button>
          {noBackup && (
            <button type="submit" value="back-up-first" className="pg-button">
              Back it up first
            </button>
          )}
          <button type="submit" value="lose" className="pg-button pg-button--danger" disabled={checking}>
            {noBackup
              ? 'Lose the wallet for good'
              : backups.state === 'unknown'
                ? 'Lose it anyway'
                : 'Lose this device'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
