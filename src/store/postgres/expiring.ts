/**
 * What PostgreSQL keeps only for a while: delivery ids (dedupe), conversation contexts
 * (follow-ups) and which entry an answered message was. A delivery row carries its own
 * `expires_at`; "is it new?" is one INSERT ... ON CONFLICT whose update only applies to an
 * expired row, so of two replicas receiving the same redelivery exactly one gets a row back, and
 * an id is new again the moment its expiry passes even if no clean-up ran yet (plain DO NOTHING
 * would keep refusing it until then). Expired rows of each table are deleted as it is written, at
 * most once per interval per replica, so the tables stay small without a timer of their own. Keys
 * that may name a person (a DM's conversation key, a Teams delivery key) are stored as SHA-256.
 */
import type pg from 'pg';
import { CONTEXT_TTL_MS, type ContextStore } from '../../core/conversation/followUp.js';
import type { AnsweredMessages, DeliveryLog } from '../../core/store.js';
import { ANSWER_TTL_MS } from '../answers.js';
import { sha256Hex, toContext } from '../shared.js';

const PURGE_DELIVERIES_EVERY_MS = 5 * 60_000;
const PURGE_CONTEXTS_EVERY_MS = 5 * 60_000;
const PURGE_ANSWERS_EVERY_MS = 3600_000;

/** Runs `purge(at)` when `everyMs` have passed since it last ran here. */
function throttled(everyMs: number, purge: (at: number) => Promise<unknown>): (at: number) => Promise<void> {
  let purgedAt = Number.NEGATIVE_INFINITY;
  return async (at) => {
    if (at - purgedAt < everyMs) return;
    await purge(at);
    purgedAt = at;
  };
}

/** The DeliveryLog part of the PostgreSQL store; ids are remembered for `ttlMs`. */
export function pgDeliveries(pool: pg.Pool, now: () => number, ttlMs: number): DeliveryLog {
  const purge = throttled(PURGE_DELIVERIES_EVERY_MS, (at) => pool.query('DELETE FROM deliveries WHERE expires_at <= $1', [new Date(at)]));
  return {
    firstSeen: async (key) => {
      const at = now();
      await purge(at);
      const { rowCount } = await pool.query(
        `INSERT INTO deliveries (key, expires_at) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE deliveries.expires_at <= $3`,
        [sha256Hex(key), new Date(at + ttlMs), new Date(at)],
      );
      return rowCount === 1;
    },
  };
}

/** The ContextStore part of the PostgreSQL store. */
export function pgContexts(pool: pg.Pool, now: () => number): ContextStore {
  const purge = throttled(PURGE_CONTEXTS_EVERY_MS, (at) => pool.query('DELETE FROM conversation_contexts WHERE updated_at <= $1', [new Date(at - CONTEXT_TTL_MS)]));
  return {
    context: async (key) => {
      const { rows } = await pool.query<{ context: unknown }>('SELECT context FROM conversation_contexts WHERE key = $1 AND updated_at > $2', [
        sha256Hex(key),
        new Date(now() - CONTEXT_TTL_MS),
      ]);
      return rows[0] ? toContext(rows[0].context) : undefined;
    },
    saveContext: async (key, context) => {
      const at = now();
      await purge(at);
      await pool.query(
        `INSERT INTO conversation_contexts (key, context, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at`,
        [sha256Hex(key), JSON.stringify(context), new Date(at)],
      );
    },
  };
}

/** The AnsweredMessages part of the PostgreSQL store (keys arrive already hashed from the adapter). */
export function pgAnsweredMessages(pool: pg.Pool, now: () => number): AnsweredMessages {
  const purge = throttled(PURGE_ANSWERS_EVERY_MS, (at) => pool.query('DELETE FROM answered_messages WHERE sent_at <= $1', [new Date(at - ANSWER_TTL_MS)]));
  return {
    rememberAnswer: async (key, entryId) => {
      const at = now();
      await purge(at);
      await pool.query(
        'INSERT INTO answered_messages (key, entry_id, sent_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET entry_id = EXCLUDED.entry_id, sent_at = EXCLUDED.sent_at',
        [key, entryId, new Date(at)],
      );
    },
    answeredEntry: async (key) =>
      (await pool.query<{ entry_id: string }>('SELECT entry_id FROM answered_messages WHERE key = $1 AND sent_at > $2', [key, new Date(now() - ANSWER_TTL_MS)])).rows[0]
        ?.entry_id,
  };
}
