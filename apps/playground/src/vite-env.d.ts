/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Portal's host: the emulator, `localhost:PORT`. */
  readonly VITE_PORTAL_HOST?: string;
  /** The Backup Kit server: user backup shares (`/users/:id/user-backup-share`). */
  readonly VITE_SERVER_URL?: string;
  /** The passkey key vault for the direct path (passkey `customDomain`). */
  readonly VITE_VAULT_URL?: string;
  readonly VITE_RP_ID?: string;
  readonly VITE_RP_NAME?: string;
  readonly VITE_READY_TIMEOUT_MS?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
