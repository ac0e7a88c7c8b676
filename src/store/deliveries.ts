/**
 * The DeliveryLog in SQLite: one row per delivery id. "Is it new?" is a single upsert whose WHERE
 * clause only lets an expired row be overwritten, so of two processes receiving the same
 * redelivery exactly one sees `changes === 1`. Expired rows are deleted as the log is used, at
 * most once per PURGE_EVERY_MS, so the table stays small without a timer of its own. Keys are
 * stored as a SHA-256: a Teams key holds a conversation id, which for a 1:1 chat names a person.
 */
import type { SqliteDatabase } from './sqliteDriver.js';
import type { DeliveryLog } from '../core/store.js';
import { sha256Hex } from './shared.js';

const PURGE_EVERY_MS = 5 * 60_000;

/** The DeliveryLog part of the SQLite store; ids are remembered for `ttlMs`. */
export function sqliteDeliveries(db: SqliteDatabase, now: () => number, ttlMs: number): DeliveryLog {
  const record = db.prepare<{ key: string; at: number; expiredBefore: number }>(`
    INSERT INTO deliveries (key, seen_at) VALUES (:key, :at)
    ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at WHERE deliveries.seen_at <= :expiredBefore`);
  const purge = db.prepare<[number]>('DELETE FROM deliveries WHERE seen_at <= ?');
  let purgedAt = Number.NEGATIVE_INFINITY;
  return {
    firstSeen: async (key) => {
      const at = now();
      if (at - purgedAt >= PURGE_EVERY_MS) {
        purge.run(at - ttlMs);
        purgedAt = at;
      }
      return record.run({ key: sha256Hex(key), at, expiredBefore: at - ttlMs }).changes === 1;
    },
  };
}
