import { randomUUID } from 'node:crypto';

/** Readable, prefixed ids: `client_…`, `wallet_…`, `ssp_…` (signing share pair), `bsp_…` (backup share pair). */
export function newId(prefix: 'client' | 'wallet' | 'ssp' | 'bsp' | 'fault'): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

export const now = (): string => new Date().toISOString();
