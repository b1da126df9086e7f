'use client';
import { httpStorage } from '@backup-kit/core';
import { BackupButton } from '@backup-kit/react';
import { useMemo, useState } from 'react';

// Storage and callbacks are functions: they cannot cross from a server component, so they live
// in a client component like this one, which the server component renders with plain props.
export function BackupWithStorage({ userId }: { userId: string }) {
  const storage = useMemo(() => httpStorage({ url: `/api/users/${userId}/user-backup-share` }), [userId]);
  const [done, setDone] = useState(false);
  return (
    <BackupButton.DropIn
      id="client-drop-in"
      method="GDRIVE"
      storage={storage}
      onSuccess={() => setDone(true)}
      labels={done ? { trigger: 'Backed up' } : undefined}
    />
  );
}
