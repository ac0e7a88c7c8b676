/**
 * `POST /api/messages` on the shared HTTP server, served by botbuilder's CloudAdapter. The body is
 * read and checked here (size, JSON, activity shape → 400 with one log line), then the adapter
 * authenticates it (no valid token → 401) unless there are no credentials and TEAMS_LOCAL=1
 * was given explicitly. `CloudAdapter.process` wants an express-style request and prints errors
 * with console.error, so a thin subclass runs the parsed activity and errors go to our Logger.
 * The same adapter posts the daily digest (`sink`) to the conversation references the bot keeps.
 * This is the Teams `PlatformAdapter` the wiring lists.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { PlatformAdapter } from '../../core/conversation/adapter.js';
import type { Pipeline } from '../../core/conversation/pipeline.js';
import { AuthUnavailableError, BotError, DeliveryError, UnauthenticatedError } from '../../core/errors.js';
import { languageOf } from '../../core/lang/languages.js';
import type { Logger } from '../../core/ports.js';
import type { AnsweredMessages, ConversationRefStore as StoredRefs } from '../../core/store.js';
import { readBody, type HttpServer, type RouteHandler } from '../../server/http.js';
import { TEAMS_PROFILE } from '../profiles.js';
import { createTurnQueue, type TurnQueue } from '../turns.js';
import { parseActivity } from './activity.js';
import { EuChinaTeamsBot } from './bot.js';
import { createCloudAdapter, teamsAppId, TeamsCloudAdapter, type TeamsAdapterConfig, type TeamsAuthOptions } from './cloudAdapter.js';
import { memoryConversationRefStore, scrubStoredConversationRefs, storeConversationRefs, type ConversationRefStore } from './conversationRefs.js';
import type { RetryOptions } from './delivery.js';
import { TeamsDigestSink } from './digestSink.js';
import { renderFailure } from './render.js';

export { TeamsCloudAdapter } from './cloudAdapter.js';
export { teamsChannelKey } from './inbound.js';
export { scrubStoredConversationRefs, storeConversationRefs };
export { createTeamsDigestSink, TeamsDigestSink } from './digestSink.js';

export { TEAMS_PROFILE };

export const MESSAGES_PATH = '/api/messages';
/** Larger than any real activity (Teams caps messages near 100 KB). */
export const MAX_BODY_BYTES = 512 * 1024;

export interface TeamsAdapterDeps {
  /** The core's conversation pipeline (commands, dedupe, follow-ups, logs, digest commands). */
  readonly pipeline: Pipeline;
  readonly config: TeamsAdapterConfig;
  readonly logger: Logger;
  /** The store's conversation references (kept across restarts, scrubbed at start); in memory without it. */
  readonly refs?: StoredRefs;
  /** Where conversation references are kept, when not the store's (tests); in memory by default. */
  readonly conversations?: ConversationRefStore;
  readonly retry?: RetryOptions;
  /** The entry of each sent answer, for native feedback (the Store); in memory by default. */
  readonly answers?: AnsweredMessages;
  /** Where and how patiently the channel's signing keys are fetched (default DEFAULT_TEAMS_AUTH). */
  readonly auth?: Partial<TeamsAuthOptions>;
}

export interface TeamsAdapter extends PlatformAdapter {
  readonly adapter: TeamsCloudAdapter;
  readonly handler: RouteHandler;
  readonly conversations: ConversationRefStore;
  /** Posts digests proactively to the kept conversation references. */
  readonly sink: TeamsDigestSink;
  /** `local` when requests are accepted without authentication (TEAMS_LOCAL=1, no credentials). */
  readonly mode: 'authenticated' | 'local';
  /** Resolves once every message acknowledged so far has been answered (or has failed and been logged). */
  idle(): Promise<void>;
}

/** Printed by `npm start` when the endpoint runs without authentication. */
export const TEAMS_LOCAL_WARNING = [
  '',
  '!!! TEAMS_LOCAL=1 and no MicrosoftAppId: POST /api/messages accepts UNAUTHENTICATED requests. !!!',
  '!!! The server listens on 127.0.0.1 only and replies only to a serviceUrl on this machine.     !!!',
  '',
].join('\n');

/** Builds the adapter and the route handler; throws ConfigError when Teams is not configured. */
export function createTeamsAdapter(deps: TeamsAdapterDeps): TeamsAdapter {
  const { config, logger } = deps;
  const adapter = createCloudAdapter(config, deps.auth);
  adapter.onTurnError = turnErrorHandler(logger);
  const conversations = deps.conversations ?? (deps.refs ? storeConversationRefs(deps.refs, logger) : memoryConversationRefStore());
  const teamsBot = new EuChinaTeamsBot({
    surface: deps.pipeline.surface(TEAMS_PROFILE),
    logger,
    conversations,
    ...(deps.retry ? { retry: deps.retry } : {}),
    ...(deps.answers ? { answers: deps.answers } : {}),
  });
  // Messages are acknowledged once authenticated and answered after (see `acksEarly`); stop() waits for those answers.
  const turns = createTurnQueue((error) => logger.error('teams: acknowledged turn failed', { error }));
  const handler = messagesHandler(adapter, (context) => teamsBot.run(context), logger, turns);
  const sink = new TeamsDigestSink({ adapter, appId: teamsAppId(config), conversations });
  const mode = config.teams ? 'authenticated' : 'local';
  return {
    ...TEAMS_PROFILE,
    seeds: [],
    // Unauthenticated Teams answers anyone who can reach the port: only this machine may.
    loopbackOnly: mode === 'local',
    adapter,
    handler,
    conversations,
    sink,
    mode,
    start: async () => {
      if (deps.refs) await scrubStoredConversationRefs(deps.refs, logger); // rows older versions wrote with user details
      if (mode === 'local') process.stderr.write(`${TEAMS_LOCAL_WARNING}\n`);
    },
    // The shared server answers the requests in flight; the messages it already acknowledged are answered here.
    stop: () => turns.idle(),
    idle: () => turns.idle(),
  };
}

/** Creates the adapter and registers `POST /api/messages` on the shared server. */
export function registerTeams(http: HttpServer, deps: TeamsAdapterDeps): TeamsAdapter {
  const teams = createTeamsAdapter(deps);
  http.route('POST', MESSAGES_PATH, teams.handler);
  return teams;
}

/**
 * A message whose reply goes to the connector (every delivery mode but `expectReplies`, whose
 * replies are the response body) needs nothing from the turn in its HTTP response. Bot Framework
 * waits for that response, so it is sent as soon as the request is authenticated, and the turn
 * runs after it from the turn queue, like Slack's acknowledged events: under load an ack no longer
 * waits for the answers of every activity read before it. Invokes (feedback, message-extension
 * search) carry their result in the response and run inside the request.
 */
export function acksEarly(activity: Activity): boolean {
  return activity.type === 'message' && activity.deliveryMode !== 'expectReplies';
}

function messagesHandler(adapter: TeamsCloudAdapter, logic: (context: TurnContext) => Promise<void>, logger: Logger, turns: TurnQueue): RouteHandler {
  return async (req, res) => {
    const body = await readJson(req);
    if (!body.ok) {
      logger.warn('teams: rejected request body', { path: MESSAGES_PATH, status: body.status, reason: body.reason });
      return reply(res, body.status, { error: body.reason });
    }
    const parsed = parseActivity(body.value);
    if (!parsed.ok) {
      logger.warn('teams: rejected malformed activity', { path: MESSAGES_PATH, status: 400, reason: parsed.reason });
      return reply(res, 400, { error: `malformed activity: ${parsed.reason}` });
    }
    const authHeader = headerValue(req.headers.authorization);
    let acked = false;
    // Runs only once the adapter has authenticated the request.
    const early = async (context: TurnContext): Promise<void> => {
      acked = true;
      reply(res, 200, undefined);
      await queued(turns, () => logic(context));
    };
    try {
      const invoke = await adapter.handle(authHeader, parsed.activity, acksEarly(parsed.activity) ? early : logic);
      if (!acked) reply(res, invoke?.status ?? 200, invoke?.body);
    } catch (error) {
      const a = parsed.activity;
      if (acked) return logger.error('teams: acknowledged turn failed', { activityType: a.type, activityId: a.id, conversation: a.conversation.id, error });
      if (error instanceof UnauthenticatedError || error instanceof AuthenticationError) {
        logger.warn('teams: unauthenticated request rejected', { status: 401, activityType: a.type, reason: error.message });
        return reply(res, 401, { error: 'unauthorized' });
      }
      if (error instanceof AuthUnavailableError) {
        logger.warn('teams: request not authenticated in time', { status: 503, activityType: a.type, code: error.code, reason: error.message });
        res.setHeader('retry-after', '5');
        return reply(res, 503, { error: 'authentication unavailable, retry later' });
      }
      logger.error('teams: turn failed', { activityType: a.type, activityId: a.id, conversation: a.conversation.id, error });
      reply(res, 500, { error: 'internal error' });
    }
  };
}

/** Runs `job` from `turns` (in a later event-loop turn) and settles as it does. */
function queued(turns: TurnQueue, job: () => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => turns.push(() => job().then(resolve, reject)));
}

/** Top-level turn errors: logged once with context; the user hears something unless delivery itself failed. */
function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const a = context.activity;
    const fields = { activityType: a.type, activityId: a.id, conversation: a.conversation.id, serviceUrl: a.serviceUrl };
    logger.error('teams: turn failed', { ...fields, code: error instanceof BotError ? error.code : undefined, error, cause: causeOf(error) });
    if (error instanceof DeliveryError || a.type !== 'message') return;
    try {
      await context.sendActivity(renderFailure(languageOf(a.locale) ?? 'en'));
    } catch (sendError) {
      logger.warn('teams: could not tell the user about a failure', { ...fields, error: sendError });
    }
  };
}

function causeOf(error: Error): string | undefined {
  return error.cause instanceof Error ? error.cause.message : undefined;
}

type Body = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; reason: string };

/** Reads and decodes a JSON body of at most MAX_BODY_BYTES. */
async function readJson(req: IncomingMessage): Promise<Body> {
  const type = headerValue(req.headers['content-type']);
  if (type !== '' && !/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return { ok: false, status: 415, reason: 'content-type must be application/json' };
  const tooLarge: Body = { ok: false, status: 413, reason: `body larger than ${MAX_BODY_BYTES} bytes` };
  if (Number(headerValue(req.headers['content-length'])) > MAX_BODY_BYTES) return tooLarge;
  const raw = await readBody(req, MAX_BODY_BYTES);
  if (raw === undefined) return tooLarge;
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch {
    return { ok: false, status: 400, reason: 'body is not valid JSON' };
  }
}

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}
