// What only the PostgreSQL store has: versioned migrations under an advisory lock, a pool whose
// connections can drop, a salt from outside the database. Shared behaviour is in contract/.
import { randomBytes } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.js';
import { PG_MIGRATIONS, migratePostgres } from '../../src/store/postgres/migrations.js';
import { createPool } from '../../src/store/postgres/pool.js';
import { openPostgresStore, type PostgresStore } from '../../src/store/postgres/store.js';
import { describeWithPg, type TestSchema } from './pgServer.js';

const SALT = randomBytes(32).toString('hex');
const opened: Store[] = [];
const schemas: TestSchema[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()));
  await Promise.all(schemas.splice(0).map((s) => s.drop()));
});
const open = async (url: string, onIdleError?: (error: Error) => void): Promise<PostgresStore> => {
  const store = await openPostgresStore({ url, salt: SALT, ...(onIdleError ? { onIdleError } : {}) });
  opened.push(store);
  return store;
};

await describeWithPg('the PostgreSQL store', (admin) => {
  const schema = async (): Promise<TestSchema> => {
    const s = await admin.freshSchema();
    schemas.push(s);
    return s;
  };
  const count = async (s: TestSchema): Promise<number> => (await s.rows())['schema_migrations']?.length ?? 0;

  it('creates every table from empty and applies no migration twice when reopened', async () => {
    const s = await schema();
    expect((await open(s.url)).schemaVersion).toBe(PG_MIGRATIONS.at(-1)?.version);
    expect((await open(s.url)).schemaVersion).toBe(PG_MIGRATIONS.at(-1)?.version);
    expect(Object.keys(await s.rows())).toEqual(
      expect.arrayContaining(['answered_messages', 'conversation_contexts', 'conversation_refs', 'deliveries', 'digests', 'feedback', 'questions', 'rotations', 'schema_migrations', 'seeded_channels', 'subscriptions']),
    );
    expect(await count(s)).toBe(PG_MIGRATIONS.length);
  });

  it('lets several replicas start together on an empty database: one migrates, the others wait, none fails', async () => {
    const s = await schema();
    const stores = await Promise.all(Array.from({ length: 6 }, () => open(s.url)));
    expect(stores.map((x) => x.schemaVersion)).toEqual(Array(6).fill(PG_MIGRATIONS.at(-1)?.version));
    expect(await count(s)).toBe(PG_MIGRATIONS.length);
  });

  it('refuses a database written by a newer release, saying what to do', async () => {
    const s = await schema();
    await (await open(s.url)).close();
    await admin.query(`INSERT INTO ${s.name}.schema_migrations (version, name, applied_at) VALUES (99, 'future', now())`);
    await expect(openPostgresStore({ url: s.url, salt: SALT })).rejects.toThrow(/schema version 99.*upgrade eu-china-bot or point DATABASE_URL elsewhere/);
  });

  it('leaves the previous version whole when a migration fails', async () => {
    const s = await schema();
    const next = (PG_MIGRATIONS.at(-1)?.version ?? 0) + 1;
    const broken = [...PG_MIGRATIONS, { version: next, name: 'broken', sql: 'CREATE TABLE half (x integer); SELECT no_such_function()' }];
    const pool = createPool(s.url);
    try {
      await migratePostgres(pool, Date.now, PG_MIGRATIONS);
      await expect(migratePostgres(pool, Date.now, broken)).rejects.toThrow(/no_such_function/);
    } finally {
      await pool.end();
    }
    const rows = await s.rows();
    expect(rows['schema_migrations']?.map((r) => r['version'])).toEqual(PG_MIGRATIONS.map((m) => m.version));
    expect(rows).not.toHaveProperty('half');
  });

  it('keeps the salt out of the database', async () => {
    const s = await schema();
    const store = await open(s.url);
    await store.logQuestion({ at: new Date(), platform: 'slack', askerId: 'U1', question: 'q', decision: 'answer', confidence: 1 });
    await store.record({ platform: 'slack', userId: 'U1', entryId: 'e', helpful: true });
    expect(JSON.stringify(await s.rows())).not.toContain(SALT);
  });

  it('fails ping and every call with a coded error once its schema is gone, and after close', async () => {
    const s = await schema();
    const store = await open(s.url);
    await expect(store.ping()).resolves.toBeUndefined();
    await s.drop();
    await expect(store.ping()).rejects.toMatchObject({ code: 'store_unavailable', cause: expect.any(Error) });
    await expect(store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' })).rejects.toMatchObject({ code: 'store_unavailable' });
    await expect(store.subscriptions()).rejects.toMatchObject({ code: 'store_unavailable' });
    await store.close();
    await store.close();
    await expect(store.firstSeen('slack:Ev1')).rejects.toMatchObject({ code: 'store_unavailable' });
  });

  it('replaces a pooled connection the server closed, and says so', async () => {
    const s = await schema();
    const app = `eu-china-test-${randomBytes(4).toString('hex')}`;
    const errors: Error[] = [];
    const store = await open(`${s.url}&application_name=${app}`, (e) => errors.push(e));
    expect(await store.firstSeen('slack:Ev1')).toBe(true);
    const killed = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [app]);
    expect(killed.rowCount).toBeGreaterThan(0);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(await store.firstSeen('slack:Ev1')).toBe(false);
  });

});
