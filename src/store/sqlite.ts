/**
 * The Store on one SQLite file under DATA_DIR (node:sqlite or better-sqlite3 behind sqliteDriver.ts,
 * synchronous and in-process). WAL
 * lets readers run beside a writer, synchronous=FULL makes each commit survive a crash or power
 * loss, and busy_timeout makes a second process wait for the lock instead of failing. Every
 * write is one statement or one IMMEDIATE transaction, so a killed process leaves either all of
 * a change or none of it. The question log alone is written behind, in batches off the reply's
 * path (writeQueue.ts), so a crash may lose its last flush interval (100 ms). What expires within
 * hours (delivery ids, contexts, answered messages) is written on a second connection that does
 * not fsync each commit (see openExpiringConnection).
 */
import { join } from 'node:path';
import { StoreError } from '../core/errors.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Store } from '../core/store.js';
import { DEFAULT_DELIVERY_TTL_MS } from '../core/deliveryLog.js';
import { sqliteContexts } from './contexts.js';
import { sqliteDeliveries } from './deliveries.js';
import { sqliteLedger, sqliteRotation } from './digests.js';
import { sqliteAnsweredMessages } from './answers.js';
import { sqliteConversationRefs, sqliteFeedback, sqliteQuestions } from './logs.js';
import { ensurePrivateDatabase, ensurePrivateDir } from './files.js';
import { fileIdentityCheck, guardWrites } from './guard.js';
import { migrate } from './migrations.js';
import { hashId, loadOrCreateSalt } from './salt.js';
import { sqliteSubscriptions } from './subscriptions.js';
import { openSqlite, type SqliteDatabase } from './sqliteDriver.js';
import type { WriteQueueOptions } from './writeQueue.js';

/** The database file's name inside DATA_DIR. */
export const DB_FILE = 'eu-china-bot.sqlite';

export interface SqliteStoreOptions {
  /** Folder for the database and the salt file; created 0700 if missing. */
  readonly dataDir: string;
  /** Timestamps for rows and claim leases (default: the system clock). */
  readonly clock?: Clock;
  /** Salt for hashing user ids (default: read or create `DATA_DIR/asker-salt`). */
  readonly salt?: string;
  /** How long a writer waits for another process's lock, in ms (default 5000). */
  readonly busyTimeoutMs?: number;
  /** How long a delivery id is remembered for dedupe, in ms (default DEFAULT_DELIVERY_TTL_MS, 2 h). */
  readonly deliveryTtlMs?: number;
  /** Use better-sqlite3 with this compiled addon (default: node:sqlite where the runtime has it, else better-sqlite3's own addon). */
  readonly nativeBinding?: string;
  /** Told once when the question log cannot save (see writeQueue.ts); without it only the records' promises say so. */
  readonly logger?: Logger;
  /** How the question log batches its writes (default QUESTION_LOG_DEFAULTS: 100 ms, 500 records, 10,000 waiting). */
  readonly questionLog?: WriteQueueOptions;
}

export interface SqliteStore extends Store {
  /** Absolute or relative path of the database file. */
  readonly file: string;
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  /** Writes the questions still waiting, then closes the file (both drivers are synchronous: both are done on return). */
  close(): void;
}

const systemClock: Clock = { now: () => new Date() };

/** Opens (creating and migrating if needed) the store in `options.dataDir`. */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  ensurePrivateDir(options.dataDir);
  const file = join(options.dataDir, DB_FILE);
  ensurePrivateDatabase(file);
  const db = openSqlite(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  const opened = [db];
  try {
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const clock = options.clock ?? systemClock;
    const now = (): number => clock.now().getTime();
    const schemaVersion = migrate(db, now);
    const salt = options.salt ?? loadOrCreateSalt(options.dataDir);
    const hash = (platform: string, id: string): string => hashId(salt, platform, id);
    const check = fileIdentityCheck(file);
    const expiring = openExpiringConnection(file, options);
    opened.push(expiring);
    const ping = db.prepare('SELECT 1');
    const { queue, ...questions } = sqliteQuestions(db, hash, check, { ...options.questionLog, ...(options.logger ? { logger: options.logger } : {}) });
    const store = guardWrites({
      ...sqliteSubscriptions(db, now),
      ...sqliteLedger(db, now),
      ...sqliteRotation(db),
      ...sqliteConversationRefs(db, now),
      ...questions,
      ...sqliteFeedback(db, hash, now),
      ...sqliteDeliveries(expiring, now, options.deliveryTtlMs ?? DEFAULT_DELIVERY_TTL_MS),
      ...sqliteContexts(expiring, now),
      ...sqliteAnsweredMessages(expiring, now),
      ping: async () => {
        check();
        try {
          ping.get();
        } catch (cause) {
          throw new StoreError(`the database ${file} does not answer`, { cause });
        }
      },
      close: () => {
        void queue.close(); // synchronous writer: the waiting questions are written when this returns
        expiring.close();
        db.close();
      },
    }, check);
    return { ...store, file, schemaVersion };
  } catch (error) {
    for (const connection of opened) connection.close();
    throw error;
  }
}

/**
 * The second connection, for what is written on every event and expires within hours: delivery
 * ids (dedupe), conversation contexts (follow-ups) and answered messages (native feedback). It
 * commits with synchronous=NORMAL: in WAL mode a commit is then not fsynced (the WAL is at the
 * next checkpoint), so a killed process loses nothing, and a power loss can only take back the
 * last of these rows (a redelivery answered twice, a follow-up without its context). Each fsync
 * blocked the event loop for milliseconds on every message; subscriptions, digest claims and the
 * other confirmed writes stay on the synchronous=FULL connection.
 */
function openExpiringConnection(file: string, options: SqliteStoreOptions): SqliteDatabase {
  const db = openSqlite(file, options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding });
  db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`);
  db.pragma('synchronous = NORMAL');
  return db;
}
