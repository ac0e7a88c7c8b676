// The SQLite driver seam (src/store/sqliteDriver.ts) on the driver this runtime uses: node:sqlite
// on Node.js 24, better-sqlite3 on Node.js 20. The store contract (contract.sqlite.test.ts) runs
// the store on it; these are the promises the seam itself makes, identical on both drivers.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withoutSqliteExperimentalWarning } from '../../src/store/nodeSqlite.js';
import { openSqlite, sqliteDriverName, type SqliteDatabase } from '../../src/store/sqliteDriver.js';
import { tempDir } from '../core/digest/fakes.js';

const opened: SqliteDatabase[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

/** A fresh database file with table t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL). */
function fresh(file = join(tempDir(), 'seam.sqlite')): { db: SqliteDatabase; file: string } {
  const db = openSqlite(file);
  opened.push(db);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, score REAL, note TEXT) STRICT');
  return { db, file };
}

const names = (db: SqliteDatabase): string[] => db.prepare<[], { name: string }>('SELECT name FROM t ORDER BY id').all().map((r) => r.name);

const major = Number(process.versions.node.split('.')[0]);

describe('the SQLite driver', () => {
  // The Node.js lines package.json's engines names (and CI runs).
  it.runIf(major === 20 || major >= 24)('is node:sqlite on Node.js 24 and better-sqlite3 on Node.js 20', () => {
    const expected = major >= 24 ? 'node:sqlite' : 'better-sqlite3';
    expect(sqliteDriverName()).toBe(expected);
    expect(fresh().db.driver).toBe(expected);
  });

  it('returns rows as plain objects with numbers for INTEGER and REAL, text and NULL', () => {
    const { db } = fresh();
    db.prepare<[number, string, number, null]>('INSERT INTO t (id, name, score, note) VALUES (?, ?, ?, ?)').run(1700000000000, 'a', 0.25, null);
    const row = db.prepare('SELECT * FROM t').get();
    expect(row).toStrictEqual({ id: 1700000000000, name: 'a', score: 0.25, note: null });
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(db.prepare('SELECT count(*) AS n FROM t').all()).toStrictEqual([{ n: 1 }]);
    expect(db.prepare<[string]>('SELECT * FROM t WHERE name = ?').get('none')).toBeUndefined();
  });

  it('binds named parameters (one name used twice) and reports changes as a number', () => {
    const { db } = fresh();
    const insert = db.prepare<{ id: number; name: string }>('INSERT INTO t (id, name, score) VALUES (:id, :name, :id)');
    expect(insert.run({ id: 1, name: 'a' }).changes).toBe(1);
    insert.run({ id: 2, name: 'b' });
    const update = db.prepare<{ floor: number }>('UPDATE t SET note = \'x\' WHERE score >= :floor');
    expect(update.run({ floor: 0 })).toStrictEqual({ changes: 2 });
    expect(db.prepare<{ id: number }, { score: number }>('SELECT score FROM t WHERE id = :id').get({ id: 2 })).toStrictEqual({ score: 2 });
  });

  it('reads and sets pragmas', () => {
    const { db } = fresh();
    expect(db.pragma('journal_mode')).toBe('wal');
    db.pragma('busy_timeout = 1234');
    expect(db.pragma('busy_timeout')).toBe(1234);
    expect(db.pragma('synchronous = FULL')).toBeUndefined();
    expect(db.pragma('synchronous')).toBe(2);
  });

  it('refuses writes when opened read-only, and closing twice is harmless', () => {
    const { file } = fresh();
    const ro = openSqlite(file, { readonly: true });
    expect(() => ro.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('x')).toThrow(/readonly/);
    ro.close();
    ro.close();
  });
});

describe('an immediate transaction', () => {
  it('commits what the function wrote and returns its value', () => {
    const { db, file } = fresh();
    const add = db.immediateTransaction((a: string, b: string) => {
      db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run(a);
      db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run(b);
      return 'done';
    });
    expect(add('a', 'b')).toBe('done');
    const other = openSqlite(file, { readonly: true });
    opened.push(other);
    expect(names(other)).toEqual(['a', 'b']);
  });

  it('rolls back everything the function wrote when it throws, and rethrows the same error', () => {
    const { db } = fresh();
    const failure = new Error('changed my mind');
    const add = db.immediateTransaction(() => {
      db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('lost');
      throw failure;
    });
    expect(() => add()).toThrow(failure);
    expect(names(db)).toEqual([]);
    db.immediateTransaction(() => db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('kept'))();
    expect(names(db)).toEqual(['kept']);
  });

  it('rolls back the earlier writes when a statement fails inside it', () => {
    const { db } = fresh();
    const insert = db.prepare<[string]>('INSERT INTO t (name) VALUES (?)');
    const twice = db.immediateTransaction(() => {
      insert.run('first');
      insert.run('dup');
      insert.run('dup');
    });
    expect(() => twice()).toThrow(/UNIQUE constraint failed: t\.name/);
    expect(names(db)).toEqual([]);
  });

  it('holds the write lock from its start, so another connection cannot write meanwhile', () => {
    const { db, file } = fresh();
    const other = openSqlite(file);
    opened.push(other);
    other.pragma('busy_timeout = 0');
    let seen: unknown;
    db.immediateTransaction(() => {
      try {
        other.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('other');
      } catch (error) {
        seen = error;
      }
    })();
    expect(String(seen)).toMatch(/database is locked/);
    other.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('after');
    expect(names(db)).toEqual(['after']);
  });

  it('refuses to start inside another one, and the outer one is rolled back', () => {
    const { db } = fresh();
    const inner = db.immediateTransaction(() => db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('inner'));
    const outer = db.immediateTransaction(() => {
      db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('outer');
      inner();
    });
    expect(() => outer()).toThrow(/nested transactions are not supported/);
    expect(names(db)).toEqual([]);
  });

  it('refuses an async function and rolls back what it wrote before its first await', () => {
    const { db } = fresh();
    const add = db.immediateTransaction(async () => {
      db.prepare<[string]>('INSERT INTO t (name) VALUES (?)').run('early');
    });
    expect(() => add()).toThrow(/must be synchronous/);
    expect(names(db)).toEqual([]);
  });
});

describe('what the process prints', () => {
  it('a process that opens the store, writes and exits prints nothing on stderr and exits 0', () => {
    const script = [
      "import { openSqliteStore } from './src/store/sqlite.ts';",
      // flushMs 1: each awaited question is still its own commit, without waiting 100 ms for each.
      `const store = openSqliteStore({ dataDir: ${JSON.stringify(join(tempDir(), 'data'))}, questionLog: { flushMs: 1 } });`,
      "await store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' });",
      "for (let i = 0; i < 200; i++) await store.logQuestion({ at: new Date(), platform: 'slack', question: 'q' + i, decision: 'answer', confidence: 1 });",
      'console.log((await store.questions({})).length);',
      'store.close();',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, signal: run.signal, stderr: run.stderr, stdout: run.stdout.trim() }).toEqual({ status: 0, signal: null, stderr: '', stdout: '200' });
  }, 60_000);

  it('loading node:sqlite drops only its own ExperimentalWarning (Node.js 22.13 to 24.14 emit one)', () => {
    const real = process.emitWarning;
    const passed: unknown[][] = [];
    const recorder = ((...args: unknown[]) => void passed.push(args)) as typeof process.emitWarning;
    process.emitWarning = recorder;
    try {
      const value = withoutSqliteExperimentalWarning(() => {
        process.emitWarning('SQLite is an experimental feature and might change at any time', 'ExperimentalWarning');
        process.emitWarning('SQLite is an experimental feature and might change at any time', { type: 'ExperimentalWarning' });
        process.emitWarning('WASI is an experimental feature and might change at any time', 'ExperimentalWarning');
        process.emitWarning('SQLite is an experimental feature and might change at any time', 'DeprecationWarning');
        return 42;
      });
      expect(value).toBe(42);
      expect(process.emitWarning).toBe(recorder);
    } finally {
      process.emitWarning = real;
    }
    expect(passed.map((args) => args.slice(0, 2))).toEqual([
      ['WASI is an experimental feature and might change at any time', 'ExperimentalWarning'],
      ['SQLite is an experimental feature and might change at any time', 'DeprecationWarning'],
    ]);
  });
});
