/**
 * Conversation contexts in SQLite, so a follow-up answered by another process (or after a
 * restart) sees the previous exchange. Keys are stored as a SHA-256 (a DM's conversation key
 * names a person); rows older than the context lifetime are never returned and are deleted as
 * new ones are written, at most once per PURGE_EVERY_MS.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CONTEXT_TTL_MS, type ContextStore } from '../core/conversation/followUp.js';

const PURGE_EVERY_MS = 5 * 60_000;
const contextSchema = z.object({ entryId: z.string().optional(), suggestions: z.array(z.string()), at: z.string() });

const keyOf = (key: string): string => createHash('sha256').update(key).digest('hex');

/** The ContextStore part of the SQLite store. */
export function sqliteContexts(db: Database.Database, now: () => number): ContextStore {
  const read = db.prepare<[string, number], { context: string }>('SELECT context FROM conversation_contexts WHERE key = ? AND updated_at > ?');
  const write = db.prepare<[string, string, number]>(
    'INSERT INTO conversation_contexts (key, context, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET context = excluded.context, updated_at = excluded.updated_at',
  );
  const purge = db.prepare<[number]>('DELETE FROM conversation_contexts WHERE updated_at <= ?');
  let purgedAt = Number.NEGATIVE_INFINITY;
  return {
    context: async (key) => {
      const row = read.get(keyOf(key), now() - CONTEXT_TTL_MS);
      if (!row) return undefined;
      const parsed = contextSchema.safeParse(JSON.parse(row.context));
      if (!parsed.success) return undefined;
      const { entryId, ...rest } = parsed.data;
      return entryId === undefined ? rest : { ...rest, entryId };
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
