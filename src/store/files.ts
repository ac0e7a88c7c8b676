/**
 * File modes of DATA_DIR. The database holds the question log and conversation references, so
 * nobody but the bot's user may read it. SQLite creates the -wal and -shm files with the mode of
 * the database file itself, so creating that file 0600 before SQLite opens it (and tightening
 * the three files an older release left 0644) covers them all; the umask cannot widen an
 * explicit 0600. Only a folder created here is made 0700: an existing one may be shared on purpose.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

const PRIVATE_DIR = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates `dir` (and missing parents) 0700; leaves the mode of one that exists alone. */
export function ensurePrivateDir(dir: string): void {
  if (existsSync(dir)) return;
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  chmodSync(dir, PRIVATE_DIR); // mkdir's mode is filtered by the umask
}

/** Creates the database file 0600 if missing, and makes it and its -wal / -shm files 0600. */
export function ensurePrivateDatabase(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      chmodSync(f, PRIVATE_FILE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}
