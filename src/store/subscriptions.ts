/** Subscriptions and configuration-seeded channels in SQLite. */
import type { SqliteDatabase } from './sqliteDriver.js';
import type { NewSubscription, Subscription, SubscriptionStore } from '../core/store.js';
import { storedLanguage } from './shared.js';

interface Row {
  channel: string;
  platform: string;
  time: string;
  time_zone: string;
  language: string;
  workspace: string | null;
  created_at: number;
  updated_at: number;
}

const toSubscription = (r: Row): Subscription => ({
  platform: r.platform,
  channel: r.channel,
  time: r.time,
  timeZone: r.time_zone,
  language: storedLanguage(r.language),
  ...(r.workspace !== null ? { workspace: r.workspace } : {}),
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

/** The SubscriptionStore part of the SQLite store. */
export function sqliteSubscriptions(db: SqliteDatabase, now: () => number): SubscriptionStore {
  const get = db.prepare<[string], Row>('SELECT * FROM subscriptions WHERE channel = ?');
  const all = db.prepare<[], Row>('SELECT * FROM subscriptions ORDER BY created_at, channel');
  const upsert = db.prepare<[string, string, string, string, string, string | null, number, number]>(`
    INSERT INTO subscriptions (channel, platform, time, time_zone, language, workspace, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (channel) DO UPDATE SET platform = excluded.platform, time = excluded.time,
      time_zone = excluded.time_zone, language = excluded.language,
      workspace = coalesce(excluded.workspace, subscriptions.workspace), updated_at = excluded.updated_at`);
  const remove = db.prepare<[string]>('DELETE FROM subscriptions WHERE channel = ?');
  const seed = db.prepare<[string, number]>('INSERT INTO seeded_channels (channel, seeded_at) VALUES (?, ?) ON CONFLICT DO NOTHING');

  const write = (s: NewSubscription, at: number): { subscription: Subscription; created: boolean } => {
    const existed = get.get(s.channel) !== undefined;
    upsert.run(s.channel, s.platform, s.time, s.timeZone, s.language ?? 'en', s.workspace ?? null, at, at);
    const row = get.get(s.channel);
    if (!row) throw new Error(`subscription for ${s.channel} vanished inside its own transaction`);
    return { subscription: toSubscription(row), created: !existed };
  };
  const subscribe = db.immediateTransaction((s: NewSubscription) => write(s, now()));
  const seedAll = db.immediateTransaction((subs: readonly NewSubscription[]) => {
    const at = now();
    return subs.flatMap((s) => (seed.run(s.channel, at).changes === 1 && !get.get(s.channel) ? [write(s, at).subscription] : []));
  });

  return {
    subscribe: async (s) => subscribe(s),
    unsubscribe: async (channel) => remove.run(channel).changes === 1,
    subscription: async (channel) => {
      const row = get.get(channel);
      return row ? toSubscription(row) : undefined;
    },
    subscriptions: async () => all.all().map(toSubscription),
    seedSubscriptions: async (subs) => seedAll(subs),
  };
}
