/**
 * The salt for hashing askers' ids, kept in its own file beside the database (not inside it), so
 * a copy of the database alone does not allow checking a guessed id against the hashes. Created
 * once with a hard link from a complete temp file: two processes starting together both end up
 * reading the same salt, and neither can ever read a half-written one.
 */
import { createHash, randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SALT_FILE = 'asker-salt';

/** The salt in `dataDir`, created on first use. */
export function loadOrCreateSalt(dataDir: string): string {
  const file = join(dataDir, SALT_FILE);
  try {
    return readSalt(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    linkSync(tmp, file);
  } catch (error) {
    // EEXIST: another process created it first; use theirs.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(tmp);
  }
  return readSalt(file);
}

function readSalt(file: string): string {
  const salt = readFileSync(file, 'utf8').trim();
  if (salt.length < 16) throw new Error(`${file} holds no usable salt; delete it to make a new one (old hashes will no longer match new ones)`);
  return salt;
}

/** A salted SHA-256 of a platform user id: stable per database, not reversible. */
export function hashId(salt: string, platform: string, id: string): string {
  return createHash('sha256').update(`${salt}\0${platform}\0${id}`).digest('hex');
}
