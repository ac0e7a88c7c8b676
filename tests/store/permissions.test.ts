import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';

const opened: SqliteStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const modeOf = (path: string): number => statSync(path).mode & 0o777;

describe('who can read the data folder', () => {
  it('creates the data folder 0700 and the database with its WAL and SHM files 0600, whatever the umask', async () => {
    const dir = join(tempDir(), 'data');
    const previous = process.umask(0o000);
    try {
      opened.push(openSqliteStore({ dataDir: dir, clock: fakeClock('2024-03-01T10:00:00Z') }));
    } finally {
      process.umask(previous);
    }
    const store = opened[0]!;
    await store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' });
    const file = join(dir, DB_FILE);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(existsSync(`${file}-shm`)).toBe(true);
    expect({ dir: modeOf(dir), db: modeOf(file), wal: modeOf(`${file}-wal`), shm: modeOf(`${file}-shm`) }).toEqual({ dir: 0o700, db: 0o600, wal: 0o600, shm: 0o600 });
  });

  it('tightens a database, WAL and SHM left readable by everyone by an older release', () => {
    const dir = tempDir();
    const file = join(dir, DB_FILE);
    openSqliteStore({ dataDir: dir }).close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(f, '', { flag: 'a' });
      chmodSync(f, 0o644);
    }
    opened.push(openSqliteStore({ dataDir: dir }));
    expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual([0o600, 0o600, 0o600]);
  });

  it('leaves the mode of a data folder that already existed alone', () => {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir, { mode: 0o750 });
    chmodSync(dir, 0o750);
    opened.push(openSqliteStore({ dataDir: dir }));
    expect(modeOf(dir)).toBe(0o750);
  });
});
