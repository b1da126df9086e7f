/**
 * The seed 002 body `{ data: { secp256k1Ciphertext, ed25519Ciphertext } }`, kept in a user backup
 * share row as JSON (no migration): one row per (user, method), replaced atomically. The
 * pipeline adds the backup share pair ids (seed 000: store them beside the ciphertext) and
 * whether the pairs were marked stored, which is its durable record of progress.
 */
export interface EnclaveBackupData {
  secp256k1Ciphertext: string;
  ed25519Ciphertext: string;
}

export interface EnclaveBackupRecord {
  data: EnclaveBackupData;
  /** `[secp256k1 pair id, ed25519 pair id]`, when known. */
  backupSharePairIds?: [string, string];
  /** Set once Portal accepted the PATCH: the pipeline is done for this backup. */
  markedAt?: string;
}

// Marks a row as a record rather than an SDK cipherText (which never starts with this).
const MARKER = 'backup-kit:enclave-backup:v1:';

export const encodeEnclaveBackupRecord = (record: EnclaveBackupRecord): string => MARKER + JSON.stringify(record);

export function decodeEnclaveBackupRecord(cipherText: string): EnclaveBackupRecord | undefined {
  if (!cipherText.startsWith(MARKER)) return undefined;
  try {
    const parsed = JSON.parse(cipherText.slice(MARKER.length)) as Partial<EnclaveBackupRecord> | null;
    const data = parsed?.data;
    if (typeof data?.secp256k1Ciphertext !== 'string' || typeof data.ed25519Ciphertext !== 'string') return undefined;
    return parsed as EnclaveBackupRecord;
  } catch {
    // Not a record after all (an ordinary cipherText that happens to start with the marker).
    return undefined;
  }
}
