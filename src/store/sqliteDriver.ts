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
import type { DriverConnection, NamedParams, OpenSqliteOptions, Params, SqliteDatabase, SqliteDriverName, SqliteStatement, SqlValue } from './sqliteTypes.js';

export type { DriverConnection, NamedParams, OpenSqliteOptions, SqliteDatabase, SqliteDriverName, SqliteStatement, SqlValue } from './sqliteTypes.js';

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
