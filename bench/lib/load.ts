/**
 * The load generator both platform benches share, run in the bench's own process beside the fake
 * platform API, so each send and each reply is timed on one clock. Two phases:
 *  - closed loop: `concurrency` clients send back to back; the phase lasts until the last reply
 *    reaches the fake API, so events/s counts events answered, not only acknowledged;
 *  - open loop: event i is sent at t0 + i / rate whether or not earlier ones were answered, and
 *    both its ack (the HTTP response) and its reply (at the fake API) are timed from that intended
 *    send time, so a stall in the app shows up as latency instead of slowing the sender.
 */
import { Agent, request } from 'node:http';

/** One event as HTTP: where it goes, what it carries, and the key its reply is matched by. */
export interface Shot {
  readonly key: string;
  readonly url: string;
  readonly body: string;
  /** Headers computed at send time (Slack's signature carries a timestamp). */
  readonly headers: () => Record<string, string>;
}

export interface PhaseResult {
  readonly events: number;
  readonly durationMs: number;
  /** Per event: from its intended send time to its HTTP response, ms. */
  readonly acks: readonly number[];
  /** Per event: from its intended send time to the first reply at the fake API, ms. */
  readonly replies: readonly number[];
  readonly httpErrors: number;
  readonly lost: number;
  readonly duplicated: number;
}

/** Arrival times of replies at the fake API, by key; the bench's fake fills it. */
export type ReplyTimes = Map<string, number[]>;

const agent = new Agent({ keepAlive: true, maxSockets: 256 });
const DRAIN_MS = 10_000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs `shot`; resolves with the status (0 for a network error) when the response has ended. */
function post(shot: Shot): Promise<number> {
  return new Promise((resolve) => {
    const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(shot.body)), ...shot.headers() };
    const req = request(shot.url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(shot.body);
  });
}

interface Tally {
  readonly due: Map<string, number>;
  readonly acks: number[];
  errors: number;
}

async function fire(shot: Shot, due: number, tally: Tally): Promise<void> {
  tally.due.set(shot.key, due);
  const status = await post(shot);
  tally.acks.push(performance.now() - due);
  if (status !== 200) tally.errors += 1;
}

/** Waits until every sent key has a reply (or DRAIN_MS pass without one); returns when the last one came. */
async function drain(tally: Tally, replies: ReplyTimes): Promise<number> {
  let lastCount = -1;
  let quietSince = performance.now();
  while ([...tally.due.keys()].some((k) => !replies.has(k))) {
    if (replies.size !== lastCount) [lastCount, quietSince] = [replies.size, performance.now()];
    if (performance.now() - quietSince > DRAIN_MS) break;
    await sleep(5);
  }
  let last = 0;
  for (const key of tally.due.keys()) last = Math.max(last, replies.get(key)?.[0] ?? 0);
  return last;
}

function result(tally: Tally, replies: ReplyTimes, t0: number, end: number): PhaseResult {
  const latencies: number[] = [];
  let lost = 0;
  let duplicated = 0;
  for (const [key, due] of tally.due) {
    const got = replies.get(key);
    if (!got) lost += 1;
    else {
      latencies.push((got[0] ?? Number.NaN) - due);
      if (got.length > 1) duplicated += 1;
    }
  }
  return { events: tally.due.size, durationMs: end - t0, acks: tally.acks, replies: latencies, httpErrors: tally.errors, lost, duplicated };
}

/** `count` events from `shots`, `concurrency` clients back to back. */
export async function closedLoop(shots: readonly Shot[], concurrency: number, replies: ReplyTimes): Promise<PhaseResult> {
  replies.clear();
  const tally: Tally = { due: new Map(), acks: [], errors: 0 };
  let next = 0;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    for (let i = next++; i < shots.length; i = next++) {
      const shot = shots[i];
      if (shot) await fire(shot, performance.now(), tally);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const acked = performance.now();
  const lastReply = await drain(tally, replies);
  return result(tally, replies, t0, Math.max(acked, lastReply));
}

/** Event i of `shots` sent at t0 + i * 1000 / rate, none waiting for another. */
export async function openLoop(shots: readonly Shot[], rate: number, replies: ReplyTimes): Promise<PhaseResult> {
  replies.clear();
  const tally: Tally = { due: new Map(), acks: [], errors: 0 };
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 20;
  const dueOf = (i: number): number => t0 + (i * 1000) / rate;
  let i = 0;
  while (i < shots.length) {
    const now = performance.now();
    for (let shot = shots[i]; shot && dueOf(i) <= now; shot = shots[++i]) pending.push(fire(shot, dueOf(i), tally));
    if (i < shots.length) await sleep(Math.max(0, dueOf(i) - performance.now()));
  }
  await Promise.all(pending);
  const acked = performance.now();
  const lastReply = await drain(tally, replies);
  return result(tally, replies, t0, Math.max(acked, lastReply));
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;
