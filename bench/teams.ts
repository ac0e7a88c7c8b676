/**
 * `npm run bench:teams [-- --activities 3000 --concurrency 20 --rate 300]`: drives POST
 * /api/messages of the real shared server and CloudAdapter (unauthenticated local mode) on
 * 127.0.0.1 with a mix of personal questions, channel mentions and "Related" clicks; replies go
 * to the fake connector. The load generator and the connector run in a child process, so the
 * bot's process is measured alone. Two phases, each of `activities`:
 *  - throughput: `concurrency` clients back to back (closed loop) -> activities/s;
 *  - latency: the same clients paced at `rate`/s (open loop, timed from each activity's scheduled
 *    send, so a stall is not hidden) -> p50/p99 from the POST to the reply at the connector.
 * (In a closed loop, latency is concurrency / throughput by construction, so it says nothing
 * about the bot at the target rate.) Prints one JSON object; exits 1 when a target is missed:
 * >= 300 activities/s, p99 < 50 ms at 300/s, no error, nothing lost or duplicated.
 */
import { fork } from 'node:child_process';
import { Agent, request, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type Json } from '../tests/helpers/teams.js';

const { values } = parseArgs({
  options: {
    activities: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '300' },
    rate: { type: 'string', default: '300' },
    role: { type: 'string', default: 'server' },
    url: { type: 'string', default: '' },
  },
});
const TOTAL = Number(values.activities);
const CONCURRENCY = Number(values.concurrency);
const WARMUP = Number(values.warmup);
const RATE = Number(values.rate);

interface Phase {
  readonly seconds: number;
  readonly latencies: number[];
  readonly errors: number;
  readonly lost: number;
  readonly duplicated: number;
}
interface LoadResult {
  readonly throughput: Phase;
  readonly latency: Phase;
}

/** Activity number `i`: a personal question, a channel mention or a "Related" click, in turn. */
function activityBody(i: number, run: string, serviceUrl: string, questions: readonly string[], ids: readonly string[]): string {
  const id = `${run}-${i}`;
  const base = { id, serviceUrl };
  const question = questions[i % questions.length] ?? 'Who wrote the paper?';
  let activity: Json;
  if (i % 3 === 0) activity = teamsFixture('personal_message', { ...base, text: question });
  else if (i % 3 === 1) {
    activity = teamsFixture('channel_mention', { ...base, text: `<at>EU-China Bot</at> ${question}` });
    activity['conversation'] = { isGroup: true, conversationType: 'channel', id: `19:bench@thread.tacv2;messageid=${id}` };
  } else activity = teamsFixture('card_submit', { ...base, value: { action: 'entry', entryId: ids[i % ids.length] } });
  return JSON.stringify(activity);
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function postJson(url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** The child: fake connector + load generator against `url`. */
async function load(url: string): Promise<LoadResult> {
  const connector = await startFakeConnector();
  const bot = createBot({ knowledge: loadKnowledge('knowledge') });
  const questions = bot.knowledge.entries.map((e) => e.question);
  const ids = bot.knowledge.entries.map((e) => e.id);
  /** Sends `count` activities with CONCURRENCY clients; `rate` paces them (0: back to back). */
  const drive = async (count: number, run: string, rate: number): Promise<Phase> => {
    connector.requests.length = 0;
    const bodies = Array.from({ length: count }, (_, i) => activityBody(i, run, connector.url, questions, ids));
    const started = new Map<string, number>();
    let next = 0;
    let errors = 0;
    const t0 = performance.now();
    const worker = async (): Promise<void> => {
      for (let i = next++; i < count; i = next++) {
        const due = rate > 0 ? t0 + (i * 1000) / rate : performance.now();
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        started.set(`${run}-${i}`, rate > 0 ? due : performance.now());
        if ((await postJson(url, bodies[i] ?? '')) !== 200) errors++;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const replies = new Map<string, number[]>();
    for (const r of connector.requests) if (r.replyToId) replies.set(r.replyToId, [...(replies.get(r.replyToId) ?? []), r.at]);
    return {
      seconds,
      latencies: [...started].flatMap(([id, at]) => (replies.get(id) ?? []).slice(0, 1).map((t) => t - at)),
      errors,
      lost: [...started.keys()].filter((id) => !replies.has(id)).length,
      duplicated: [...replies.values()].filter((ats) => ats.length > 1).length,
    };
  };
  await drive(WARMUP, 'warmup', 0);
  const throughput = await drive(TOTAL, 'throughput', 0);
  const latency = await drive(TOTAL, 'latency', RATE);
  await connector.close();
  return { throughput, latency };
}

const round = (n: number): number => Math.round(n * 100) / 100;
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The parent: the bot's server; forks the load, samples its own RSS, prints the result. */
async function serve(): Promise<void> {
  const server = await startTeamsServer({ bot: createBot({ knowledge: loadKnowledge('knowledge') }) });
  // Time spent inside the bot's process per request (arrival to response end), for every phase.
  const inServer: number[] = [];
  server.http.server.on('request', (_req: unknown, res: ServerResponse) => {
    const t0 = performance.now();
    res.once('finish', () => inServer.push(performance.now() - t0));
  });
  let peakRss = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const args = ['--role', 'load', '--url', server.url, '--activities', String(TOTAL), '--concurrency', String(CONCURRENCY), '--warmup', String(WARMUP), '--rate', String(RATE)];
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'] });
  const r = await new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (m: LoadResult) => resolve(m));
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
  });
  clearInterval(sampler);
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerActivity = (cpu.user + cpu.system) / 1000 / (WARMUP + 2 * TOTAL);
  const summary = (p: Phase) => {
    const sorted = [...p.latencies].sort((a, b) => a - b);
    return { activitiesPerSecond: round(TOTAL / p.seconds), p50Ms: round(percentile(sorted, 50)), p99Ms: round(percentile(sorted, 99)), errors: p.errors, lost: p.lost, duplicated: p.duplicated };
  };
  const result = {
    activities: TOTAL,
    concurrency: CONCURRENCY,
    activitiesPerSecond: summary(r.throughput).activitiesPerSecond,
    throughput: summary(r.throughput),
    [`at${RATE}PerSecond`]: summary(r.latency),
    errors: r.throughput.errors + r.latency.errors,
    lost: r.throughput.lost + r.latency.lost,
    duplicated: r.throughput.duplicated + r.latency.duplicated,
    rssMb: round(peakRss / 2 ** 20),
    /** CPU time of the bot's process per activity (all phases): its capacity on one core is 1000 / this. */
    serverCpuMsPerActivity: round(cpuMsPerActivity),
    serverP99Ms: round(percentile([...inServer].sort((a, b) => a - b), 99)),
    loggedErrors: server.logger.entries.filter((e) => e.level === 'error').length,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  await server.close();
  const latency = summary(r.latency);
  const met = result.activitiesPerSecond >= 300 && latency.p99Ms < 50 && result.errors === 0 && result.lost === 0 && result.duplicated === 0;
  process.exitCode = met ? 0 : 1;
}

if (values.role === 'load') {
  const result = await load(values.url);
  process.send?.(result, () => process.exit(0));
} else {
  await serve();
}
