/**
 * The one seam between the SQLite store and a SQLite driver, exposing only what the store uses:
 * prepared statements (run / get / all, positional or named `:name` parameters), exec, pragma and
 * an IMMEDIATE transaction. Two drivers sit behind it:
 *
 * - `node:sqlite` (DatabaseSync), built into Node.js (unflagged since 22.13): used whenever the
 *   runtime has it, so on Node.js 24 the bot needs no native addon at all. better-sqlite3 12 built
 *   for Node.js 24 aborts the process at exit (`Assertion failed: (env) != nullptr` in
 *   node::RemoveEnvironmentCleanupHook, from its node::ObjectWrap destructors, nodejs/node#65446),
 *   and better-sqlite3 13 requires Node.js 22 or later.
 * - better-sqlite3 (an optional dependency) on Node.js 20, which has no node:sqlite.
 *
 * Both give the store the same thing: rows as plain objects, INTEGER columns as numbers, `changes`
 * as a number, one transaction at a time (a nested one is refused rather than silently joined).
 */
import { openBetterSqlite3 } from './betterSqlite.js';
import { loadNodeSqlite, openNodeSqlite } from './nodeSqlite.js';

/** A value SQLite can bind or return (booleans are not: store 0 / 1). */
export type SqlValue = string | number | bigint | null | Uint8Array;
/** Named parameters, bound to `:name` in the SQL. */
export type NamedParams = Readonly<Record<string, SqlValue>>;
type Params = readonly SqlValue[] | NamedParams;
type Args<P extends Params> = P extends readonly SqlValue[] ? P : [P];

export interface SqliteStatement<P extends Params = [], R = Record<string, unknown>> {
  /** Runs a statement that returns no rows; `changes` is the number of rows it wrote. */
  run(...params: Args<P>): { readonly changes: number };
  get(...params: Args<P>): R | undefined;
  all(...params: Args<P>): R[];
}

export type SqliteDriverName = 'node:sqlite' | 'better-sqlite3';

/** What a driver provides; the transaction logic on top of it is shared (sqliteDriver.ts). */
export interface DriverConnection {
  readonly driver: SqliteDriverName;
  prepare(sql: string): {
    run(...params: SqlValue[] | [NamedParams]): { changes: number | bigint };
    get(...params: SqlValue[] | [NamedParams]): unknown;
    all(...params: SqlValue[] | [NamedParams]): unknown[];
  };
  exec(sql: string): void;
  /** The first column of the first row `PRAGMA text` returns, or undefined when it returns none. */
  pragma(text: string): unknown;
  inTransaction(): boolean;
  close(): void;
}

export interface SqliteDatabase {
  readonly driver: SqliteDriverName;
  prepare<P extends Params = [], R = Record<string, unknown>>(sql: string): SqliteStatement<P, R>;
  /** Runs one or more statements that return nothing (DDL, a migration). */
  exec(sql: string): void;
  /** `pragma('journal_mode = WAL')` sets; `pragma('journal_mode')` reads: the first column of the first row. */
  pragma(text: string): unknown;
  /**
   * `fn` wrapped in BEGIN IMMEDIATE ... COMMIT: the write lock is taken at the start (a second
   * process waits busy_timeout for it), and a throw rolls back everything `fn` wrote and is
   * rethrown. `fn` must be synchronous. Calling it inside another transaction throws.
   */
  immediateTransaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  /** Closes the connection; closing a closed one does nothing. */
  close(): void;
}

export interface OpenSqliteOptions {
  /** Open without write access (tests inspecting a store's file). */
  readonly readonly?: boolean;
  /** Use better-sqlite3 with this compiled addon, whatever the runtime (the missing-binding tests). */
  readonly nativeBinding?: string;
}

/** The driver `openSqlite` uses on this runtime when no nativeBinding is given. */
export function sqliteDriverName(): SqliteDriverName {
  return loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3';
}

/** Opens `file` (which must exist when readonly) with the driver of this runtime. */
export function openSqlite(file: string, options: OpenSqliteOptions = {}): SqliteDatabase {
  const nodeSqlite = options.nativeBinding === undefined ? loadNodeSqlite() : undefined;
  const connection = nodeSqlite ? openNodeSqlite(nodeSqlite, file, options) : openBetterSqlite3(file, options);
  return withTransactions(connection);
}

function withTransactions(c: DriverConnection): SqliteDatabase {
  return {
    driver: c.driver,
    prepare: <P extends Params, R>(sql: string): SqliteStatement<P, R> => {
      const s = c.prepare(sql);
      return {
        run: (...params) => ({ changes: Number(s.run(...(params as SqlValue[] | [NamedParams])).changes) }),
        get: (...params) => s.get(...(params as SqlValue[] | [NamedParams])) as R | undefined,
        all: (...params) => s.all(...(params as SqlValue[] | [NamedParams])) as R[],
      };
    },
    exec: (sql) => c.exec(sql),
    pragma: (text) => c.pragma(text),
    immediateTransaction:
      (fn) =>
      (...args) => {
        if (c.inTransaction()) throw new Error('a SQLite transaction was started inside another one; nested transactions are not supported');
        c.exec('BEGIN IMMEDIATE');
        try {
          const result = fn(...args);
          if (result instanceof Promise) throw new Error('a SQLite transaction function returned a promise; it must be synchronous');
          c.exec('COMMIT');
          return result;
        } catch (error) {
          // SQLite may already have rolled back by itself (a full disk, an I/O error).
          if (c.inTransaction()) c.exec('ROLLBACK');
          throw error;
        }
      },
    close: () => c.close(),
  };
}
