/**
 * The Store on a PostgreSQL database shared by several replicas (node-postgres, one pool per
 * process). Opening it connects, runs the migrations under an advisory lock and only then
 * returns, so a replica that cannot reach its database never starts serving. Every call, read or
 * write, that fails (the server went away, a constraint refused the row, a statement timed out)
 * rejects with a StoreError carrying the cause: nothing that was not committed is confirmed.
 */
import type pg from 'pg';
import { DEFAULT_DELIVERY_TTL_MS } from '../../core/deliveryLog.js';
import { StoreError } from '../../core/errors.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { Store } from '../../core/store.js';
import { hashId } from '../salt.js';
import { pgLedger, pgRotation } from './digests.js';
import { pgAnsweredMessages, pgContexts, pgDeliveries } from './expiring.js';
import { pgConversationRefs, pgFeedback, pgQuestions } from './logs.js';
import { migratePostgres } from './migrations.js';
import { createPool, redactUrl, type PoolLimits } from './pool.js';
import { pgSubscriptions } from './subscriptions.js';
import type { WriteQueueOptions } from '../writeQueue.js';

export interface PostgresStoreOptions {
  /** postgres:// or postgresql:// connection URL (DATABASE_URL). */
  readonly url: string;
  /** Salt for hashing user ids, the same for every replica (PSEUDONYM_SALT); never stored in the database. */
  readonly salt: string;
  /** Timestamps for rows and claim leases (default: the system clock). */
  readonly clock?: Clock;
  /** How long a delivery id is remembered for dedupe, in ms (default DEFAULT_DELIVERY_TTL_MS, 2 h). */
  readonly deliveryTtlMs?: number;
  readonly pool?: PoolLimits;
  /** Told when an idle pooled connection fails (it is replaced on next use). */
  readonly onIdleError?: (error: Error) => void;
  /** Told once when the question log cannot save (see ../writeQueue.ts); without it only the records' promises say so. */
  readonly logger?: Logger;
  /** How the question log batches its writes (default QUESTION_LOG_DEFAULTS: 100 ms, 500 records, 10,000 waiting). */
  readonly questionLog?: WriteQueueOptions;
}

export interface PostgresStore extends Store {
  /** The schema version after migrations. */
  readonly schemaVersion: number;
  /** Writes the questions still waiting, then ends every pooled connection. */
  close(): Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };

type Methods = Omit<Store, 'close'>;

/** Each method of `methods`, with any failure turned into a StoreError naming `where`. */
function storeErrors(methods: Methods, where: string): Methods {
  const guard =
    (method: (...args: never[]) => Promise<unknown>) =>
    async (...args: never[]): Promise<unknown> => {
      try {
        return await method(...args);
      } catch (cause) {
        if (cause instanceof StoreError) throw cause;
        throw new StoreError(`the PostgreSQL database ${where} failed (${cause instanceof Error ? cause.message : String(cause)})`, { cause });
      }
    };
  // Same keys and signatures: each method only gains the catch above.
  return Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, guard(method)])) as Methods;
}

/** Connects to `options.url`, migrates, and returns the store; rejects (closing the pool) when it cannot. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const pool = createPool(options.url, options.pool, options.onIdleError);
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now().getTime();
  try {
    const schemaVersion = await migratePostgres(pool, now);
    const hash = (platform: string, id: string): string => hashId(options.salt, platform, id);
    const { queue, ...questions } = pgQuestions(pool, hash, { ...options.questionLog, ...(options.logger ? { logger: options.logger } : {}) });
    const methods = storeErrors(
      {
        ...pgSubscriptions(pool, now),
        ...pgLedger(pool, now),
        ...pgRotation(pool),
        ...pgConversationRefs(pool, now),
        ...questions,
        ...pgFeedback(pool, hash, now),
        ...pgDeliveries(pool, now, options.deliveryTtlMs ?? DEFAULT_DELIVERY_TTL_MS),
        ...pgContexts(pool, now),
        ...pgAnsweredMessages(pool, now),
        ping: async () => void (await ping(pool)),
      },
      redactUrl(options.url),
    );
    let closed: Promise<void> | undefined;
    return { ...methods, schemaVersion, close: () => (closed ??= queue.close().then(() => pool.end())) };
  } catch (error) {
    await pool.end().catch(() => undefined); // the connection error is the one to report
    throw error;
  }
}

/** Reachable and still holding this bot's schema (a dropped database or schema is not ready). */
async function ping(pool: pg.Pool): Promise<void> {
  await pool.query('SELECT max(version) FROM schema_migrations');
}
