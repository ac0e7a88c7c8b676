/**
 * Writes that cannot lie. An open SQLite connection keeps writing to a database file that was
 * deleted (or replaced by a restore) under it, and every commit succeeds into an inode no one
 * will open again: the bot confirmed "Subscribed" and the subscription was gone after a restart.
 * So after each write the path must still name the file that was opened (same device and inode),
 * and any failure of a write becomes a StoreError carrying the cause.
 */
import { statSync } from 'node:fs';
import { StoreError } from '../core/errors.js';
import type { Store } from '../core/store.js';

/** Throws a StoreError unless `file` is still the file (device, inode) it was when this was called. */
export function fileIdentityCheck(file: string): () => void {
  const opened = statSync(file);
  return () => {
    let now;
    try {
      now = statSync(file);
    } catch (cause) {
      throw new StoreError(`the database file ${file} is gone; nothing more can be saved (restart the bot to create it again, or restore DATA_DIR from a backup)`, { cause });
    }
    if (now.ino !== opened.ino || now.dev !== opened.dev) {
      throw new StoreError(`the database file ${file} was replaced while the bot ran; nothing more is saved to it (restart the bot to use the new file)`);
    }
  };
}

/**
 * `store` with every write followed by `check`, and every failed write turned into a StoreError.
 * The question log is not wrapped: its queue checks once per batch (sqliteQuestions).
 */
export function guardWrites<S extends Store>(store: S, check: () => void): S {
  const w =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      let result: R;
      try {
        result = await write(...args);
      } catch (cause) {
        if (cause instanceof StoreError) throw cause;
        throw new StoreError(`the database refused a write (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
      }
      check();
      return result;
    };
  return {
    ...store,
    subscribe: w(store.subscribe),
    unsubscribe: w(store.unsubscribe),
    seedSubscriptions: w(store.seedSubscriptions),
    claimDigest: w(store.claimDigest),
    markDigestSent: w(store.markDigestSent),
    releaseDigest: w(store.releaseDigest),
    updateRotation: w(store.updateRotation),
    saveConversationRef: w(store.saveConversationRef),
    removeConversationRef: w(store.removeConversationRef),
    record: w(store.record),
    firstSeen: w(store.firstSeen),
    saveContext: w(store.saveContext),
    rememberAnswer: w(store.rememberAnswer),
  };
}
