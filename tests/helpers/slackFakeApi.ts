/**
 * A fake Slack Web API on 127.0.0.1 for tests and the bench: the real Bolt app and WebClient
 * talk to it over HTTP through `slackApiUrl`, so nothing is mocked in-process and nothing
 * touches the internet. It answers auth.test, chat.postMessage, chat.postEphemeral,
 * views.publish, assistant.threads.setSuggestedPrompts, users.info and response_url posts, records every call, and can be told to fail.
 * With `limits` it enforces chat.postMessage's rate limits as Slack publishes them (per channel, and
 * per workspace over a sliding window), answering 429 with a Retry-After when one is exceeded.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_BOT = { userId: 'U0BOT0001', botId: 'B0BOT0001', teamId: 'T0TEST0001' } as const;

export interface ApiCall {
  /** Web API method (`chat.postMessage`) or `response_url` for posts to a response URL. */
  readonly method: string;
  /** The request's fields; JSON-encoded fields such as `blocks` are decoded. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly path: string;
  /** `performance.now()` when the request arrived. */
  readonly at: number;
}

/**
 * How a call fails: an HTTP status (retried by the WebClient; a 429 with `retryAfter` seconds sends
 * that Retry-After header) or a Slack `ok: false` error.
 */
export type Failure = { readonly status: number; readonly retryAfter?: number } | { readonly error: string };

/** chat.postMessage limits to enforce: what Slack publishes, or smaller ones for a quick test. */
export interface PostLimits {
  /** Least time between two accepted posts to one channel (Slack: about 1 s). */
  readonly channelIntervalMs: number;
  /** At most `max` accepted posts per workspace in any `windowMs` (Slack: several hundred a minute). */
  readonly workspace: { readonly max: number; readonly windowMs: number };
  /** The workspace (team id) of a channel id; default: every channel in FAKE_BOT's team. */
  readonly teamOf?: (channel: string) => string;
}

/** What the limits saw: 429s answered, and posts accepted per channel. */
export interface LimitStats {
  rateLimited: number;
  readonly accepted: Map<string, number>;
}

export interface FakeSlackApi {
  /** Base URL for `slackApiUrl` (ends in `/api/`). */
  readonly apiUrl: string;
  /** A response_url on this server. */
  responseUrl(id: string): string;
  readonly calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  /** Makes the next `times` calls to `method` fail as described. */
  failNext(method: string, times: number, failure: Failure): void;
  /** Holds every call to `method` open (recorded, not answered) until the returned release is called. */
  hold(method: string): () => void;
  /** Resolves once `method` has been called `count` times (rejects after `timeoutMs`). */
  waitFor(method: string, count: number, timeoutMs?: number): Promise<ApiCall[]>;
  /** The locale `users.info` reports for a user id (shared by every fake in the process; clear it after use). */
  readonly locales: Map<string, string>;
  /** Called for every call as it arrives (the bench uses it to time replies). */
  onCall: ((call: ApiCall) => void) | undefined;
  /** Counts of the enforced limits (all zero without `limits`). */
  readonly limitStats: LimitStats;
  close(): Promise<void>;
}

const OK_BODIES: Readonly<Record<string, (body: Readonly<Record<string, unknown>>, n: number) => object>> = {
  'auth.test': () => ({ url: 'https://eu-china-test.slack.com/', team: 'EU-China test', user: 'eu-china-bot', team_id: FAKE_BOT.teamId, user_id: FAKE_BOT.userId, bot_id: FAKE_BOT.botId }),
  'chat.postMessage': (b, n) => ({ channel: b['channel'], ts: `1712400000.${String(n).padStart(6, '0')}`, message: { text: b['text'] } }),
  'chat.postEphemeral': (_b, n) => ({ message_ts: `1712400000.${String(n).padStart(6, '0')}` }),
  'views.publish': () => ({ view: { id: 'V0HOME0001', type: 'home' } }),
  'assistant.threads.setSuggestedPrompts': () => ({}),
  // A user's locale is what the test sets in `locales` (`U0ASKER001: 'fr-FR'`); none by default.
  'users.info': (b) => ({ user: { id: b['user'], ...(typeof b['user'] === 'string' && LOCALES.get(b['user']) ? { locale: LOCALES.get(b['user']) } : {}) } }),
};

/** The locales `users.info` reports, by user id, set by tests through `FakeSlackApi.locales`. */
const LOCALES = new Map<string, string>();

/** Starts the fake on an ephemeral loopback port. */
export async function startFakeSlackApi(options: { readonly limits?: PostLimits } = {}): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
  const limitStats: LimitStats = { rateLimited: 0, accepted: new Map() };
  const limiter = options.limits ? postLimiter(options.limits, limitStats) : undefined;
  const failures = new Map<string, { times: number; failure: Failure }>();
  const waiters = new Set<() => void>();
  const held = new Map<string, (() => void)[]>();
  let counter = 0;
  const fake: FakeSlackApi = {
    apiUrl: '',
    responseUrl: (id) => `${base}/response/${id}`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, times, failure) => void failures.set(method, { times, failure }),
    waitFor: (method, count, timeoutMs = 5000) => waitForCalls(fake, waiters, method, count, timeoutMs),
    hold: (method) => {
      held.set(method, []);
      return () => {
        const queued = held.get(method) ?? [];
        held.delete(method);
        for (const answer of queued) answer();
      };
    },
    onCall: undefined,
    limitStats,
    locales: LOCALES,
    close: () => close(server),
  };
  const server = createServer((req, res) => {
    void readFields(req).then((body) => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const method = path.startsWith('/response/') ? 'response_url' : path.replace(/^\/api\//, '');
      const call: ApiCall = { method, body, path, at: performance.now() };
      calls.push(call);
      fake.onCall?.(call);
      for (const wake of waiters) wake();
      const n = (counter += 1);
      const answer = (): void => {
        const retryAfter = method === 'chat.postMessage' ? limiter?.(String(body['channel'] ?? '')) : undefined;
        if (retryAfter !== undefined) return void res.writeHead(429, { 'retry-after': String(retryAfter) }).end();
        reply(res, method, body, failures, n);
      };
      const queue = held.get(method);
      if (queue) queue.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { apiUrl: `${base}/api/` });
}

/** Accepts a post (undefined) or says how many seconds to wait, as Slack's Retry-After does. */
function postLimiter(limits: PostLimits, stats: LimitStats): (channel: string) => number | undefined {
  const lastInChannel = new Map<string, number>();
  const recent = new Map<string, number[]>();
  return (channel) => {
    const now = performance.now();
    const team = limits.teamOf?.(channel) ?? FAKE_BOT.teamId;
    const window = (recent.get(team) ?? []).filter((t) => t > now - limits.workspace.windowMs);
    recent.set(team, window);
    const last = lastInChannel.get(channel);
    let waitMs = 0;
    if (last !== undefined && now - last < limits.channelIntervalMs) waitMs = limits.channelIntervalMs - (now - last);
    if (window.length >= limits.workspace.max) waitMs = Math.max(waitMs, (window[0] ?? now) + limits.workspace.windowMs - now);
    if (waitMs > 0) {
      stats.rateLimited += 1;
      return Math.max(1, Math.ceil(waitMs / 1000));
    }
    lastInChannel.set(channel, now);
    window.push(now);
    stats.accepted.set(channel, (stats.accepted.get(channel) ?? 0) + 1);
    return undefined;
  };
}

function reply(res: ServerResponse, method: string, body: Readonly<Record<string, unknown>>, failures: Map<string, { times: number; failure: Failure }>, n: number): void {
  const planned = failures.get(method);
  if (planned && planned.times > 0) {
    planned.times -= 1;
    if ('status' in planned.failure) {
      const { status, retryAfter } = planned.failure;
      return void res.writeHead(status, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }).end();
    }
    return json(res, { ok: false, error: planned.failure.error });
  }
  if (method === 'response_url') return json(res, { ok: true });
  const ok = OK_BODIES[method];
  json(res, ok ? { ok: true, ...ok(body, n) } : { ok: false, error: 'unknown_method' });
}

function json(res: ServerResponse, body: object): void {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Form or JSON body -> fields, decoding the JSON-encoded ones (blocks, view). */
async function readFields(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const raw = Buffer.concat(chunks).toString('utf8');
  if ((req.headers['content-type'] ?? '').includes('json')) return toRecord(JSON.parse(raw || '{}'));
  const fields: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) fields[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
  return fields;
}

function toRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? Object.fromEntries(Object.entries(value)) : {};
}

function waitForCalls(fake: FakeSlackApi, waiters: Set<() => void>, method: string, count: number, timeoutMs: number): Promise<ApiCall[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const found = fake.callsTo(method);
      if (found.length < count) return false;
      clearTimeout(timer);
      waiters.delete(wake);
      resolve(found);
      return true;
    };
    const wake = (): void => void check();
    const timer = setTimeout(() => {
      waiters.delete(wake);
      reject(new Error(`expected ${count} call(s) to ${method} within ${timeoutMs} ms, got ${fake.callsTo(method).length}`));
    }, timeoutMs);
    if (!check()) waiters.add(wake);
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
