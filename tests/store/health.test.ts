import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';

const opened: SqliteStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));
const open = (dataDir: string): SqliteStore => {
  const store = openSqliteStore({ dataDir, clock: fakeClock('2024-03-01T10:00:00Z') });
  opened.push(store);
  return store;
};

/** What an operator's `rm` (or a cleaner, or a restore) does while the bot runs. */
const deleteDatabase = (store: SqliteStore): void => {
  for (const f of [store.file, `${store.file}-wal`, `${store.file}-shm`]) rmSync(f, { force: true });
};

const sub = { platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' };

describe('a store whose database file was deleted', () => {
  it('refuses a subscription with a coded error instead of confirming what a restart would lose', async () => {
    const dir = tempDir();
    const store = open(dir);
    deleteDatabase(store);
    await expect(store.subscribe(sub)).rejects.toMatchObject({ code: 'store_unavailable', message: expect.stringMatching(/database file .* (is gone|was replaced)/) });
    await expect(store.unsubscribe('slack:C1')).rejects.toMatchObject({ code: 'store_unavailable' });
    store.close();
    opened.pop();
    expect(await open(dir).subscription('slack:C1')).toBeUndefined();
  });

  it('answers ping while the file is there, and fails it once the file is gone', async () => {
    const store = open(tempDir());
    await expect(store.ping()).resolves.toBeUndefined();
    deleteDatabase(store);
    await expect(store.ping()).rejects.toMatchObject({ code: 'store_unavailable' });
  });
});
