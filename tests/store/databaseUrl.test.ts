/**
 * Choosing the store by configuration: SQLite in DATA_DIR with nothing set, PostgreSQL with
 * DATABASE_URL (which then needs PSEUDONYM_SALT). No message ever holds the database password.
 * The last block needs a PostgreSQL server (see pgServer.ts) and is skipped without one.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/core/errors.js';
import type { Store } from '../../src/core/store.js';
import { redactUrl } from '../../src/store/postgres/pool.js';
import { openConfiguredStore, SYSTEM_CLOCK } from '../../src/wiring.js';
import { recordingLogger, tempDir } from '../core/digest/fakes.js';
import { describeWithPg, type TestSchema } from './pgServer.js';

const SALT = 'a'.repeat(64);
const configError = (env: Record<string, string>): ConfigError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });

describe('choosing the store', () => {
  it('uses SQLite in DATA_DIR when DATABASE_URL is not set, with no other setting needed', async () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '' });
    expect(config.database).toBeUndefined();
    const store = await openConfiguredStore(config, SYSTEM_CLOCK, recordingLogger());
    expect('file' in store && String(store.file).startsWith(dataDir)).toBe(true);
    await store.close();
  });

  it('reads DATABASE_URL (postgres:// or postgresql://) and PSEUDONYM_SALT', () => {
    for (const url of ['postgres://bot:pw@db:5432/bot', 'postgresql://bot@db/bot?sslmode=require']) {
      expect(loadConfig({ DATABASE_URL: url, PSEUDONYM_SALT: SALT }).database).toEqual({ url, pseudonymSalt: SALT });
    }
  });

  it('refuses DATABASE_URL without PSEUDONYM_SALT, naming the variable and .env.example', () => {
    const error = configError({ DATABASE_URL: 'postgres://bot:pw@db/bot' });
    expect(error.message).toMatch(/^PSEUDONYM_SALT is required when DATABASE_URL is set/);
    expect(error.message).toContain('.env.example');
    expect(error.message).toContain('openssl rand -hex 32');
  });

  it('refuses a salt too short to be a secret, and a salt without DATABASE_URL', () => {
    expect(configError({ DATABASE_URL: 'postgres://db/bot', PSEUDONYM_SALT: 'short' }).message).toMatch(/^PSEUDONYM_SALT is too short/);
    expect(configError({ PSEUDONYM_SALT: SALT }).message).toMatch(/^PSEUDONYM_SALT is only used with DATABASE_URL/);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL without repeating it (it holds the password)', () => {
    for (const url of ['mysql://bot:s3cret-pw@db/bot', 'postgres:/bot:s3cret-pw', 'db.example:5432']) {
      const error = configError({ DATABASE_URL: url, PSEUDONYM_SALT: SALT });
      expect(error.message).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
      expect(error.message).not.toContain('s3cret-pw');
    }
  });
});

describe('a PostgreSQL server that does not answer at start-up', () => {
  it('stops start-up with a ConfigError naming DATABASE_URL, the password hidden', async () => {
    const url = `postgres://bot:s3cret-pw@127.0.0.1:${await closedPort()}/bot`;
    const config = loadConfig({ DATABASE_URL: url, PSEUDONYM_SALT: SALT });
    const error: unknown = await openConfiguredStore(config, SYSTEM_CLOCK, recordingLogger()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/^Cannot open the PostgreSQL database in DATABASE_URL=postgres:\/\/bot:\*\*\*@127\.0\.0\.1:\d+\/bot \(.*ECONNREFUSED/);
    expect(message).not.toContain('s3cret-pw');
  });
});

describe('redactUrl', () => {
  it('hides the password wherever a URL carries it, and leaves the rest', () => {
    expect(redactUrl('postgres://bot:s3cret@db:5432/bot?sslmode=require')).toBe('postgres://bot:***@db:5432/bot?sslmode=require');
    expect(redactUrl('postgresql://bot@db/bot?password=s3cret&sslmode=require')).toBe('postgresql://bot@db/bot?password=***&sslmode=require');
    expect(redactUrl('postgres://bot@db/bot')).toBe('postgres://bot@db/bot');
    expect(redactUrl('postgres://bot:s3cret@[bad/bot')).not.toContain('s3cret');
  });
});

await describeWithPg('DATABASE_URL on a real server', (admin, serverUrl) => {
  const schemas: TestSchema[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await Promise.all(schemas.splice(0).map((s) => s.drop()));
  });
  const schema = async (): Promise<TestSchema> => {
    const s = await admin.freshSchema();
    schemas.push(s);
    return s;
  };

  it('is what npm start opens when DATABASE_URL is set, logging where without the password', async () => {
    const s = await schema();
    const url = new URL(s.url);
    url.password = 's3cret-pw'; // the test server trusts loopback, so any password is accepted
    const logger = recordingLogger();
    const store = await openConfiguredStore(loadConfig({ DATABASE_URL: url.toString(), PSEUDONYM_SALT: SALT }), SYSTEM_CLOCK, logger);
    stores.push(store);
    await store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'UTC' });
    expect((await s.rows())['subscriptions']).toHaveLength(1);
    const line = logger.lines.find((l) => l.message === 'store opened');
    expect(line?.fields).toMatchObject({ store: 'postgresql', database: expect.stringContaining(':***@') });
    expect(JSON.stringify(logger.lines)).not.toContain('s3cret-pw');
  });

  it('stops start-up with a ConfigError naming DATABASE_URL when the database does not exist', async () => {
    const url = new URL(serverUrl);
    url.pathname = `/no_such_db_${randomBytes(4).toString('hex')}`;
    url.password = 's3cret-pw';
    const error: unknown = await openConfiguredStore(loadConfig({ DATABASE_URL: url.toString(), PSEUDONYM_SALT: SALT }), SYSTEM_CLOCK, recordingLogger()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = error instanceof Error ? error.message : '';
    expect(message).toMatch(/^Cannot open the PostgreSQL database in DATABASE_URL=postgres(ql)?:\/\/[^:/]+:\*\*\*@.*does not exist/);
    expect(message).not.toContain('s3cret-pw');
  });
});
