import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

/**
 * Where the key file lives unless told: the user's configuration folder
 * (`$XDG_CONFIG_HOME/backup-kit/keys.json`, else `~/.config/backup-kit/keys.json`), away from
 * the data folder, so a copy of the database does not carry the key that opens it.
 */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const configHome = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(configHome, 'backup-kit', 'keys.json');
}

/** Where versions before 0.1 put the key file by default: beside the PGlite folder in `.data`. */
export const LEGACY_KEY_FILE = '.data/backup-kit-keys.json';

/**
 * Refuses to start on the default key file while a key sits at the old default place: starting
 * would make a new key, and rows sealed under the old one would no longer open. Moving it is
 * the operator's call (it may be in a backup, a volume, a deploy script), so say how.
 */
export function refuseLegacyKeyFile(target = defaultKeyFile(), cwd = process.cwd()): void {
  const legacy = resolve(cwd, LEGACY_KEY_FILE);
  if (!existsSync(legacy)) return;
  throw new Error(
    `a key file is at the old default place ${legacy}, inside the data folder: a copy of the folder ` +
      `would carry the key that opens it. Move it out (mkdir -p -m 700 "${join(target, '..')}" && ` +
      `mv "${legacy}" "${target}"), or keep it where it is with --key-file ${LEGACY_KEY_FILE}`,
  );
}

/** Refuses a key file inside the PGlite data folder, for the same reason. */
export function refuseKeyFileInside(keyFile: string, dataDir: string | undefined): void {
  if (!dataDir || dataDir.startsWith('memory://')) return;
  const inside = relative(resolve(dataDir), resolve(keyFile));
  if (inside && !inside.startsWith('..') && !isAbsolute(inside)) {
    throw new Error(
      `the key file ${keyFile} is inside the data folder ${dataDir}: a copy of the folder would carry ` +
        'the key that opens it. Keep it elsewhere (--key-file)',
    );
  }
}
