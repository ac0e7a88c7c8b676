/**
 * The pieces `npm start` puts together when Slack or Teams is configured, kept out of main.ts so
 * the entry point reads as the flow: open the store, build the core's conversation pipeline over
 * it, build the list of configured platform adapters on one HTTP server, start the digest
 * scheduler with each adapter's sink, stop everything in order on a signal. This and the CLI's
 * digest runner are the only places that name the platforms; everything after treats the list
 * alike. Start-up failures become ConfigErrors that name the variable to fix.
 */
import { configuredSubscriptions, createSlackApp, createSlackDigestSink, SLACK_PROFILE } from './adapters/slack/app.js';
import { createTeamsDigestSink, registerTeams, TEAMS_PROFILE } from './adapters/teams/app.js';
import type { Config, DatabaseConfig } from './config.js';
import type { Bot } from './core/bot.js';
import type { PlatformAdapter, PlatformProfile } from './core/conversation/adapter.js';
import { createPipeline, type Pipeline } from './core/conversation/pipeline.js';
import type { SubscribeDefaults } from './core/digest/commands.js';
import type { MessageSink, SinkFor } from './core/digest/sink.js';
import { BotError, ConfigError, NativeBindingError } from './core/errors.js';
import type { Clock, Logger } from './core/ports.js';
import type { NewSubscription, Store } from './core/store.js';
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

export interface AdapterDeps {
  readonly config: Config;
  /** The core bot. */
  readonly bot: Bot;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface Adapters {
  readonly adapters: readonly PlatformAdapter[];
  /** The digest sink of each configured platform. */
  readonly sinkFor: SinkFor;
  /** Channels the adapters' configuration subscribes. */
  readonly seeds: readonly NewSubscription[];
  stop(): Promise<void>;
}

/** The core's pipeline with every port backed by the store. */
export function storePipeline(deps: Omit<AdapterDeps, 'config'> & { readonly defaults: SubscribeDefaults }): Pipeline {
  const { store } = deps;
  return createPipeline({
    bot: deps.bot,
    clock: deps.clock,
    logger: deps.logger,
    deliveries: store,
    contexts: store,
    questions: store,
    feedback: store,
    digest: { store, defaults: deps.defaults },
  });
}

/** The configured platforms' adapters, on `server`: the one list every later step walks. */
export function configuredAdapters(deps: AdapterDeps, pipeline: Pipeline, server: HttpServer): PlatformAdapter[] {
  const { config, logger, store } = deps;
  const slack = config.slack ? createSlackApp({ pipeline, config: config.slack, logger, server, logLevel: config.logLevel, seeds: configuredSubscriptions(config.digest) }) : undefined;
  const teams = config.teams || config.teamsLocal ? registerTeams(server, { pipeline, config, logger, refs: store, answers: store }) : undefined;
  return [slack, teams].flatMap((a) => (a ? [a] : []));
}

/** Starts the configured adapters on one HTTP server (PORT); rejects with a coded error when one cannot start. */
export async function startAdapters(deps: AdapterDeps): Promise<Adapters> {
  const { config, logger } = deps;
  const server = createHttpServer(logger);
  registerReadiness(server, deps.store, logger);
  const adapters = configuredAdapters(deps, storePipeline({ ...deps, defaults: config.digest }), server);
  for (const adapter of adapters) await adapter.start();
  const host = adapters.some((a) => a.loopbackOnly) ? '127.0.0.1' : undefined;
  const modes = Object.fromEntries(adapters.map((a) => [a.platform, a.mode]));
  logger.info('http server listening', { port: await listen(server, config.port, host), host: host ?? 'all interfaces', ...modes });
  const sinks = new Map(adapters.map((a) => [a.platform, a.sink]));
  return {
    adapters,
    sinkFor: (platform) => sinks.get(platform),
    seeds: adapters.flatMap((a) => a.seeds),
    stop: async () => void (await Promise.allSettled([...adapters.map((a) => a.stop()), server.close()])),
  };
}

/** How each platform types commands, for text that names one outside its adapter (the digest CLI). */
export const PLATFORM_PROFILES: readonly PlatformProfile[] = [SLACK_PROFILE, TEAMS_PROFILE];

/**
 * The digest senders of `npm run digest -- run-due` (no HTTP server, no Bolt app): each configured
 * platform's sink with the same settings `npm start` uses.
 */
export function digestSinks(config: Config, store: Store, logger: Logger): { readonly sinks: ReadonlyMap<string, MessageSink> } {
  const slack = config.slack ? createSlackDigestSink(config.slack, logger, { logLevel: config.logLevel }) : undefined;
  const teams = createTeamsDigestSink(config, store, logger);
  const sinks = new Map<string, MessageSink>();
  if (slack) sinks.set(SLACK_PROFILE.platform, slack);
  if (teams) sinks.set(TEAMS_PROFILE.platform, teams);
  return { sinks };
}

/** The channels configuration subscribes (DIGEST_SLACK_CHANNELS). */
export function configuredSeeds(config: Pick<Config, 'digest'>): NewSubscription[] {
  return configuredSubscriptions(config.digest);
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
