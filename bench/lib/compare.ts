/**
 * One bench run: the bot and the bare SDK app, both started and kept up for the whole run, driven
 * phase by phase in turn by the same load generator against the same fake platform API (warm-up,
 * then closed-loop throughput, then open-loop latency at `rate`), so the ratio between them is
 * measured under the same machine load. Builds the one JSON object the bench prints.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { closedLoop, openLoop, percentile, round, type PhaseResult, type ReplyTimes, type Shot } from './load.js';
import type { Target } from './processes.js';

export interface Plan {
  readonly warmup: number;
  readonly events: number;
  readonly concurrency: number;
  readonly rate: number;
}

/** The plan from the command line: `--events 3000 --concurrency 20 --rate 300 --warmup 500` (the defaults). */
export function planFromArgs(args: readonly string[] = process.argv.slice(2)): Plan {
  const { values } = parseArgs({
    args: [...args],
    options: {
      events: { type: 'string', default: '3000' },
      concurrency: { type: 'string', default: '20' },
      rate: { type: 'string', default: '300' },
      warmup: { type: 'string', default: '500' },
    },
  });
  return { events: Number(values.events), concurrency: Number(values.concurrency), rate: Number(values.rate), warmup: Number(values.warmup) };
}

export interface Contestant {
  readonly target: Target;
  /** Event `i` of phase `phase` for this target (keys unique across phases and targets). */
  shot(phase: string, i: number): Shot;
}

/** Slack retries a delivery not acknowledged within 3 s; Bot Framework gives up on a turn after 15 s. */
const ACK_LIMIT_MS = 3000;
const TARGET_SLOWDOWN = 1.3;
const TARGET_ACK_P99_MS = 50;

interface Measured {
  readonly throughput: PhaseResult & { readonly cpuMs: number };
  readonly latency: PhaseResult;
  readonly errors: number;
  readonly rssMb: number;
}

const shots = (c: Contestant, phase: string, count: number): Shot[] => Array.from({ length: count }, (_, i) => c.shot(phase, i));

/** Runs every phase for both, alternating, and returns what each measured. */
export async function compare(plan: Plan, bot: Contestant, bare: Contestant, replies: ReplyTimes): Promise<{ bot: Measured; bare: Measured }> {
  const both = [bot, bare];
  for (const c of both) await closedLoop(shots(c, 'warmup', plan.warmup), plan.concurrency, replies);
  const throughput: Measured['throughput'][] = [];
  for (const c of both) {
    const work = shots(c, 'throughput', plan.events);
    const cpu0 = c.target.cpuMs();
    const r = await closedLoop(work, plan.concurrency, replies);
    throughput.push({ ...r, cpuMs: c.target.cpuMs() - cpu0 });
  }
  const latency: PhaseResult[] = [];
  for (const c of both) latency.push(await openLoop(shots(c, 'latency', plan.events), plan.rate, replies));
  const measured = both.map((c, i) => ({ throughput: throughput[i]!, latency: latency[i]!, errors: c.target.errors(), rssMb: round(c.target.rssMb(), 0) }));
  return { bot: measured[0]!, bare: measured[1]! };
}

/** What one app got: events/s and CPU per event in a closed loop; ack and reply percentiles at `rate`. */
export function figures(m: Measured, rate: number) {
  const t = m.throughput;
  const l = m.latency;
  return {
    eventsPerSec: round((t.events / t.durationMs) * 1000, 0),
    cpuMsPerEvent: round(t.cpuMs / t.events),
    [`at${rate}PerSec`]: {
      ackP50Ms: round(percentile(l.acks, 50)),
      ackP99Ms: round(percentile(l.acks, 99)),
      ackMaxMs: round(percentile(l.acks, 100)),
      acksOver3s: l.acks.filter((ms) => ms > ACK_LIMIT_MS).length,
      replyP50Ms: round(percentile(l.replies, 50)),
      replyP99Ms: round(percentile(l.replies, 99)),
    },
    httpErrors: t.httpErrors + l.httpErrors,
    lost: t.lost + l.lost,
    duplicated: t.duplicated + l.duplicated,
    loggedErrors: m.errors,
    rssMb: m.rssMb,
  };
}

/** The bench's JSON: the plan, the load, both apps' figures and the ratios the targets are about. */
export function report(name: string, plan: Plan, measured: { bot: Measured; bare: Measured }, extra: { loadAvgAtStart: number[]; bot: object; bare: object }) {
  const bot = figures(measured.bot, plan.rate);
  const bare = figures(measured.bare, plan.rate);
  const at = `at${plan.rate}PerSec`;
  const ackP99 = (f: typeof bot): number => (f[at] as { ackP99Ms: number }).ackP99Ms;
  const replyP99 = (f: typeof bot): number => (f[at] as { replyP99Ms: number }).replyP99Ms;
  const slowdown = round(bare.eventsPerSec / bot.eventsPerSec);
  const ratios = {
    // How many times the bare SDK's throughput is the bot's: the target is at most 1.3.
    throughputBareOverBot: slowdown,
    cpuPerEventBotOverBare: round(bot.cpuMsPerEvent / bare.cpuMsPerEvent),
    [`ackP99${at}BotOverBare`]: round(ackP99(bot) / ackP99(bare)),
    [`replyP99${at}BotOverBare`]: round(replyP99(bot) / replyP99(bare)),
  };
  const targets = { throughputWithin1_3x: slowdown <= TARGET_SLOWDOWN, ackP99Under50ms: ackP99(bot) < TARGET_ACK_P99_MS };
  const correct = bot.lost === 0 && bot.duplicated === 0 && bot.httpErrors === 0 && bot.loggedErrors === 0;
  return {
    bench: name,
    cpus: availableParallelism(),
    loadAvg1m: { atStart: round(extra.loadAvgAtStart[0] ?? NaN), atEnd: round(loadavg()[0] ?? NaN) },
    plan,
    bot: { ...bot, ...extra.bot },
    bare: { ...bare, ...extra.bare },
    ratios,
    targets,
    correct,
    targetsMet: targets.throughputWithin1_3x && targets.ackP99Under50ms && correct,
  };
}
