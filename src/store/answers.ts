/**
 * Which entry each answer sent with native feedback buttons was, so that a later thumbs up on
 * that message is stored against the right entry. Keys arrive already hashed from the adapter
 * (a personal chat's conversation id names a person); rows older than ANSWER_TTL_MS are purged as
 * new ones are written, at most once per PURGE_EVERY_MS, so the table stays small.
 */
import type { SqliteDatabase } from './sqliteDriver.js';
import type { AnsweredMessages } from '../core/store.js';

/** Feedback on an answer older than this is not matched to its entry any more. */
export const ANSWER_TTL_MS = 90 * 24 * 3600_000;
const PURGE_EVERY_MS = 3600_000;

/** The AnsweredMessages part of the SQLite store. */
export function sqliteAnsweredMessages(db: SqliteDatabase, now: () => number): AnsweredMessages {
  const put = db.prepare<[string, string, number]>(
    'INSERT INTO answered_messages (key, entry_id, sent_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET entry_id = excluded.entry_id, sent_at = excluded.sent_at',
  );
  const get = db.prepare<[string, number], { entry_id: string }>('SELECT entry_id FROM answered_messages WHERE key = ? AND sent_at > ?');
  const purge = db.prepare<[number]>('DELETE FROM answered_messages WHERE sent_at <= ?');
  let purgedAt = Number.NEGATIVE_INFINITY;
  return {
    rememberAnswer: async (key, entryId) => {
      const at = now();
      if (at - purgedAt >= PURGE_EVERY_MS) {
        purge.run(at - ANSWER_TTL_MS);
        purgedAt = at;
      }
      put.run(key, entryId, at);
    },
    answeredEntry: async (key) => get.get(key, now() - ANSWER_TTL_MS)?.entry_id,
  };
}
