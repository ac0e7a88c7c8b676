/**
 * The node:sqlite driver (DatabaseSync, built into Node.js). It is loaded with
 * process.getBuiltinModule, which returns nothing on a runtime without it (Node.js 20), so this
 * file can be imported everywhere. Where node:sqlite is still experimental (Node.js 22.13 to
 * 24.14) loading it emits one "SQLite is an experimental feature" ExperimentalWarning on stderr:
 * that one warning, and only during the load, is swallowed, as the bot's users cannot act on it;
 * every other warning goes through. Node.js 24.15 and later emit none.
 * Rows come back with a null prototype: they are copied into plain objects, as better-sqlite3's are.
 */
import type { DriverConnection, NamedParams, OpenSqliteOptions, SqlValue } from './sqliteTypes.js';

interface NodeStatement {
  run(...params: SqlValue[] | [NamedParams]): { changes: number | bigint };
  get(...params: SqlValue[] | [NamedParams]): unknown;
  all(...params: SqlValue[] | [NamedParams]): unknown[];
}

interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  exec(sql: string): void;
  close(): void;
  readonly isOpen: boolean;
  readonly isTransaction: boolean;
}

/** The part of the node:sqlite module the store uses. */
export interface NodeSqliteModule {
  readonly DatabaseSync: new (path: string, options?: { readOnly?: boolean }) => NodeDatabase;
}

let loaded: { readonly module: NodeSqliteModule | undefined } | undefined;

/** node:sqlite when this runtime has it (with the `isTransaction` the transactions need), else undefined. */
export function loadNodeSqlite(): NodeSqliteModule | undefined {
  if (loaded === undefined) {
    const module: unknown = withoutSqliteExperimentalWarning(() => process.getBuiltinModule?.('node:sqlite'));
    loaded = { module: isNodeSqlite(module) ? module : undefined };
  }
  return loaded.module;
}

/** True for a node:sqlite whose connections have `isTransaction` (Node.js 22.16 and later; an own property of each). */
function isNodeSqlite(module: unknown): module is NodeSqliteModule {
  if (typeof module !== 'object' || module === null || !('DatabaseSync' in module) || typeof module.DatabaseSync !== 'function') return false;
  const probe: unknown = Reflect.construct(module.DatabaseSync, [':memory:']);
  const usable = typeof probe === 'object' && probe !== null && 'isTransaction' in probe && typeof probe.isTransaction === 'boolean';
  if (typeof probe === 'object' && probe !== null && 'close' in probe && typeof probe.close === 'function') probe.close();
  return usable;
}

/** True for the warning node:sqlite emits when it is loaded on a runtime where it is experimental. */
export function isSqliteExperimentalWarning(warning: string | Error, typeOrOptions: unknown): boolean {
  if (typeof warning !== 'string') return warning.name === 'ExperimentalWarning' && warning.message.startsWith('SQLite is an experimental feature');
  const type = typeof typeOrOptions === 'object' && typeOrOptions !== null && 'type' in typeOrOptions ? typeOrOptions.type : typeOrOptions;
  return type === 'ExperimentalWarning' && warning.startsWith('SQLite is an experimental feature');
}

/** Runs `load` with process.emitWarning dropping node:sqlite's ExperimentalWarning (and nothing else). */
export function withoutSqliteExperimentalWarning<T>(load: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = function (this: unknown, warning: string | Error, ...rest: unknown[]): void {
    if (isSqliteExperimentalWarning(warning, rest[0])) return;
    Reflect.apply(emit, process, [warning, ...rest]);
  } as typeof process.emitWarning;
  try {
    return load();
  } finally {
    process.emitWarning = emit;
  }
}

const plain = (row: unknown): unknown => (typeof row === 'object' && row !== null ? { ...row } : row);

/** Opens `file` with node:sqlite. */
export function openNodeSqlite(sqlite: NodeSqliteModule, file: string, options: OpenSqliteOptions): DriverConnection {
  const db = new sqlite.DatabaseSync(file, { readOnly: options.readonly === true });
  return {
    driver: 'node:sqlite',
    prepare: (sql) => {
      const s = db.prepare(sql);
      return {
        run: (...params) => s.run(...params),
        get: (...params) => plain(s.get(...params)),
        all: (...params) => s.all(...params).map(plain),
      };
    },
    exec: (sql) => db.exec(sql),
    pragma: (text) => {
      const row = db.prepare(`PRAGMA ${text}`).get();
      return typeof row === 'object' && row !== null ? Object.values(row)[0] : undefined;
    },
    inTransaction: () => db.isTransaction,
    close: () => {
      if (db.isOpen) db.close();
    },
  };
}
