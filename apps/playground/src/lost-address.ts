/**
 * The address the wallet had when this device lost it, kept in localStorage so a reload between
 * "Lose this device" and recovery still has it to compare with. An address is public; no secret
 * is kept here. One entry: a newer loss, or another user's, replaces it.
 */
const STORAGE_KEY = 'backup-kit-playground:address-before-loss';

interface Entry {
  userId: string;
  address: string;
}

export function rememberLostAddress(userId: string, address: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ userId, address } satisfies Entry));
  } catch {
    // Storage may be off (private modes): the page then compares with what Portal reports.
  }
}

/** The address this user's wallet had when this browser last saw it lost, if it kept one. */
export function lostAddressOf(userId: string): string | null {
  try {
    const entry = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Entry> | null;
    return entry?.userId === userId && typeof entry.address === 'string' && entry.address ? entry.address : null;
  } catch {
    return null;
  }
}

export function forgetLostAddress(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing was kept.
  }
}
