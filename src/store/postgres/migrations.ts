/**
 * Versioned schema migrations for PostgreSQL, applied in order at start-up. Several replicas may
 * start at once against an empty database: each takes a transaction-scoped advisory lock (keyed
 * by the schema, so two deployments in one database do not wait for each other) before reading
 * schema_migrations, so one applies the migrations while the others wait and then find nothing
 * left to do. DDL is transactional in PostgreSQL: a failed migration leaves the previous version.
 * Append new migrations; never edit one that has shipped. Text keys use the "C" collation so
 * that ordering is by code point, as in SQLite, whatever the server's locale.
 */
import { BotError } from '../../core/errors.js';
import { inTransaction } from './pool.js';
import type pg from 'pg';

interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const PG_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'subscriptions, digests, rotation, conversation references, logs, deliveries, contexts, answered messages',
    sql: `
      CREATE TABLE subscriptions (
        channel text COLLATE "C" PRIMARY KEY,
        platform text NOT NULL,
        time text NOT NULL CHECK (time ~ '^[0-2][0-9]:[0-5][0-9]$'),
        time_zone text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE TABLE seeded_channels (channel text COLLATE "C" PRIMARY KEY, seeded_at timestamptz NOT NULL);
      CREATE TABLE digests (
        channel text COLLATE "C" NOT NULL,
        day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),
        status text NOT NULL CHECK (status IN ('claimed', 'sent', 'released')),
        token text NOT NULL,
        claimed_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        message_id text,
        PRIMARY KEY (channel, day)
      );
      CREATE INDEX digests_updated ON digests (updated_at);
      -- entry_order is NULL only in the placeholder row updateRotation inserts to lock a new
      -- channel; that row is replaced in the same transaction, so no committed row has it.
      CREATE TABLE rotations (
        channel text COLLATE "C" PRIMARY KEY,
        entry_order jsonb CHECK (entry_order IS NULL OR jsonb_typeof(entry_order) = 'array'),
        position integer NOT NULL DEFAULT 0 CHECK (position >= 0),
        cycle integer NOT NULL DEFAULT 0 CHECK (cycle >= 0),
        day text,
        entry_id text
      );
      CREATE TABLE conversation_refs (id text COLLATE "C" PRIMARY KEY, ref text NOT NULL, updated_at timestamptz NOT NULL);
      CREATE TABLE questions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        platform text NOT NULL,
        channel text COLLATE "C",
        asker_hash text,
        question text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('answer', 'suggest', 'decline', 'smalltalk')),
        entry_id text,
        confidence double precision NOT NULL
      );
      CREATE INDEX questions_at ON questions (at);
      CREATE INDEX questions_channel_at ON questions (channel, at);
      CREATE TABLE feedback (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL,
        platform text NOT NULL,
        user_hash text NOT NULL,
        entry_id text NOT NULL,
        helpful boolean NOT NULL,
        comment text
      );
      CREATE INDEX feedback_at ON feedback (at);
      CREATE TABLE deliveries (key text COLLATE "C" PRIMARY KEY, expires_at timestamptz NOT NULL);
      CREATE INDEX deliveries_expires_at ON deliveries (expires_at);
      CREATE TABLE conversation_contexts (key text COLLATE "C" PRIMARY KEY, context jsonb NOT NULL, updated_at timestamptz NOT NULL);
      CREATE INDEX conversation_contexts_updated_at ON conversation_contexts (updated_at);
      CREATE TABLE answered_messages (key text COLLATE "C" PRIMARY KEY, entry_id text NOT NULL, sent_at timestamptz NOT NULL);
      CREATE INDEX answered_messages_sent_at ON answered_messages (sent_at);
    `,
  },
  {
    version: 2,
    name: "a subscription's digest language and workspace (pacing)",
    sql: `
      ALTER TABLE subscriptions ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr', 'de'));
      ALTER TABLE subscriptions ADD COLUMN workspace text;
    `,
  },
];

/** Brings the database to the latest version under the advisory lock; refuses one written by a newer release. */
export async function migratePostgres(pool: pg.Pool, now: () => number, migrations: readonly Migration[] = PG_MIGRATIONS): Promise<number> {
  return inTransaction(pool, async (client) => {
    // Waiting for another replica's migration, or running a long one, may outlast the pool's statement timeout.
    await client.query("SET LOCAL statement_timeout = '5min'");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('eu-china-bot schema migrations ' || coalesce(current_schema(), ''), 0))");
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)');
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const current = rows[0]?.v ?? 0;
    const latest = migrations.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new BotError('config_invalid', `The database is at schema version ${current}, newer than this release knows (${latest}); upgrade eu-china-bot or point DATABASE_URL elsewhere`);
    }
    for (const m of migrations.filter((x) => x.version > current)) {
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date(now())]);
    }
    return Math.max(current, latest);
  });
}
