// What only the SQLite store has: a file in DATA_DIR, WAL mode, a salt file beside it. The
// behaviour every store shares is in contract/ (run by contract.sqlite.test.ts).
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { SALT_FILE } from '../../src/store/salt.js';
import { openSqlite } from '../../src/store/sqliteDriver.js';
import { fakeClock, tempDir, tempStore } from '../core/digest/fakes.js';

const opened: { close(): void }[] = [];
const track = <T extends { close(): void }>(s: T): T => (opened.push(s), s);
afterEach(() => opened.splice(0).forEach((s) => s.close()));

describe('opening the store', () => {
  it('creates DATA_DIR, the database in WAL mode and every migration, from empty', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const store = track(openSqliteStore({ dataDir: dir }));
    expect(store.schemaVersion).toBe(MIGRATIONS.at(-1)?.version);
    const db = openSqlite(join(dir, DB_FILE), { readonly: true });
    const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['conversation_refs', 'digests', 'feedback', 'questions', 'rotations', 'schema_migrations', 'subscriptions']));
    expect(db.pragma('journal_mode')).toBe('wal');
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
    db.close();
  });

  it('applies no migration twice when reopened', () => {
    const dir = tempDir();
    openSqliteStore({ dataDir: dir }).close();
    const again = track(openSqliteStore({ dataDir: dir }));
    expect(again.schemaVersion).toBe(MIGRATIONS.length);
    const db = track(openSqlite(join(dir, DB_FILE), { readonly: true }));
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({ n: MIGRATIONS.length });
  });

  it('refuses a database written by a newer release, saying what to do', () => {
    const dir = tempDir();
    openSqliteStore({ dataDir: dir }).close();
    const db = openSqlite(join(dir, DB_FILE));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)").run();
    db.close();
    expect(() => openSqliteStore({ dataDir: dir })).toThrow(/schema version 99.*upgrade eu-china-bot/);
  });

  it('creates one private salt file and keeps using it', () => {
    const dir = tempDir();
    const first = openSqliteStore({ dataDir: dir });
    first.close();
    const salt = readFileSync(join(dir, SALT_FILE), 'utf8');
    expect(salt.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, SALT_FILE)).mode & 0o777).toBe(0o600);
    track(openSqliteStore({ dataDir: dir }));
    expect(readFileSync(join(dir, SALT_FILE), 'utf8')).toBe(salt);
  });
});

describe('what the database file holds', () => {
  it('never holds an asker\'s raw id, in the file or its WAL', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = track(tempStore(clock));
    await store.logQuestion({ at: clock.now(), platform: 'slack', channel: 'slack:C1', askerId: 'U0SECRETID', question: 'who wrote it', decision: 'answer', confidence: 0.9 });
    await store.record({ platform: 'slack', userId: 'U0SECRETID', entryId: 'paper-author', helpful: true });
    const files = [store.file, `${store.file}-wal`].map((f) => readFileSync(f));
    expect(files[1]?.length).toBeGreaterThan(0);
    expect(files.some((f) => f.includes('U0SECRETID'))).toBe(false);
    store.close();
    opened.pop();
    expect(readFileSync(join(store.dataDir, DB_FILE)).includes('U0SECRETID')).toBe(false);
  });
});
