/**
 * `npm run bench:digest`: one digest run of N channels (default 1,000) through the real Slack
 * sink (WebClient over HTTP) to the fake Slack Web API on 127.0.0.1, which enforces
 * chat.postMessage's published limits (one post a second per channel, 300 a minute per workspace
 * over a sliding window) and answers 429 with Retry-After when one is broken. The store is a real
 * SQLite file, the knowledge set the real one. Reported per run: wall time, the fake's 429s, posts
 * per channel-day (from the fake's accepted posts and from the store: each must be exactly 1),
 * spread over 1 and 10 workspaces. `--old` adds the old pacing (one post a second across all
 * channels, one queue) in the same process; at full scale it takes N seconds, so it runs with
 * every interval and limit multiplied by `--old-scale` (default 0.1) and its time is reported
 * both as measured and divided by the scale (an underestimate of the real old run: the process's
 * own work per post is not scaled). Options: --channels N, --workspaces 1,10, --old, --old-scale S.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackDigestSink, SLACK_DIGEST_PACING } from '../src/adapters/slack/digestSink.js';
import { createBot, type Bot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import type { Pacing } from '../src/core/digest/pacing.js';
import { runDue } from '../src/core/digest/scheduler.js';
import type { MessageSink } from '../src/core/digest/sink.js';
import type { Logger } from '../src/core/ports.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { startFakeSlackApi } from '../tests/helpers/slackFakeApi.js';

const DAY = '2024-03-01';
const SLACK_LIMITS = { channelIntervalMs: 1000, perWorkspacePerMinute: 300 };
/** The old runner: one post a second, whatever the channel or workspace, one at a time. */
const OLD_PACING: Pacing = { channelIntervalMs: 1000, workspaceIntervalMs: 1000, concurrency: 1 };

interface Options {
  readonly channels: number;
  readonly workspaces: readonly number[];
  readonly old: boolean;
  readonly oldScale: number;
}

function options(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  return {
    channels: Number(value('--channels') ?? 1000),
    workspaces: (value('--workspaces') ?? '1,10').split(',').map(Number),
    old: argv.includes('--old'),
    oldScale: Number(value('--old-scale') ?? 0.1),
  };
}

/** Warnings and errors are counted and the first few printed to stderr (a retried post would show here). */
const problems = { warnings: 0, errors: 0 };
const say = (kind: 'warnings' | 'errors') => (message: string, fields?: Readonly<Record<string, unknown>>) => {
  problems[kind] += 1;
  if (problems[kind] <= 5) process.stderr.write(`${kind}: ${message} ${JSON.stringify(fields ?? {}, (_k, v: unknown) => (v instanceof Error ? `${v.name}: ${v.message} ${String((v as Error & { code?: unknown }).code ?? '')}` : v))}\n`);
};
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: say('warnings'), error: say('errors') };
const scaled = (p: Pacing, s: number): Pacing => ({ ...p, channelIntervalMs: p.channelIntervalMs * s, workspaceIntervalMs: p.workspaceIntervalMs * s });

interface RunResult {
  readonly pacing: 'per-workspace' | 'old (1 s across all channels)';
  readonly channels: number;
  readonly workspaces: number;
  readonly scale: number;
  readonly seconds: number;
  /** `seconds / scale`: the time at the real limits. */
  readonly secondsAtFullScale: number;
  readonly minutesAtFullScale: number;
  readonly rateLimited429: number;
  readonly sent: number;
  readonly failed: number;
  /** Log lines of the run: a retried send is a warning. */
  readonly warnings: number;
  readonly errors: number;
  readonly postsPerChannelDay: { readonly min: number; readonly max: number };
  readonly storeSentPerChannelDay: { readonly min: number; readonly max: number };
}

async function run(bot: Bot, channels: number, workspaces: number, old: boolean, scale: number): Promise<RunResult> {
  const team = (i: number): string => `T${String(i % workspaces).padStart(3, '0')}`;
  const channelId = (i: number): string => `C${team(i)}X${String(i).padStart(5, '0')}`;
  const fake = await startFakeSlackApi({
    limits: {
      channelIntervalMs: SLACK_LIMITS.channelIntervalMs * scale,
      workspace: { max: SLACK_LIMITS.perWorkspacePerMinute, windowMs: 60_000 * scale },
      teamOf: (channel) => channel.slice(1, 5),
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-digest-'));
  let clock = new Date(`${DAY}T00:00:00Z`);
  const store = openSqliteStore({ dataDir, clock: { now: () => clock } });
  try {
    for (let i = 0; i < channels; i++) {
      // The old runner had one queue: no workspace recorded, and a sink that cannot tell one.
      await store.subscribe({ platform: 'slack', channel: `slack:${channelId(i)}`, time: '09:00', timeZone: 'UTC', ...(old ? {} : { workspace: team(i) }) });
    }
    clock = new Date(`${DAY}T09:00:00Z`);
    const slack = createSlackDigestSink({ botToken: 'xoxb-bench', signingSecret: 's', apiUrl: fake.apiUrl }, quiet);
    const sink: MessageSink = old ? { send: (t, d) => slack.send(t, d) } : slack;
    const pacing = scaled(old ? OLD_PACING : SLACK_DIGEST_PACING, scale);
    problems.warnings = 0;
    problems.errors = 0;
    const started = performance.now();
    const report = await runDue({ bot, store, logger: quiet, sinkFor: () => sink, pacing }, clock);
    const seconds = (performance.now() - started) / 1000;
    const accepted = Array.from({ length: channels }, (_, i) => fake.limitStats.accepted.get(channelId(i)) ?? 0);
    const records = await store.digestRecords(channels * 2);
    const sentByChannel = new Map<string, number>();
    for (const r of records) if (r.day === DAY && r.status === 'sent') sentByChannel.set(r.channel, (sentByChannel.get(r.channel) ?? 0) + 1);
    const stored = Array.from({ length: channels }, (_, i) => sentByChannel.get(`slack:${channelId(i)}`) ?? 0);
    return {
      pacing: old ? 'old (1 s across all channels)' : 'per-workspace',
      channels,
      workspaces,
      scale,
      seconds: round(seconds),
      secondsAtFullScale: round(seconds / scale),
      minutesAtFullScale: round(seconds / scale / 60),
      rateLimited429: fake.limitStats.rateLimited,
      sent: report.sent.length,
      failed: report.failed.length,
      warnings: problems.warnings,
      errors: problems.errors,
      postsPerChannelDay: { min: Math.min(...accepted), max: Math.max(...accepted) },
      storeSentPerChannelDay: { min: Math.min(...stored), max: Math.max(...stored) },
    };
  } finally {
    store.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const round = (n: number): number => Math.round(n * 100) / 100;

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const bot = createBot({ knowledge: loadKnowledge('knowledge') });
  const runs: RunResult[] = [];
  for (const w of opts.workspaces) runs.push(await run(bot, opts.channels, w, false, 1));
  if (opts.old) for (const w of opts.workspaces) runs.push(await run(bot, opts.channels, w, true, opts.oldScale));
  const [loadavg] = (await import('node:os')).loadavg();
  const result = {
    bench: 'digest',
    limitsEnforcedByTheFake: { perChannel: '1 post / 1 s', perWorkspace: `${SLACK_LIMITS.perWorkspacePerMinute} posts / 60 s sliding window`, on429: 'Retry-After (s)' },
    pacedTo: { slack: SLACK_DIGEST_PACING },
    loadavg1: round(loadavg ?? 0),
    runs,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

await main();
