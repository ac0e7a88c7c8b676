/**
 * The Slack adapter's wiring: one Bolt `App`, in Socket Mode when an app-level token is set
 * (no public URL needed), otherwise in HTTP mode on the shared server's `POST /slack/events`.
 * Listeners are registered per Slack surface (assistant threads, messages, command, buttons,
 * message shortcut, Home); an `event_id` dedupe runs before all of them, and `app.error` logs whatever escapes a listener, so no Slack
 * failure can crash the process. The same app's Web API client posts the daily digest (`sink`).
 */
import { App, SocketModeReceiver, type Receiver, type webApi } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { Conversations } from '../../core/conversation/conversations.js';
import type { DigestCommands } from '../../core/digest/commands.js';
import { isFirstDelivery, memoryDeliveryLog } from '../../core/deliveryLog.js';
import { ConfigError, DeliveryError } from '../../core/errors.js';
import { loggingFeedbackSink, type Clock, type FeedbackSink, type Logger } from '../../core/ports.js';
import type { DeliveryLog } from '../../core/store.js';
import type { HttpServer } from '../../server/http.js';
import { registerActions } from './actions.js';
import { registerAssistant } from './assistant.js';
import { boltLevel, toBoltLogger } from './boltLogger.js';
import { clientOptions, type SlackConfig } from './client.js';
import { registerCommand } from './command.js';
import { slackErrorCode } from './deliver.js';
import type { ListenerDeps } from './deps.js';
import { SlackDigestSink } from './digestSink.js';
import { registerMessages } from './events.js';
import { registerHome } from './home.js';
import { registerShortcut } from './shortcut.js';
import { EVENTS_PATH, SharedServerReceiver } from './receiver.js';

export { slackChannelKey, slackChannelOf } from './channelKey.js';
export { DEFAULT_RETRY, type SlackConfig } from './client.js';
export { createSlackDigestSink, SlackDigestSink } from './digestSink.js';
export { slackStorageDeps, type SlackStorageOptions } from './storage.js';

/** Slack errors meaning "this token is wrong", as opposed to "Slack could not be reached". */
const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'not_allowed_token_type']);

export interface SlackAppDeps {
  /** Answers questions; wrap it with withQuestionLog (channelOf: slackChannelOf) to log them (see slackStorageDeps). */
  readonly bot: Bot;
  /** Answers a shared question again (default `bot`): the unwrapped bot, so a share is not logged twice. */
  readonly shareBot?: Bot;
  readonly config: SlackConfig;
  readonly logger: Logger;
  /** Where "Helpful / Not helpful" clicks go (the Store is one); logged by default. */
  readonly feedback?: FeedbackSink;
  /** The digest commands (createDigestCommands); without them `subscribe` etc. are plain questions. */
  readonly digest?: DigestCommands;
  /** The shared HTTP server; required in HTTP mode. */
  readonly server?: HttpServer;
  /** Level Bolt is told it runs at (the project logger filters anyway). */
  readonly logLevel?: string;
  /** Web API retry policy (tests use a fast one). */
  readonly retry?: webApi.RetryOptions;
  /** Time for signature checks. */
  readonly clock?: Clock;
  /** Event ids already handled (the Store, so a redelivery after a restart is dropped); in memory by default. */
  readonly deliveries?: DeliveryLog;
  /** Follow-up questions in threads and DMs (see slackStorageDeps); without it each question stands alone. */
  readonly followUps?: Conversations;
}

export interface SlackApp {
  readonly mode: 'socket' | 'http';
  /** Posts digests with this app's Web API client (`sinkFor('slack')`). */
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
  const listenerDeps: ListenerDeps = {
    bot: deps.bot,
    shareBot: deps.shareBot ?? deps.bot,
    logger,
    feedback: deps.feedback ?? loggingFeedbackSink(logger),
    ...(deps.digest ? { digest: deps.digest } : {}),
    ...(deps.followUps ? { followUps: deps.followUps } : {}),
  };
  useDedupe(app, logger, deps);
  registerAssistant(app, listenerDeps);
  registerMessages(app, listenerDeps);
  registerCommand(app, listenerDeps);
  registerActions(app, listenerDeps);
  registerShortcut(app, listenerDeps);
  registerHome(app, listenerDeps);
  app.error(async (error) => logger.error('slack listener failed', { error, slackError: slackErrorCode(error) }));
  return {
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
 * Answers each Events API delivery once: a redelivery (same `event_id`, which a retry may send
 * without X-Slack-Retry-Num) stops here, also after a restart when `deliveries` is the store.
 */
function useDedupe(app: App, logger: Logger, deps: SlackAppDeps): void {
  const deliveries = deps.deliveries ?? memoryDeliveryLog(deps.clock ? { clock: deps.clock } : {});
  app.use(async ({ body, context, next }) => {
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (eventId && !(await isFirstDelivery(deliveries, `slack:event:${eventId}`, logger))) {
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
