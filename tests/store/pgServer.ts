/**
 * The PostgreSQL server the store tests run against: PG_TEST_URL, or a server on
 * 127.0.0.1:5432 when it is unset. When none answers, the PostgreSQL tests are skipped with one
 * line saying how to run them (printed once per run, whichever test file gets here first), or
 * fail when REQUIRE_PG=1 (CI, which starts its own server in .ci/run). Each test gets its own
 * schema, created empty and dropped afterwards, so test files can run in parallel on one server.
 */
import { randomBytes } from 'node:crypto';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { redactUrl } from '../../src/store/postgres/pool.js';
import { TMP_ROOT_VARIABLE } from '../helpers/tmpRoot.js';

export const DEFAULT_PG_TEST_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const HOW = 'set PG_TEST_URL=postgres://USER@HOST:PORT/DATABASE or start a server on 127.0.0.1:5432 (`source .ci/postgres.sh && pg_start` starts a throwaway one)';

export type PgServer = { readonly url: string } | { readonly missing: string };

/** Probes the server once; `missing` says why there is none. */
export async function findPgServer(env: NodeJS.ProcessEnv = process.env): Promise<PgServer> {
  const url = env['PG_TEST_URL'] || DEFAULT_PG_TEST_URL;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { url };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { missing: `no PostgreSQL server answers at ${redactUrl(url)} (${reason})` };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether PostgreSQL tests must fail rather than skip when there is no server. */
export const pgRequired = (env: NodeJS.ProcessEnv = process.env): boolean => env['REQUIRE_PG'] === '1';

/** The one line a run prints when it skips the PostgreSQL tests (once per run). */
export function reportSkipOnce(missing: string): void {
  const root = process.env[TMP_ROOT_VARIABLE];
  if (root !== undefined) {
    try {
      closeSync(openSync(join(root, 'pg-skip-reported'), 'wx'));
    } catch {
      return; // another test file of this run said it already
    }
  }
  process.stderr.write(`PostgreSQL tests skipped: ${HOW} [${missing}]\n`);
}

/** The message of the test that fails when REQUIRE_PG=1 and there is no server. */
export const requiredMessage = (missing: string): string => `REQUIRE_PG=1 but ${missing}; ${HOW}`;

/**
 * Registers `tests(admin)` under `name` when a server answers; otherwise one failing test
 * (REQUIRE_PG=1) or a skipped block and the run's one skip line.
 */
export async function describeWithPg(name: string, tests: (admin: PgAdmin, url: string) => void): Promise<void> {
  const server = await findPgServer();
  if ('url' in server) {
    const admin = pgAdmin(server.url);
    afterAll(() => admin.end());
    describe(name, () => tests(admin, server.url));
  } else if (pgRequired()) {
    describe(name, () => it('has a PostgreSQL server to run against', () => { throw new Error(requiredMessage(server.missing)); }));
  } else {
    reportSkipOnce(server.missing);
    describe.skip(`${name} (no PostgreSQL server)`, () => it('runs against PostgreSQL', () => {}));
  }
}

/** `url` with its search_path set to `schema` (libpq's `options` parameter). */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

/** A test schema: its name, a URL whose search_path is it, and every table's rows. */
export interface TestSchema {
  readonly name: string;
  readonly url: string;
  rows(): Promise<Record<string, Record<string, unknown>[]>>;
  drop(): Promise<void>;
}

export interface PgAdmin {
  freshSchema(): Promise<TestSchema>;
  readonly query: pg.Pool['query'];
  end(): Promise<void>;
}

/** A small pool for setting up and looking into test schemas; `end` it after the file's tests. */
export function pgAdmin(url: string): PgAdmin {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const rows = async (schema: string): Promise<Record<string, Record<string, unknown>[]>> => {
    const tables = await pool.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema]);
    const all: Record<string, Record<string, unknown>[]> = {};
    for (const { name } of tables.rows) all[name] = (await pool.query(`SELECT * FROM ${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(name)}`)).rows;
    return all;
  };
  return {
    freshSchema: async () => {
      const name = `eu_china_test_${process.pid}_${randomBytes(6).toString('hex')}`;
      await pool.query(`CREATE SCHEMA ${name}`);
      return { name, url: urlWithSchema(url, name), rows: () => rows(name), drop: async () => void (await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`)) };
    },
    query: pool.query.bind(pool),
    end: () => pool.end(),
  };
}
