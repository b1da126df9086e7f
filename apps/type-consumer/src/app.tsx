// What a user's app writes with the components: the three drop-ins, a part, labels, callbacks.
import { useState } from 'react';
import { httpStorage, type BackupKitError, type PortalLike } from '@backup-kit/core';
import {
  BackupButton,
  BackupKitProvider,
  PasskeySetup,
  PasswordBackup,
  useBackup,
  type BackupButtonProps,
} from '@backup-kit/react';

const storage = httpStorage({ url: '/api/users/me/user-backup-share' });

function Progress() {
  const backup = useBackup({ method: 'GDRIVE' });
  return <p>{backup.state === 'backing-up' ? (backup.status?.status ?? 'starting') : backup.state}</p>;
}

export function App({ portal }: { portal: PortalLike }) {
  const [lastError, setLastError] = useState<BackupKitError | null>(null);
  const onError: BackupButtonProps['onError'] = (error) => setLastError(error);
  return (
    <BackupKitProvider portal={portal} labels={{ success: 'Done!' }}>
      <BackupButton.DropIn method="GDRIVE" storage={storage} onError={onError} />
      <PasswordBackup.DropIn
        policy={{ kind: 'pin', minLength: 6 }}
        storage={storage}
        onSuccess={() => setLastError(null)}
      />
      <PasskeySetup.DropIn
        passkey={{
          customDomain: 'https://passkeys.example.com',
          relyingPartyId: 'example.com',
          relyingPartyName: 'Example',
        }}
        fallback={<PasswordBackup.DropIn />}
      />
      <BackupButton.Root method="PASSKEY">
        <BackupButton.Trigger className="my-button" />
        <BackupButton.Status />
      </BackupButton.Root>
      <Progress />
      {lastError && <p role="alert">{lastError.message}</p>}
    </BackupKitProvider>
  );
}

export function LazyApp() {
  return (
    <BackupKitProvider
      portalOptions={{ host: 'localhost:5190', apiKey: 'key', rpcConfig: { 'eip155:1': 'https://rpc' } }}
    >
      <BackupButton.DropIn method="PASSWORD" password="correct horse battery" />
    </BackupKitProvider>
  );
}
