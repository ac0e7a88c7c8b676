/**
 * The pieces `npm start` puts together when Slack or Teams is configured, kept out of main.ts so
 * the entry point reads as the flow: open the store, start the adapters with their storage
 * dependencies (question log, feedback, digest commands), start the digest scheduler with each
 * adapter's sink, stop everything in order on a signal. Start-up failures become ConfigErrors
 * that name the variable to fix.
 */
import { createSlackApp, slackStorageDeps, type SlackApp } from './adapters/slack/app.js';
import { registerTeams, scrubStoredConversationRefs, TEAMS_LOCAL_WARNING, teamsStorageDeps, type TeamsAdapter, type TeamsStorageOptions } from './adapters/teams/app.js';
import type { Config, DatabaseConfig } from './config.js';
import type { Bot } from './core/bot.js';
import type { MessageSink, SinkFor } from './core/digest/sink.js';
import { BotError, ConfigError, NativeBindingError } from './core/errors.js';
import type { Clock, Logger } from './core/ports.js';
import type { Store } from './core/store.js';
import { createHttpServer, type HttpServer } from './server/http.js';
import { registerReadiness } from './server/readiness.js';
import { redactUrl } from './store/postgres/pool.js';
import { openPostgresStore } from './store/postgres/store.js';
import { openSqliteStore } from './store/sqlite.js';

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** True when Slack or Teams credentials (or TEAMS_LOCAL) are set; otherwise `npm start` is the local chat. */
export function hasPlatform(config: Config): boolean {
  return config.slack !== undefined || config.teams !== undefined || config.teamsLocal;
}

/** Opens (creating and migrating) the SQLite store in DATA_DIR; a failure names DATA_DIR, or the unbuilt native binding. */
export function openStore(dataDir: string, clock: Clock, nativeBinding?: string): Store {
  try {
    return openSqliteStore({ dataDir, clock, ...(nativeBinding === undefined ? {} : { nativeBinding }) });
  } catch (cause) {
    if (cause instanceof NativeBindingError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new ConfigError(`Cannot open the database in DATA_DIR=${dataDir} (${reason}); set DATA_DIR in .env to a writable folder (see .env.example)`, { cause });
  }
}

/** The store the configuration names: PostgreSQL when DATABASE_URL is set, otherwise SQLite in DATA_DIR. */
export async function openConfiguredStore(config: Pick<Config, 'dataDir' | 'database'>, clock: Clock, logger: Logger): Promise<Store> {
  return config.database ? openDatabaseStore(config.database, clock, logger) : openStore(config.dataDir, clock);
}

/** Connects to and migrates the PostgreSQL database; a failure names DATABASE_URL (its password hidden). */
async function openDatabaseStore(database: DatabaseConfig, clock: Clock, logger: Logger): Promise<Store> {
  const where = redactUrl(database.url);
  try {
    const store = await openPostgresStore({
      url: database.url,
      salt: database.pseudonymSalt,
      clock,
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

export interface AdapterDeps {
  readonly config: Config;
  /** The core bot, not yet wrapped by the question log. */
  readonly bot: Bot;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface Adapters {
  readonly slack?: SlackApp;
  readonly teams?: TeamsAdapter;
  /** The digest sink of each configured platform. */
  readonly sinkFor: SinkFor;
  stop(): Promise<void>;
}

/** Starts the configured adapters on one HTTP server (PORT); rejects with a coded error when one cannot start. */
export async function startAdapters(deps: AdapterDeps): Promise<Adapters> {
  const { config, logger } = deps;
  const storage = { bot: deps.bot, store: deps.store, clock: deps.clock, logger, defaults: config.digest };
  const server = createHttpServer(logger);
  registerReadiness(server, deps.store, logger);
  const slack = config.slack ? createSlackApp({ ...slackStorageDeps(storage), config: config.slack, logger, server, logLevel: config.logLevel }) : undefined;
  await slack?.start();
  const teams = await startTeams(server, deps, storage);
  // Unauthenticated Teams answers anyone who can reach the port: only this machine may.
  const host = teams?.mode === 'local' ? '127.0.0.1' : undefined;
  logger.info('http server listening', { port: await listen(server, config.port, host), host: host ?? 'all interfaces', slack: slack?.mode, teams: teams?.mode });
  const sinks: Readonly<Record<string, MessageSink | undefined>> = { slack: slack?.sink, teams: teams?.sink };
  return {
    ...(slack ? { slack } : {}),
    ...(teams ? { teams } : {}),
    sinkFor: (platform) => sinks[platform],
    stop: async () => void (await Promise.allSettled([slack?.stop(), teams?.stop(), server.close()])),
  };
}

async function startTeams(server: HttpServer, deps: AdapterDeps, storage: TeamsStorageOptions): Promise<TeamsAdapter | undefined> {
  const { config, logger } = deps;
  if (!config.teams && !config.teamsLocal) return undefined;
  const teams = registerTeams(server, { ...teamsStorageDeps(storage), config, logger });
  await scrubStoredConversationRefs(deps.store, logger); // rows older versions wrote with user details
  if (teams.mode === 'local') process.stderr.write(`${TEAMS_LOCAL_WARNING}\n`);
  return teams;
}

async function listen(server: HttpServer, port: number, host: string | undefined): Promise<number> {
  try {
    return await server.listen(port, host);
  } catch (cause) {
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : 'error';
    throw new ConfigError(`Cannot listen on PORT=${port} (${code}); stop the other process using it or set PORT in .env`, { cause });
  }
}

/** On SIGINT or SIGTERM: runs `stop` (scheduler first, store last), then exits 0. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info('shutting down', { signal });
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('shutdown failed', { signal, error });
          process.exit(1);
        },
      );
    });
  }
}
