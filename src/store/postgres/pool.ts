/**
 * The connection pool and the one way to run a transaction on it. A transaction needs one
 * connection from BEGIN to COMMIT, so `inTransaction` checks a client out, and on any failure
 * rolls back; a client that cannot roll back is handed back marked broken (the pool closes it
 * rather than give a connection in an unknown state to the next caller). The URL is never
 * printed as given: it holds the database password, so messages use `redactUrl`.
 */
import pg from 'pg';

/** What a statement runs on: the pool (one statement, its own transaction) or a transaction's client. */
export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/** Pool limits: a replica needs few connections (most work is one short statement). */
export interface PoolLimits {
  /** Connections at most (default 10). */
  readonly max?: number;
  /** How long to wait for a connection, in ms (default 5000). */
  readonly connectTimeoutMs?: number;
  /** How long one statement may run, in ms, lock waits included (default 15000). */
  readonly statementTimeoutMs?: number;
}

/** A pool on `url`; an idle connection that fails (server restart) is reported to `onIdleError` and replaced. */
export function createPool(url: string, limits: PoolLimits = {}, onIdleError: (error: Error) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: limits.max ?? 10,
    connectionTimeoutMillis: limits.connectTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    statement_timeout: limits.statementTimeoutMs ?? 15_000,
    application_name: 'eu-china-bot', // DATABASE_URL's own application_name=... wins
    keepAlive: true, // notice a server that vanished without closing the connection
  });
  // Without a listener an idle client's error (the server restarted) would crash the process;
  // the pool has already dropped that client, and the next query opens a new connection.
  pool.on('error', onIdleError);
  return pool;
}

/** Runs `work` between BEGIN and COMMIT on one connection; rolls back and rethrows on failure. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // A connection that cannot even roll back (it broke, or timed out) is dropped, not reused.
    const rolledBack = await client.query('ROLLBACK').then(() => true, () => false);
    client.release(rolledBack ? undefined : true);
    throw error;
  }
}

/** `url` with its password (in the authority or a `password=` parameter) replaced by `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    if (u.searchParams.has('password')) u.searchParams.set('password', '***');
    return u.toString();
  } catch {
    return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@').replace(/(password=)[^&]*/gi, '$1***');
  }
}
