import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  EMULATED_REQUEST_TYPES,
  messageKindOf,
  NOT_EMULATED_REQUEST_TYPES,
  SDK_REQUEST_TYPES,
} from './sdk-message-types.js';

/** The request types the installed SDK really posts, read from its shipped code. */
async function requestTypesInTheSdk(): Promise<string[]> {
  const packageJson = createRequire(import.meta.url).resolve('@portal-hq/web/package.json');
  const code = await readFile(new URL('lib/esm/mpc/index.js', `file://${packageJson}`), 'utf8');
  return [...new Set([...code.matchAll(/type: ['"](portal:[^'"]+)['"]/g)].map((match) => match[1] as string))].sort();
}

describe('the SDK request types the emulator knows', () => {
  it('are exactly the ones @portal-hq/web 3.4.1 posts to its iframe', async () => {
    expect([...SDK_REQUEST_TYPES].sort()).toEqual(await requestTypesInTheSdk());
    expect(SDK_REQUEST_TYPES).toHaveLength(27);
  });

  it('are each either emulated or answered as not supported, never both', () => {
    expect(
      EMULATED_REQUEST_TYPES.filter((type) => (NOT_EMULATED_REQUEST_TYPES as readonly string[]).includes(type)),
    ).toEqual([]);
  });

  it('have short kinds for faults and logs', () => {
    expect(messageKindOf('portal:wasm:backup')).toBe('backup');
    expect(messageKindOf('portal:api:setBackupStatus')).toBe('setBackupStatus');
    expect(messageKindOf('portal:storedClientBackupShare')).toBe('storedClientBackupShare');
  });
});
