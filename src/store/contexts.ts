/**
 * Conversation contexts in SQLite, so a follow-up answered by another process (or after a
 * restart) sees the previous exchange. Keys are stored as a SHA-256 (a DM's conversation key
 * names a person); rows older than the context lifetime are never returned and are deleted as
 * new ones are written, at most once per PURGE_EVERY_MS.
 */
import type { SqliteDatabase } from './sqliteDriver.js';
import { CONTEXT_TTL_MS, type ContextStore } from '../core/conversation/followUp.js';
import { sha256Hex as keyOf, toContext } from './shared.js';

const PURGE_EVERY_MS = 5 * 60_000;

/** The ContextStore part of the SQLite store. */
export function sqliteContexts(db: SqliteDatabase, now: () => number): ContextStore {
  const read = db.prepare<[string, number], { context: string }>('SELECT context FROM conversation_contexts WHERE key = ? AND updated_at > ?');
  const write = db.prepare<[string, string, number]>(
    'INSERT INTO conversation_contexts (key, context, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at',
  );
  const purge = db.prepare<[number]>('DELETE FROM conversation_contexts WHERE updated_at <= ?');
  let purgedAt = Number.NEGATIVE_INFINITY;
  return {
    context: async (key) => {
      const row = read.get(keyOf(key), now() - CONTEXT_TTL_MS);
      return row ? toContext(JSON.parse(row.context)) : undefined;
    },
    saveContext: async (key, context) => {
      const at = now();
      if (at - purgedAt >= PURGE_EVERY_MS) {
        purge.run(at - CONTEXT_TTL_MS);
        purgedAt = at;
      }
      write.run(keyOf(key), JSON.stringify(context), at);
    },
  };
}
