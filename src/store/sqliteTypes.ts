/**
 * The types of the SQLite driver seam (sqliteDriver.ts), apart so that the drivers behind it
 * (betterSqlite.ts, nodeSqlite.ts) can name them without importing the seam that imports them.
 */
/** A value SQLite can bind or return (booleans are not: store 0 / 1). */
export type SqlValue = string | number | bigint | null | Uint8Array;
/** Named parameters, bound to `:name` in the SQL. */
export type NamedParams = Readonly<Record<string, SqlValue>>;
export type Params = readonly SqlValue[] | NamedParams;
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
