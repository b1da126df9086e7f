// The test page: the REAL @portal-hq/web 3.4.1, nothing of Backup Kit. Plain JavaScript on
// purpose: the SDK's published types break a strict type-check (protocol §6), and the tests
// only need the runtime. `settle` keeps a rejection's `code`, which Playwright would drop.
import Portal, { BackupMethods, MpcStatuses } from '@portal-hq/web';
// What an app imports to open the passkey window inside its click (browser-safe).
import { openPasskeyPopup } from '../../src/passkey-popup-url.ts';

window.sdk = {
  Portal,
  BackupMethods,
  MpcStatuses,
  openPasskeyPopup,
  async settle(run) {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return {
        ok: false,
        error: { kind: error?.constructor?.name, code: error?.code, message: String(error?.message ?? error) },
      };
    }
  },
};
