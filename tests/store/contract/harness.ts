/**
 * What the store contract needs from a database: open stores on it (as another replica or a
 * restart would) and read back its rows, to check what is kept. SQLite gives a folder per
 * database, PostgreSQL a schema; both are new and empty for each test and removed after it.
 */
import { afterEach } from 'vitest';
import type { Clock, Logger } from '../../../src/core/ports.js';
import type { Store } from '../../../src/core/store.js';
import type { WriteQueueOptions } from '../../../src/store/writeQueue.js';

export interface OpenOptions {
  readonly clock: Clock;
  /** How long delivery ids are remembered (default: the store's own, 2 h). */
  readonly deliveryTtlMs?: number;
  /** Told when the question log cannot save. */
  readonly logger?: Logger;
  /** The question log's batching (default: the store's own). */
  readonly questionLog?: WriteQueueOptions;
}

export interface ContractDatabase {
  /** Opens a store on this database with its own connection(s), as another process would. */
  open(options: OpenOptions): Promise<Store>;
  /** Every table's rows, by table name, to look at what is stored. */
  rows(): Promise<Record<string, readonly Record<string, unknown>[]>>;
  /** Removes the database (its stores are closed by then). */
  drop(): Promise<void>;
}

export interface ContractTarget {
  /** A new, empty database. */
  database(): Promise<ContractDatabase>;
}

/** One database and a way to open stores on it that are closed after the test. */
export interface Opened {
  readonly store: Store;
  readonly db: ContractDatabase;
  /** Another store on the same database (another replica, or the next start). */
  another(options: OpenOptions): Promise<Store>;
  /** Closes `store` now (a stop before a restart). */
  close(store: Store): Promise<void>;
}

/** Returns `fresh`, which opens a store on a new database; everything is closed and dropped after each test. */
export function useDatabases(target: () => ContractTarget): (options: OpenOptions) => Promise<Opened> {
  const stores = new Set<Store>();
  const dbs: ContractDatabase[] = [];
  afterEach(async () => {
    await Promise.all([...stores].map((s) => s.close()));
    stores.clear();
    await Promise.all(dbs.splice(0).map((db) => db.drop()));
  });
  const close = async (store: Store): Promise<void> => {
    stores.delete(store);
    await store.close();
  };
  return async (options) => {
    const db = await target().database();
    dbs.push(db);
    const another = async (o: OpenOptions): Promise<Store> => {
      const store = await db.open(o);
      stores.add(store);
      return store;
    };
    return { store: await another(options), db, another, close };
  };
}

export const sub = (channel: string, time = '09:00', timeZone = 'Europe/Paris') => ({ platform: 'slack', channel, time, timeZone });
