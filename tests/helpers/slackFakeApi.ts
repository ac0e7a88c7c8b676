/**
 * A fake Slack Web API on 127.0.0.1 for tests and the bench: the real Bolt app and WebClient
 * talk to it over HTTP through `slackApiUrl`, so nothing is mocked in-process and nothing
 * touches the internet. It answers auth.test, chat.postMessage, chat.postEphemeral,
 * views.publish, assistant.threads.setSuggestedPrompts, users.info and response_url posts, records every call, and can be told to fail.
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
export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: ApiCall[] = [];
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
      const answer = (): void => reply(res, method, body, failures, n);
      const queue = held.get(method);
      if (queue) queue.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { apiUrl: `${base}/api/` });
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
