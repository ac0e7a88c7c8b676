/**
 * Fakes for the Teams adapter tests and bench, written against the real interfaces: a Bot
 * Framework connector on 127.0.0.1 that records what the bot sends (and can be told to fail),
 * a recording Logger and FeedbackSink, fixture loading, and the real shared HTTP server with
 * the Teams route on an ephemeral port. Nothing here leaves the loopback interface.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import { parseActivity } from '../../src/adapters/teams/activity.js';
import { registerTeams, type TeamsAdapter, type TeamsAdapterDeps } from '../../src/adapters/teams/app.js';
import type { RetryOptions } from '../../src/adapters/teams/delivery.js';
import type { Config } from '../../src/config.js';
import type { Bot } from '../../src/core/bot.js';
import { createPipeline, type Pipeline, type PipelineDeps } from '../../src/core/conversation/pipeline.js';
import type { Feedback, FeedbackSink, LogFields, Logger } from '../../src/core/ports.js';
import { createHttpServer, type HttpServer } from '../../src/server/http.js';

export type Json = Record<string, unknown>;

/** A fixture from tests/fixtures/teams/ as raw JSON (what Teams POSTs). */
export function teamsFixture(name: string, overrides: Json = {}): Json {
  const raw: unknown = JSON.parse(readFileSync(new URL(`../fixtures/teams/${name}.json`, import.meta.url), 'utf8'));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`fixture ${name} is not an object`);
  return { ...Object.fromEntries(Object.entries(raw)), ...overrides };
}

/** A fixture parsed into an Activity through the adapter's own seam. */
export function teamsActivity(name: string, overrides: Json = {}): Activity {
  const parsed = parseActivity(teamsFixture(name, overrides));
  if (!parsed.ok) throw new Error(`fixture ${name}: ${parsed.reason}`);
  return parsed.activity;
}

export interface LogEntry {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string;
  readonly fields: LogFields;
}

/** A Logger that keeps every entry. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];
  debug(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'debug', message, fields });
  }
  info(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'info', message, fields });
  }
  warn(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'warn', message, fields });
  }
  error(message: string, fields: LogFields = {}): void {
    this.entries.push({ level: 'error', message, fields });
  }
}

/** A FeedbackSink that keeps every click. */
export class MemoryFeedbackSink implements FeedbackSink {
  readonly records: Feedback[] = [];
  async record(feedback: Feedback): Promise<void> {
    this.records.push(feedback);
  }
}

export interface ConnectorRequest {
  readonly method: string;
  readonly conversationId: string;
  /** Present for `POST /v3/conversations/:id/activities/:replyToId`. */
  readonly replyToId: string | undefined;
  readonly authorization: string | undefined;
  readonly activity: Json;
  readonly at: number;
}

export interface FakeConnector {
  readonly url: string;
  readonly requests: ConnectorRequest[];
  /** TCP connections opened to the connector so far. */
  readonly connections: () => number;
  /** Every POST received so far, failed or not. */
  readonly attempts: () => number;
  /** The next `times` requests get `status` (with `headers`). */
  failNext(status: number, times: number, headers?: Record<string, string>): void;
  /** The next `times` requests are read and never answered. */
  hangNext(times: number): void;
  /** The next `times` requests are recorded and answered only `ms` after they arrive (a slow connector). */
  delayNext(times: number, ms: number): void;
  /** Called for every recorded request as it arrives (the bench uses it to time replies). */
  onRequest: ((request: ConnectorRequest) => void) | undefined;
  close(): Promise<void>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Starts a fake Bot Framework connector on 127.0.0.1 and an ephemeral port. */
export async function startFakeConnector(): Promise<FakeConnector> {
  const requests: ConnectorRequest[] = [];
  const failures: ({ status: number; headers: Record<string, string> } | 'hang' | { delayMs: number })[] = [];
  let next = 0;
  let attempts = 0;
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const match = ACTIVITIES.exec((req.url ?? '').split('?')[0] ?? '');
      if (req.method !== 'POST' || !match?.[1]) return void res.writeHead(404).end();
      attempts++;
      const failure = failures.shift();
      if (failure === 'hang') return;
      if (failure && !('delayMs' in failure)) return void res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers }).end('{"error":{"code":"ServiceError"}}');
      const activity: unknown = JSON.parse(body || '{}');
      const recorded: ConnectorRequest = {
        method: req.method,
        conversationId: decodeURIComponent(match[1]),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        authorization: req.headers.authorization,
        activity: typeof activity === 'object' && activity !== null ? Object.fromEntries(Object.entries(activity)) : {},
        at: performance.now(),
      };
      const answer = (): void => {
        requests.push(recorded);
        connector.onRequest?.(recorded);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${++next}` }));
      };
      if (failure) setTimeout(answer, failure.delayMs);
      else answer();
    });
  });
  let connections = 0;
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const connector: FakeConnector = {
    url: `http://127.0.0.1:${port}/`,
    requests,
    connections: () => connections,
    attempts: () => attempts,
    hangNext: (times) => {
      for (let i = 0; i < times; i++) failures.push('hang');
    },
    delayNext: (times, ms) => {
      for (let i = 0; i < times; i++) failures.push({ delayMs: ms });
    },
    failNext: (status, times, headers = {}) => {
      for (let i = 0; i < times; i++) failures.push({ status, headers });
    },
    onRequest: undefined,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return connector;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export interface TeamsServer {
  readonly url: string;
  readonly logger: MemoryLogger;
  readonly feedback: MemoryFeedbackSink;
  readonly teams: TeamsAdapter;
  readonly http: HttpServer;
  /** POSTs `body` to the Teams route and, once it is acknowledged, waits for the turns it started to end. */
  post(body: unknown, headers?: Record<string, string>): Promise<PostResult>;
  close(): Promise<void>;
}

export interface TeamsServerOptions extends Pick<TeamsAdapterDeps, 'conversations' | 'refs' | 'auth' | 'answers'>, Partial<Pick<PipelineDeps, 'deliveries' | 'contexts' | 'questions' | 'digest'>> {
  readonly bot: Bot;
  /** The whole pipeline, as main.ts builds it (storePipeline); otherwise one over the options. */
  readonly pipeline?: Pipeline;
  readonly config?: Pick<Config, 'teams' | 'teamsLocal'>;
  readonly retry?: RetryOptions;
  readonly feedback?: FeedbackSink;
  /** The server's logger (default: a new one), for deps built before the server. */
  readonly logger?: MemoryLogger;
}

/** The real shared HTTP server with the real Teams adapter, on 127.0.0.1 and an ephemeral port. */
export async function startTeamsServer(options: TeamsServerOptions): Promise<TeamsServer> {
  const logger = options.logger ?? new MemoryLogger();
  const feedback = new MemoryFeedbackSink();
  const http = createHttpServer(logger);
  const { deliveries, contexts, questions, digest } = options;
  const pipeline =
    options.pipeline ??
    createPipeline({
      bot: options.bot,
      clock: { now: () => new Date() },
      logger,
      feedback: options.feedback ?? feedback,
      ...(deliveries ? { deliveries } : {}),
      ...(contexts ? { contexts } : {}),
      ...(questions ? { questions } : {}),
      ...(digest ? { digest } : {}),
    });
  const teams = registerTeams(http, {
    pipeline,
    ...(options.conversations ? { conversations: options.conversations } : {}),
    ...(options.refs ? { refs: options.refs } : {}),
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.answers ? { answers: options.answers } : {}),
    config: options.config ?? { teams: undefined, teamsLocal: true },
    logger,
    retry: options.retry ?? { retries: 3, baseDelayMs: 5, maxDelayMs: 20 },
  });
  const port = await http.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/api/messages`;
  const answered = async (body: unknown, headers?: Record<string, string>): Promise<PostResult> => {
    const res = await post(url, body, headers);
    await teams.idle();
    return res;
  };
  return { url, logger, feedback, teams, http, post: answered, close: () => http.close() };
}

export interface PostResult {
  readonly status: number;
  readonly body: string;
}

/** POSTs `body` (JSON-encoded unless already a string) to `url`. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}
