import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';

const opened: SqliteStore[] = [];
const open = (dataDir: string, clock = fakeClock('2024-03-01T10:00:00Z'), deliveryTtlMs?: number): SqliteStore => {
  const store = openSqliteStore({ dataDir, clock, ...(deliveryTtlMs === undefined ? {} : { deliveryTtlMs }) });
  opened.push(store);
  return store;
};
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const rows = (dir: string): string[] => {
  const db = new Database(join(dir, DB_FILE), { readonly: true });
  try {
    return db.prepare<[], { key: string }>('SELECT key FROM deliveries ORDER BY key').all().map((r) => r.key);
  } finally {
    db.close();
  }
};

describe('the delivery log', () => {
  it('says a delivery id is new the first time only, also after the store was closed and opened again', async () => {
    const dir = tempDir();
    const first = open(dir);
    expect(await first.firstSeen('slack:Ev1')).toBe(true);
    expect(await first.firstSeen('slack:Ev1')).toBe(false);
    expect(await first.firstSeen('teams:message|19:a|1')).toBe(true);
    first.close();
    opened.pop();
    const reopened = open(dir);
    expect(await reopened.firstSeen('slack:Ev1')).toBe(false);
    expect(await reopened.firstSeen('teams:message|19:a|1')).toBe(false);
    expect(await reopened.firstSeen('slack:Ev2')).toBe(true);
  });

  it('keeps a hash of each key, not the conversation id it contains', async () => {
    const dir = tempDir();
    await open(dir).firstSeen('teams:message|a:1personal-chat-of-someone|1');
    expect(rows(dir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
  });

  it('lets exactly one of two stores sharing the file see an id first', async () => {
    const dir = tempDir();
    const [a, b] = [open(dir), open(dir)];
    const results = await Promise.all([a.firstSeen('slack:Ev1'), b.firstSeen('slack:Ev1')]);
    expect(results.sort()).toEqual([false, true]);
  });

  it('remembers an id for two hours by default, longer than Slack and Teams retry', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const store = open(tempDir(), clock);
    await store.firstSeen('slack:Ev1');
    clock.advance(2 * 3_600_000 - 1);
    expect(await store.firstSeen('slack:Ev1')).toBe(false);
  });

  it('treats an id as new once its expiry has passed, and deletes expired ids as it goes', async () => {
    const clock = fakeClock('2024-03-01T10:00:00Z');
    const dir = tempDir();
    const store = open(dir, clock, 60_000);
    await store.firstSeen('old');
    clock.advance(60_000);
    expect(await store.firstSeen('old')).toBe(true);
    await store.firstSeen('older');
    clock.advance(10 * 60_000);
    await store.firstSeen('fresh');
    expect(rows(dir)).toHaveLength(1);
    expect(await store.firstSeen('fresh')).toBe(false);
  });
});
