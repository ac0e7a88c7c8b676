/**
 * Versioned schema migrations, applied in order from an empty file. Each runs in the same
 * IMMEDIATE transaction as the row recording it, so two processes opening a fresh database at
 * once cannot both apply one, and a crash mid-migration leaves the previous version intact.
 * Append new migrations; never edit one that has shipped.
 */
import type { SqliteDatabase } from './sqliteDriver.js';
import { BotError } from '../core/errors.js';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'digest, logs and conversation references',
    sql: `
      CREATE TABLE subscriptions (
        channel TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        time TEXT NOT NULL CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),
        time_zone TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE seeded_channels (channel TEXT PRIMARY KEY, seeded_at INTEGER NOT NULL) STRICT;
      CREATE TABLE digests (
        channel TEXT NOT NULL,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'released')),
        token TEXT NOT NULL,
        claimed_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (channel, day)
      ) STRICT;
      CREATE INDEX digests_updated ON digests (updated_at);
      CREATE TABLE rotations (
        channel TEXT PRIMARY KEY,
        entry_order TEXT NOT NULL CHECK (json_valid(entry_order)),
        position INTEGER NOT NULL CHECK (position >= 0),
        cycle INTEGER NOT NULL CHECK (cycle >= 0),
        day TEXT,
        entry_id TEXT
      ) STRICT;
      CREATE TABLE conversation_refs (id TEXT PRIMARY KEY, ref TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        platform TEXT NOT NULL,
        channel TEXT,
        asker_hash TEXT,
        question TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('answer', 'suggest', 'decline', 'smalltalk')),
        entry_id TEXT,
        confidence REAL NOT NULL
      ) STRICT;
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_channel_at ON questions (channel, at);
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        platform TEXT NOT NULL,
        user_hash TEXT NOT NULL,
        entry_id TEXT NOT NULL,
        helpful INTEGER NOT NULL CHECK (helpful IN (0, 1))
      ) STRICT;
      CREATE INDEX feedback_at ON feedback (at);
    `,
  },
  {
    version: 2,
    name: 'delivery ids already handled (dedupe across restarts)',
    sql: `
      CREATE TABLE deliveries (key TEXT PRIMARY KEY, seen_at INTEGER NOT NULL) STRICT;
      CREATE INDEX deliveries_seen_at ON deliveries (seen_at);
    `,
  },
  {
    version: 3,
    name: 'the platform message id of a sent digest',
    sql: 'ALTER TABLE digests ADD COLUMN message_id TEXT;',
  },
  {
    version: 4,
    name: 'conversation contexts (follow-up questions)',
    sql: `
      CREATE TABLE conversation_contexts (key TEXT PRIMARY KEY, context TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT;
      CREATE INDEX conversation_contexts_updated_at ON conversation_contexts (updated_at);
    `,
  },
  {
    version: 5,
    name: 'feedback comments, and the entry of each answer sent with native feedback buttons',
    sql: `
      ALTER TABLE feedback ADD COLUMN comment TEXT;
      CREATE TABLE answered_messages (key TEXT PRIMARY KEY, entry_id TEXT NOT NULL, sent_at INTEGER NOT NULL) STRICT;
      CREATE INDEX answered_messages_sent_at ON answered_messages (sent_at);
    `,
  },
  {
    version: 6,
    name: "a subscription's digest language and workspace (pacing)",
    sql: `
      ALTER TABLE subscriptions ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr', 'de'));
      ALTER TABLE subscriptions ADD COLUMN workspace TEXT;
    `,
  },
];

/** Brings `db` to the latest version; refuses a database written by a newer release. */
export function migrate(db: SqliteDatabase, now: () => number, migrations: readonly Migration[] = MIGRATIONS): number {
  const apply = db.immediateTransaction(() => {
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
    const row = db.prepare<[], { v: number | null }>('SELECT max(version) AS v FROM schema_migrations').get();
    const current = row?.v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new BotError('config_invalid', `The database is at schema version ${current}, newer than this release knows (${latest}); upgrade eu-china-bot or point DATA_DIR elsewhere`);
    }
    const record = db.prepare<[number, string, number]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of migrations.filter((x) => x.version > current)) {
      db.exec(m.sql);
      record.run(m.version, m.name, now());
    }
    return Math.max(current, latest);
  });
  return apply();
}
