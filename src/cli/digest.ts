/**
 * `npm run digest -- run-due [--at ISO-time]` posts every digest due at that moment, through
 * Slack and Teams when they are configured, and exits (for cron or a Kubernetes CronJob; safe
 * beside the in-process scheduler: the store's claims keep it to once per channel and day).
 * `list` shows subscriptions, `preview <channel>` prints today's digest, `subscribe` /
 * `unsubscribe` manage a channel by its key. It opens the store `npm start` is configured with
 * (PostgreSQL when DATABASE_URL is set, otherwise SQLite in DATA_DIR), so on several replicas it
 * shares their claims.
 */
import type { Config } from '../config.js';
import { createDigestCommands } from '../core/digest/commands.js';
import { renderDigestText } from '../core/digest/render-text.js';
import { NO_PACING } from '../core/digest/pacing.js';
import { runDue } from '../core/digest/scheduler.js';
import { seedConfigured } from '../core/digest/service.js';
import type { MessageSink, SinkFor } from '../core/digest/sink.js';
import type { Clock, Logger } from '../core/ports.js';
import type { Store } from '../core/store.js';
import { createLogger } from '../logger.js';
import { configuredSeeds, digestSinks, openConfiguredStore, PLATFORM_PROFILES } from '../wiring.js';
import { load, runCli, type CliIo, type Loaded } from './common.js';

const USAGE = `Usage:
  npm run digest -- run-due [--at 2024-03-31T07:00:00Z]   post every digest due now (or at that time) and exit
  npm run digest -- list                                   subscriptions and their last digest
  npm run digest -- preview <channel>                      today's digest for a channel key, e.g. slack:C0123456789
  npm run digest -- subscribe <channel> [HH:MM] [zone] [en|fr|de]  subscribe a channel key, e.g. slack:C0123456789 08:30 Europe/Paris fr
  npm run digest -- unsubscribe <channel>`;

/** Prints each digest as text on stdout: what run-due does where no platform sink is plugged in. */
function consoleSink(out: NodeJS.WritableStream): MessageSink {
  return {
    pacing: NO_PACING,
    send: async (target, digest) => {
      out.write(`── ${target.channel} ──\n${renderDigestText(digest)}\n\n`);
      return {};
    },
  };
}

/**
 * The sink for each platform. Slack posts with chat.postMessage when `config.slack` is set; Teams
 * posts proactively when `config.teams` (or TEAMS_LOCAL) is set, to the conversation references in
 * `platform.store`; digests of a platform that is not configured print to stdout. Each sink paces
 * its posts to its platform's limits, per workspace.
 */
export async function createSinks(
  config: Config,
  out: NodeJS.WritableStream = process.stdout,
  platform?: { readonly store: Store; readonly logger: Logger },
): Promise<{ readonly sinkFor: SinkFor }> {
  const sink = consoleSink(out);
  const { sinks } = platform ? await digestSinks(config, platform.store, platform.logger) : { sinks: new Map<string, MessageSink>() };
  return { sinkFor: (p) => sinks.get(p) ?? sink };
}

interface Args {
  readonly command: string;
  readonly words: readonly string[];
  readonly at?: Date;
}

function parseArgs(argv: readonly string[]): Args | string {
  const words: string[] = [];
  let at: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--at') {
      at = new Date(argv[++i] ?? '');
      if (Number.isNaN(at.getTime())) return `--at needs an ISO time such as 2024-03-31T07:00:00Z, got "${argv[i] ?? ''}".`;
    } else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else words.push(a);
  }
  const [command = '', ...rest] = words;
  if (at && command !== 'run-due') return '--at only applies to run-due.';
  return { command, words: rest, ...(at ? { at } : {}) };
}

async function execute(args: Args, store: Store, clock: Clock, loaded: Loaded, io: CliIo): Promise<number> {
  const { config, bot } = loaded;
  const logger = createLogger(config.logLevel, io.stderr);
  switch (args.command) {
    case 'run-due': {
      await seedConfigured({ store, logger }, configuredSeeds(config));
      const sinks = await createSinks(config, io.stdout, { store, logger });
      const report = await runDue({ bot, store, logger, ...sinks }, clock.now());
      io.stdout.write(`run-due at ${clock.now().toISOString()}: ${report.sent.length} sent, ${report.failed.length} failed, ${report.unsubscribed.length} unsubscribed\n`);
      return report.failed.length > 0 ? 1 : 0;
    }
    case 'list':
      await seedConfigured({ store, logger }, configuredSeeds(config));
      io.stdout.write(`${await listText(store)}\n`);
      return 0;
    default:
      return channelCommand(args, store, clock, loaded, io);
  }
}

/** preview, subscribe and unsubscribe: one channel key, then the same code the chat commands run. */
async function channelCommand(args: Args, store: Store, clock: Clock, { config, bot }: Loaded, io: CliIo): Promise<number> {
  const command = (platform: string, words: string): string => PLATFORM_PROFILES.find((p) => p.platform === platform)?.command(words) ?? words;
  const commands = createDigestCommands({ bot, store, clock, defaults: config.digest, command });
  const [channel, ...rest] = args.words;
  if (!channel || !channel.includes(':') || (args.command !== 'subscribe' && rest.length > 0)) return usage(io, `${args.command} needs one channel key such as slack:C0123456789.`);
  const target = { platform: channel.split(':')[0] ?? '', channel };
  const result =
    args.command === 'preview' ? await commands.preview(target) : args.command === 'subscribe' ? await commands.subscribe(target, rest.join(' ')) : await commands.unsubscribe(target);
  io.stdout.write(`${result.text}\n`);
  return 0;
}

async function listText(store: Store): Promise<string> {
  const subs = await store.subscriptions();
  if (subs.length === 0) return 'No subscriptions yet. Subscribe a channel with /eu-china subscribe, or list Slack channel ids in DIGEST_SLACK_CHANNELS.';
  const last = new Map<string, string>();
  for (const r of await store.digestRecords(10_000)) if (!last.has(r.channel)) last.set(r.channel, `${r.day} ${r.status}`);
  return subs.map((s) => `${s.channel}  ${s.time} ${s.timeZone} ${s.language}  (${s.platform}, since ${s.createdAt.toISOString().slice(0, 10)}; last digest: ${last.get(s.channel) ?? 'none yet'})`).join('\n');
}

function usage(io: CliIo, problem: string): number {
  io.stderr.write(`${problem ? `${problem}\n` : ''}${USAGE}\n`);
  return 2;
}

/** `digest` on `io`: the exit code (1 when a digest failed, 2 for a usage error). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') return usage(io, args);
  if (!['run-due', 'list', 'preview', 'subscribe', 'unsubscribe'].includes(args.command)) return usage(io, args.command ? `Unknown command "${args.command}".` : '');
  const loaded = load(io.env);
  const at = args.at;
  const clock: Clock = at ? { now: () => at } : { now: () => new Date() };
  const logger = createLogger(loaded.config.logLevel, io.stderr);
  // The store `npm start` uses: PostgreSQL at DATABASE_URL, or SQLite in DATA_DIR (errors name the variable).
  const store = await openConfiguredStore(loaded.config, clock, logger);
  try {
    return await execute(args, store, clock, loaded, io);
  } finally {
    await store.close();
  }
}

runCli('digest', main, import.meta.url);
