// What a user's app writes with the core alone: a flow over their Portal, typed end to end.
import { createBackupFlow, httpStorage, type BackupSnapshot, type PortalLike } from '@backup-kit/core';
import { createFakePortal } from '@backup-kit/core/testing';

export function describeSnapshot(snapshot: BackupSnapshot): string {
  switch (snapshot.state) {
    case 'backing-up':
      return snapshot.status?.status ?? 'starting';
    case 'error':
      return `${snapshot.error.code} at ${snapshot.error.stage}`;
    default:
      return snapshot.state;
  }
}

export function startBackup(portal: PortalLike = createFakePortal()) {
  const flow = createBackupFlow(portal, {
    method: 'PASSWORD',
    storage: httpStorage({ url: '/users/me/user-backup-share', headers: { Authorization: 'Bearer token' } }),
    onStoreFailed: ({ error }) => console.warn(error.code),
  });
  return flow.start({ password: 'correct horse battery' });
}
