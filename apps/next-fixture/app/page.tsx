import { BackupButton, BackupStatusRoot, BackupStatusStatus, PasswordBackup } from '@backup-kit/react';
import { ExportWallet } from '@backup-kit/react/export';
import { BackupWithStorage } from './backup-with-storage';

// A server component (no 'use client'): the README's parts syntax, the named exports and a
// drop-in, with plain-data props only. Storage and callbacks live in BackupWithStorage.
export default function Page() {
  return (
    <>
      <h1>Back up your wallet</h1>
      <BackupButton.Root method="PASSKEY" id="parts-syntax">
        <BackupButton.Status />
        <BackupButton.Trigger className="my-button" />
        <BackupButton.Retry>Retry the upload</BackupButton.Retry>
      </BackupButton.Root>
      <PasswordBackup.DropIn policy={{ kind: 'pin', minLength: 6 }} id="drop-in" />
      <BackupStatusRoot id="named-form">
        <BackupStatusStatus />
      </BackupStatusRoot>
      <BackupWithStorage userId="fixture-user" />
      {/* An opt-in entry point's namespace works the same way (Portal-managed: no storage needed). */}
      <ExportWallet.Root method="GDRIVE" id="export-parts">
        <ExportWallet.Status />
        <ExportWallet.Trigger className="export-button" />
      </ExportWallet.Root>
    </>
  );
}
