/**
 * Subscriptions and configuration-seeded channels in PostgreSQL. `subscribe` is one upsert that
 * says whether it inserted (`xmax = 0` holds only for a row this statement inserted, not for one
 * it updated), so two replicas subscribing a channel at once report exactly one "created".
 * Seeding runs in one transaction, and each channel's seed row is taken with ON CONFLICT, so a
 * channel is seeded once however many replicas start together.
 */
import type pg from 'pg';
import type { NewSubscription, Subscription, SubscriptionStore } from '../../core/store.js';
import { storedLanguage } from '../shared.js';
import { inTransaction, type Queryable } from './pool.js';

interface Row {
  channel: string;
  platform: string;
  time: string;
  time_zone: string;
  language: string;
  workspace: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'channel, platform, time, time_zone, language, workspace, created_at, updated_at';

const toSubscription = (r: Row): Subscription => ({
  platform: r.platform,
  channel: r.channel,
  time: r.time,
  timeZone: r.time_zone,
  language: storedLanguage(r.language),
  ...(r.workspace !== null ? { workspace: r.workspace } : {}),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const params = (s: NewSubscription, at: number) => [s.channel, s.platform, s.time, s.timeZone, s.language ?? 'en', s.workspace ?? null, new Date(at)];

async function upsert(db: Queryable, s: NewSubscription, at: number): Promise<{ subscription: Subscription; created: boolean }> {
  const { rows } = await db.query<Row & { created: boolean }>(
    `INSERT INTO subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
     ON CONFLICT (channel) DO UPDATE SET platform = EXCLUDED.platform, time = EXCLUDED.time,
       time_zone = EXCLUDED.time_zone, language = EXCLUDED.language,
       workspace = coalesce(EXCLUDED.workspace, subscriptions.workspace), updated_at = EXCLUDED.updated_at
     RETURNING ${COLUMNS}, (xmax = 0) AS created`,
    params(s, at),
  );
  const row = rows[0];
  if (!row) throw new Error(`subscription for ${s.channel} was not returned by its own upsert`);
  return { subscription: toSubscription(row), created: row.created };
}

/** Seeds `s` unless its channel was seeded before or is already subscribed; returns what it created. */
async function seedOne(db: Queryable, s: NewSubscription, at: number): Promise<Subscription | undefined> {
  const seeded = await db.query('INSERT INTO seeded_channels (channel, seeded_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [s.channel, new Date(at)]);
  if (seeded.rowCount !== 1) return undefined;
  const { rows } = await db.query<Row>(
    `INSERT INTO subscriptions (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (channel) DO NOTHING RETURNING ${COLUMNS}`,
    params(s, at),
  );
  return rows[0] ? toSubscription(rows[0]) : undefined;
}

/** The SubscriptionStore part of the PostgreSQL store. */
export function pgSubscriptions(pool: pg.Pool, now: () => number): SubscriptionStore {
  return {
    subscribe: (s) => upsert(pool, s, now()),
    unsubscribe: async (channel) => (await pool.query('DELETE FROM subscriptions WHERE channel = $1', [channel])).rowCount === 1,
    subscription: async (channel) => {
      const { rows } = await pool.query<Row>(`SELECT ${COLUMNS} FROM subscriptions WHERE channel = $1`, [channel]);
      return rows[0] ? toSubscription(rows[0]) : undefined;
    },
    subscriptions: async () => (await pool.query<Row>(`SELECT ${COLUMNS} FROM subscriptions ORDER BY created_at, channel`)).rows.map(toSubscription),
    seedSubscriptions: (subs) =>
      inTransaction(pool, async (client) => {
        const at = now();
        const created: Subscription[] = [];
        for (const s of subs) {
          const sub = await seedOne(client, s, at);
          if (sub) created.push(sub);
        }
        return created;
      }),
  };
}
