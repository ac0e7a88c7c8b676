/**
 * The pieces `npm start` puts together when Slack or Teams is configured, kept out of main.ts so
 * the entry point reads as the flow: open the store, build the core's conversation pipeline over
 * it, build the list of configured platform adapters on one HTTP server, start the digest
 * scheduler with each adapter's sink, stop everything in order on a signal. This and the CLI's
 * digest runner are the only places that name the platforms; everything after treats the list
 * alike. An adapter is imported (with its SDK: @slack/bolt, botbuilder) only when its platform
 * is configured, so a Slack-only process never loads botbuilder nor a Teams-only one Bolt.
 * Start-up failures become ConfigErrors that name the variable to fix.
 */
import { PLATFORM_PROFILES, SLACK_PROFILE, TEAMS_PROFILE } from './adapters/profiles.js';
import { configuredSubscriptions } from './adapters/slack/inbound.js';
import type { Config } from './config.js';
import type { Bot } from './core/bot.js';
import type { PlatformAdapter } from './core/conversation/adapter.js';
import { createPipeline, type Pipeline } from './core/conversation/pipeline.js';
import type { SubscribeDefaults } from './core/digest/commands.js';
import type { MessageSink, SinkFor } from './core/digest/sink.js';
import { ConfigError } from './core/errors.js';
import type { Metrics } from './core/metrics.js';
import type { Clock, Logger } from './core/ports.js';
import type { NewSubscription, Store } from './core/store.js';
import { createHttpServer, type HttpServer } from './server/http.js';
import { createPrometheusMetrics, registerMetrics } from './server/metrics.js';
import { registerReadiness } from './server/readiness.js';

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** True when Slack or Teams credentials (or TEAMS_LOCAL) are set; otherwise `npm start` is the local chat. */
export function hasPlatform(config: Config): boolean {
  return config.slack !== undefined || config.teams !== undefined || config.teamsLocal;
}

// Opening the store lives in store/open.ts, so the CLIs can open it without loading the platform SDKs.
export { openConfiguredStore, openStore } from './store/open.js';

export interface AdapterDeps {
  readonly config: Config;
  /** The core bot. */
  readonly bot: Bot;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Where the pipeline and the adapters count; `startAdapters` makes the Prometheus one served on /metrics when absent. */
  readonly metrics?: Metrics;
}

export interface Adapters {
  readonly adapters: readonly PlatformAdapter[];
  /** The digest sink of each configured platform. */
  readonly sinkFor: SinkFor;
  /** Channels the adapters' configuration subscribes. */
  readonly seeds: readonly NewSubscription[];
  /** What the pipeline and adapters count through (served on /metrics); give it to the digest scheduler too. */
  readonly metrics: Metrics;
  /** Stops accepting requests, lets those in flight (and acknowledged Slack events and Teams messages) be answered, then stops the adapters. */
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
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
  });
}

/** The configured platforms' adapters, on `server`: the one list every later step walks. Each adapter (and its SDK) is imported only when configured. */
export async function configuredAdapters(deps: AdapterDeps, pipeline: Pipeline, server: HttpServer): Promise<PlatformAdapter[]> {
  const { config, logger, store } = deps;
  const adapters: PlatformAdapter[] = [];
  if (config.slack) {
    const { createSlackApp } = await import('./adapters/slack/app.js');
    adapters.push(createSlackApp({ pipeline, config: config.slack, logger, server, logLevel: config.logLevel, seeds: configuredSubscriptions(config.digest) }));
  }
  if (config.teams || config.teamsLocal) {
    const { registerTeams } = await import('./adapters/teams/app.js');
    adapters.push(registerTeams(server, { pipeline, config, logger, refs: store, answers: store }));
  }
  return adapters;
}

/** Starts the configured adapters on one HTTP server (PORT), with /healthz, /readyz and /metrics; rejects with a coded error when one cannot start. */
export async function startAdapters(deps: AdapterDeps): Promise<Adapters> {
  const { config, logger } = deps;
  const server = createHttpServer(logger);
  registerReadiness(server, deps.store, logger, deps.bot.knowledge);
  const metrics = deps.metrics ?? served(server, logger);
  const adapters = await configuredAdapters(deps, storePipeline({ ...deps, metrics, defaults: config.digest }), server);
  for (const adapter of adapters) await adapter.start();
  const host = adapters.some((a) => a.loopbackOnly) ? '127.0.0.1' : undefined;
  const modes = Object.fromEntries(adapters.map((a) => [a.platform, a.mode]));
  logger.info('http server listening', { port: await listen(server, config.port, host), host: host ?? 'all interfaces', ...modes });
  const sinks = new Map(adapters.map((a) => [a.platform, a.sink]));
  return {
    adapters,
    sinkFor: (platform) => sinks.get(platform),
    seeds: adapters.flatMap((a) => a.seeds),
    metrics,
    // The port closes first; each adapter then finishes what it took in (Slack's acknowledged events, Teams' acknowledged messages), and the server its requests in flight.
    stop: async () => void (await Promise.allSettled([server.close(), ...adapters.map((a) => a.stop())])),
  };
}

/** A Prometheus registry served on `server`'s /metrics; its port for the pipeline. */
function served(server: HttpServer, logger: Logger): Metrics {
  const prometheus = createPrometheusMetrics();
  registerMetrics(server, prometheus.registry, logger);
  return prometheus.metrics;
}

/** How each platform types commands, for text that names one outside its adapter (the digest CLI). */
export { PLATFORM_PROFILES };

/**
 * The digest senders of `npm run digest -- run-due` (no HTTP server, no Bolt app): each configured
 * platform's sink with the same settings `npm start` uses, its adapter imported only when configured.
 */
export async function digestSinks(config: Config, store: Store, logger: Logger): Promise<{ readonly sinks: ReadonlyMap<string, MessageSink> }> {
  const slack = config.slack ? (await import('./adapters/slack/app.js')).createSlackDigestSink(config.slack, logger, { logLevel: config.logLevel }) : undefined;
  const teams = config.teams || config.teamsLocal ? (await import('./adapters/teams/app.js')).createTeamsDigestSink(config, store, logger) : undefined;
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

/** How long a shutdown may take before the process gives up on it and exits 1 (inside Kubernetes' default 30 s grace). */
export const SHUTDOWN_DEADLINE_MS = 25_000;

/** On SIGINT or SIGTERM: runs `stop` (requests and the digest, then the store), then exits 0; 1 if it fails or overruns; a second signal exits 1 at once. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>, deadlineMs: number = SHUTDOWN_DEADLINE_MS): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn('second signal during shutdown; exiting now', { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => {
      logger.error('shutdown did not finish in time; exiting', { signal, deadlineMs });
      process.exit(1);
    }, deadlineMs).unref();
    stop().then(
      () => {
        logger.info('stopped', { signal });
        process.exit(0);
      },
      (error: unknown) => {
        logger.error('shutdown failed', { signal, error });
        process.exit(1);
      },
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, onSignal);
}
