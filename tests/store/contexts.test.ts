import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';

const opened: SqliteStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
const open = (dataDir: string, clock = fakeClock('2024-03-01T10:00:00Z')): SqliteStore => {
  const store = openSqliteStore({ dataDir, clock });
  opened.push(store);
  return store;
};

describe('conversation contexts in the store', () => {
  it('keeps a conversation context across a restart, and another process sees it', async () => {
    const dir = tempDir();
    const context = { entryId: 'trade-value-2023', suggestions: [], at: '2024-03-01T10:00:00.000Z' };
    await open(dir).saveContext('slack:C1:1712.1', context);
    expect(await open(dir).context('slack:C1:1712.1')).toEqual(context);
    expect(await open(dir).context('slack:C1:other')).toBeUndefined();
  });

  it('forgets a context after 30 minutes', async () => {
    const dir = tempDir();
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = open(dir, clock);
    await store.saveContext('teams:19:a', { suggestions: ['paper-author'], at: clock.now().toISOString() });
    clock.advance(29 * 60_000);
    expect(await store.context('teams:19:a')).toBeDefined();
    clock.advance(2 * 60_000);
    expect(await store.context('teams:19:a')).toBeUndefined();
  });

  it('stores conversation keys only as hashes', async () => {
    const dir = tempDir();
    await open(dir).saveContext('slack:D0PRIVATE:1', { suggestions: [], at: '2024-03-01T10:00:00.000Z' });
    const db = new Database(join(dir, DB_FILE), { readonly: true });
    const keys = db.prepare<[], { key: string }>('SELECT key FROM conversation_contexts').all().map((r) => r.key);
    db.close();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
  });
});
