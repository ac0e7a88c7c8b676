/**
 * The Slack adapter's wiring: one Bolt `App`, in Socket Mode when an app-level token is set
 * (no public URL needed), otherwise in HTTP mode on the shared server's `POST /slack/events`.
 * Listeners are registered per Slack surface (listeners.ts, actions.ts), each handing the core's
 * `Surface` plain inbound data; the core's delivery dedupe runs before all of them on the
 * `event_id`, and `app.error` logs whatever escapes a listener, so no Slack failure can crash the
 * process. The same app's Web API client posts the daily digest (`sink`). This is the Slack
 * `PlatformAdapter` the wiring lists.
 */
import { App, SocketModeReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { PlatformAdapter } from '../../core/conversation/adapter.js';
import type { Pipeline, Surface } from '../../core/conversation/pipeline.js';
import { ConfigError, DeliveryError } from '../../core/errors.js';
import type { Clock, Logger } from '../../core/ports.js';
import type { NewSubscription } from '../../core/store.js';
import type { HttpServer } from '../../server/http.js';
import { SLACK_PROFILE } from '../profiles.js';
import { registerActions } from './actions.js';
import { boltLevel, toBoltLogger } from './boltLogger.js';
import { clientOptions, type SlackConfig } from './client.js';
import { slackErrorCode } from './deliver.js';
import { SlackDigestSink } from './digestSink.js';
import { SLACK } from './inbound.js';
import { registerListeners } from './listeners.js';
import { createLocaleLookup } from './locale.js';
import { EVENTS_PATH, SharedServerReceiver } from './receiver.js';

export { configuredSubscriptions, slackChannelKey } from './inbound.js';
export { DEFAULT_RETRY, type SlackConfig } from './client.js';
export { createSlackDigestSink, SlackDigestSink } from './digestSink.js';

export { SLACK_PROFILE };

/** Slack errors meaning "this token is wrong", as opposed to "Slack could not be reached". */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type']);

export interface SlackAppDeps {
  /** The core's conversation pipeline (commands, dedupe, follow-ups, logs, digest commands). */
  readonly pipeline: Pipeline;
  readonly config: SlackConfig;
  readonly logger: Logger;
  /** Channels the configuration subscribes (DIGEST_SLACK_CHANNELS, see configuredSubscriptions). */
  readonly seeds?: readonly NewSubscription[];
  /** The shared HTTP server; required in HTTP mode. */
  readonly server?: HttpServer;
  /** Level Bolt is told it runs at (the project logger filters anyway). */
  readonly logLevel?: string;
  /** Web API retry policy (tests use a fast one). */
  readonly retry?: webApi.RetryOptions;
  /** Time for signature checks. */
  readonly clock?: Clock;
}

export interface SlackApp extends PlatformAdapter {
  readonly mode: 'socket' | 'http';
  /** Posts digests with this app's Web API client. */
  readonly sink: SlackDigestSink;
  /** Checks the bot token (auth.test), then starts receiving. Throws a coded error on failure. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Builds the Slack app; nothing is received until `start`. */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const { config, logger } = deps;
  const mode = config.appToken ? 'socket' : 'http';
  const boltLogger = toBoltLogger(logger, boltLevel(deps.logLevel ?? 'info'));
  const options = clientOptions(config, deps.retry);
  const receiver = createReceiver(deps, boltLogger, options);
  // convoStore: false: the bot keeps no conversation state, so Bolt's per-event store lookup is waste.
  const app = new App({ token: config.botToken, receiver, logger: boltLogger, clientOptions: options, deferInitialization: true, convoStore: false });
  const surface = deps.pipeline.surface(SLACK_PROFILE);
  useDedupe(app, logger, surface);
  registerListeners(app, { surface, logger, locale: createLocaleLookup(logger) });
  registerActions(app, { surface, logger });
  app.error(async (error) => logger.error('slack listener failed', { error, slackError: slackErrorCode(error) }));
  return {
    ...SLACK_PROFILE,
    seeds: deps.seeds ?? [],
    loopbackOnly: false,
    mode,
    sink: new SlackDigestSink(app.client),
    start: async () => {
      await initialize(app, config);
      await startReceiving(app, mode);
      logger.info('slack app started', { mode, ...(mode === 'http' ? { path: EVENTS_PATH } : {}) });
    },
    stop: async () => {
      await app.stop();
    },
  };
}

function createReceiver(deps: SlackAppDeps, boltLogger: ReturnType<typeof toBoltLogger>, clientOptions: webApi.WebClientOptions): Receiver {
  const { config } = deps;
  if (config.appToken) {
    return new SocketModeReceiver({ appToken: config.appToken, logger: boltLogger, installerOptions: { clientOptions } });
  }
  if (!config.signingSecret) {
    throw new ConfigError('SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode); set it in .env, see .env.example');
  }
  if (!deps.server) throw new ConfigError('Slack HTTP mode needs the shared HTTP server; pass `server` to createSlackApp');
  return new SharedServerReceiver({
    server: deps.server,
    signingSecret: config.signingSecret,
    logger: deps.logger,
    boltLogger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
}

/**
 * Answers each Events API delivery once, through the core's dedupe: a redelivery (same
 * `event_id`, which a retry may send without X-Slack-Retry-Num) stops here, before any listener,
 * also after a restart (the store keeps the ids).
 */
function useDedupe(app: App, logger: Logger, surface: Surface): void {
  app.use(async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !(await surface.firstDelivery(`${SLACK}:event:${eventId}`))) {
      logger.info('slack duplicate event ignored', { eventId, retryNum: context.retryNum, retryReason: context.retryReason });
      return;
    }
    await next();
  });
}

/** Starts the receiver; in Socket Mode a refused app-level token stops start-up naming SLACK_APP_TOKEN. */
async function startReceiving(app: App, mode: SlackApp['mode']): Promise<void> {
  try {
    await app.start();
  } catch (cause) {
    if (mode === 'http') throw cause;
    const code = slackErrorCode(cause);
    if (code && REFUSED_TOKEN.has(code)) {
      throw new ConfigError(`SLACK_APP_TOKEN was refused by Slack (${code}); create an app-level token (xapp-...) with the connections:write scope under "Basic Information" > "App-Level Tokens"`, { cause });
    }
    throw new DeliveryError(`Could not open the Socket Mode connection to Slack (${code ?? 'network error'})`, { cause });
  }
}

/** `auth.test` once at start: a wrong token stops start-up with a message naming the variable. */
async function initialize(app: App, config: SlackConfig): Promise<void> {
  try {
    await app.init();
  } catch (cause) {
    const code = slackErrorCode(cause);
    if (code && REFUSED_TOKEN.has(code)) {
      throw new ConfigError(`SLACK_BOT_TOKEN was refused by Slack (${code}); copy the Bot User OAuth Token (xoxb-...) from the app's "OAuth & Permissions" page into .env`, { cause });
    }
    throw new DeliveryError(`Could not reach the Slack Web API at ${config.apiUrl ?? 'https://slack.com/api/'} (${code ?? 'network error'})`, { cause });
  }
}
