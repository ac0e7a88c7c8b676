/**
 * Opening the store the configuration names, for `npm start` and the CLIs alike: PostgreSQL when
 * DATABASE_URL is set, otherwise SQLite in DATA_DIR. Apart from wiring.ts so that a CLI that only
 * reads the store (`npm run report`) does not load the Slack and Teams SDKs. A failure becomes a
 * ConfigError naming the variable to fix (the URL's password hidden).
 */
import type { Config, DatabaseConfig } from '../config.js';
import { BotError, ConfigError, NativeBindingError } from '../core/errors.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Store } from '../core/store.js';
import { openSqliteStore } from './sqlite.js';

/** Opens (creating and migrating) the SQLite store in DATA_DIR; a failure names DATA_DIR, or the unbuilt native binding. */
export function openStore(dataDir: string, clock: Clock, nativeBinding?: string, logger?: Logger): Store {
  try {
    return openSqliteStore({ dataDir, clock, ...(nativeBinding === undefined ? {} : { nativeBinding }), ...(logger ? { logger } : {}) });
  } catch (cause) {
    if (cause instanceof NativeBindingError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConfigError(`Cannot open the database in DATA_DIR=${dataDir} (${reason}); set DATA_DIR in .env to a writable folder (see .env.example)`, { cause });
  }
}

/** The store the configuration names: PostgreSQL when DATABASE_URL is set, otherwise SQLite in DATA_DIR. */
export async function openConfiguredStore(config: Pick<Config, 'dataDir' | 'database'>, clock: Clock, logger: Logger): Promise<Store> {
  return config.database ? openDatabaseStore(config.database, clock, logger) : openStore(config.dataDir, clock, undefined, logger);
}

/** Connects to and migrates the PostgreSQL database; a failure names DATABASE_URL (its password hidden). */
async function openDatabaseStore(database: DatabaseConfig, clock: Clock, logger: Logger): Promise<Store> {
  // pg is imported only when DATABASE_URL chooses it: a SQLite process never loads it.
  const [{ redactUrl }, { openPostgresStore }] = await Promise.all([import('./postgres/pool.js'), import('./postgres/store.js')]);
  const where = redactUrl(database.url);
  try {
    const store = await openPostgresStore({
      url: database.url,
      salt: database.pseudonymSalt,
      clock,
      logger,
      onIdleError: (error) => logger.warn('an idle PostgreSQL connection failed; the next query opens a new one', { error }),
    });
    logger.info('store opened', { store: 'postgresql', database: where, schemaVersion: store.schemaVersion });
    return store;
  } catch (cause) {
    if (cause instanceof BotError) throw cause; // a schema newer than this release says what to do itself
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConfigError(`Cannot open the PostgreSQL database in DATABASE_URL=${where} (${reason}); check DATABASE_URL in .env (see .env.example) and that the server accepts connections`, { cause });
  }
}
