/**
 * One test user per browser: a random id kept in localStorage. It names the user on the server
 * (`/users/<id>/user-backup-share`, `X-Backup-Kit-User`) and, as the emulator's identity, the
 * Portal apiKey. Starting over makes a new one: a new user with no wallet.
 */
const STORAGE_KEY = 'backup-kit-playground:user';

const USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

function newUserId(): string {
  return `user-${crypto.randomUUID().slice(0, 8)}`;
}

function read(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function write(id: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Storage may be off (private modes): the id then lasts for this page only.
  }
}

/** The user from the URL when it names a valid one, else this browser's (made on first visit). */
export function currentUserId(fromUrl?: string): string {
  if (fromUrl && USER_ID.test(fromUrl)) {
    write(fromUrl);
    return fromUrl;
  }
  const stored = read();
  if (stored && USER_ID.test(stored)) return stored;
  const id = newUserId();
  write(id);
  return id;
}

export function startOverAsNewUser(): string {
  const id = newUserId();
  write(id);
  return id;
}

/** The emulator knows a client by its apiKey. */
export const apiKeyFor = (userId: string) => `playground-${userId}`;
