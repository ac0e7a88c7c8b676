/**
 * The digest commands, platform-free: `subscribe [HH:MM] [zone]`, `unsubscribe` and `digest`
 * (today's digest, shown privately). They return plain text (plus the Digest for a preview) that
 * an adapter shows however it shows replies; invalid input gets a message with an example typed
 * the way that platform types commands (`command`, given by the platform's adapter).
 */
import type { Bot } from '../bot.js';
import type { Clock } from '../ports.js';
import type { DigestLedger, QuestionLog, RotationStore, SubscriptionStore } from '../store.js';
import { composeDigest, type Digest } from './compose.js';
import { renderDigestText } from './render-text.js';
import type { DigestTarget } from './sink.js';
import { canonicalTimeZone, localDateTime, parseTime, zonedTimeToUtc } from './time.js';

/** Used when `subscribe` omits the time or the zone (DIGEST_TIME, DIGEST_TZ). */
export interface SubscribeDefaults {
  readonly time: string;
  readonly timeZone: string;
}

export type SubscribeRequest =
  | { readonly ok: true; readonly time: string; readonly timeZone: string }
  | { readonly ok: false; readonly message: string };

/** Parses `[HH:MM] [IANA zone]` (either order, both optional); `command` is how the user types subscribe. */
export function parseSubscribe(args: string, defaults: SubscribeDefaults, command = 'subscribe'): SubscribeRequest {
  const example = `e.g. ${command} 08:30 Europe/Paris`;
  const fail = (message: string): SubscribeRequest => ({ ok: false, message });
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  let time: string | undefined;
  let timeZone: string | undefined;
  for (const word of words) {
    if (/^\d/.test(word)) {
      if (time) return fail(`Give one time only, ${example}`);
      time = parseTime(word);
      if (!time) return fail(`Invalid time "${word}". Use HH:MM, ${example}`);
    } else {
      if (timeZone) return fail(`Give one time zone only, ${example}`);
      timeZone = canonicalTimeZone(word);
      if (!timeZone) return fail(`Unknown time zone "${word}". Use an IANA time zone name, ${example}`);
    }
  }
  return { ok: true, time: time ?? defaults.time, timeZone: timeZone ?? defaults.timeZone };
}

export interface CommandResult {
  /** What to show the user (privately). */
  readonly text: string;
  /** The previewed digest, for adapters that render it richly. */
  readonly digest?: Digest;
}

export interface DigestCommandDeps {
  readonly bot: Bot;
  readonly store: SubscriptionStore & DigestLedger & RotationStore & QuestionLog;
  readonly clock: Clock;
  readonly defaults: SubscribeDefaults;
  /** How people type the command `words` on `platform`, for examples (default: the words alone). */
  readonly command?: (platform: string, words: string) => string;
}

export interface DigestCommands {
  subscribe(target: DigestTarget, args: string): Promise<CommandResult>;
  unsubscribe(target: DigestTarget): Promise<CommandResult>;
  /** Today's digest for the channel, in its time zone (or the default one). */
  preview(target: DigestTarget): Promise<CommandResult>;
  /** Runs `subscribe …`, `unsubscribe` or `digest` (any case); undefined for any other text. */
  handle(target: DigestTarget, text: string): Promise<CommandResult | undefined>;
}

const bareWords = (_platform: string, words: string): string => words;

/** The commands, bound to a store and a clock. */
export function createDigestCommands(deps: DigestCommandDeps): DigestCommands {
  const command = deps.command ?? bareWords;
  const commands: DigestCommands = {
    subscribe: (target, args) => subscribe(deps, target, args, (words) => command(target.platform, words)),
    unsubscribe: async (target) => {
      const removed = await deps.store.unsubscribe(target.channel);
      const again = command(target.platform, 'subscribe');
      return { text: removed ? `Unsubscribed: no more daily digest here. Subscribe again with ${again}.` : `This conversation was not subscribed to the daily digest. Subscribe with ${again}.` };
    },
    preview: async (target) => {
      const sub = await deps.store.subscription(target.channel);
      const timeZone = sub?.timeZone ?? deps.defaults.timeZone;
      const day = localDateTime(deps.clock.now(), timeZone).day;
      const digest = await composeDigest(deps, { channel: target.channel, timeZone, day });
      return { text: renderDigestText(digest), digest };
    },
    handle: async (target, text) => {
      const [word = '', ...rest] = text.trim().split(/\s+/);
      const verb = word.toLowerCase();
      if (verb === 'subscribe') return commands.subscribe(target, rest.join(' '));
      if (verb === 'unsubscribe' && rest.length === 0) return commands.unsubscribe(target);
      if (verb === 'digest' && rest.length === 0) return commands.preview(target);
      return undefined;
    },
  };
  return commands;
}

async function subscribe(deps: DigestCommandDeps, target: DigestTarget, args: string, command: (words: string) => string): Promise<CommandResult> {
  const request = parseSubscribe(args, deps.defaults, command('subscribe'));
  if (!request.ok) return { text: request.message };
  const { created, subscription } = await deps.store.subscribe({ platform: target.platform, channel: target.channel, time: request.time, timeZone: request.timeZone });
  const now = deps.clock.now();
  const today = localDateTime(now, subscription.timeZone).day;
  const sentToday = (await deps.store.digestRecord(target.channel, today))?.status === 'sent';
  const slot = zonedTimeToUtc(today, subscription.time, subscription.timeZone);
  const first = !sentToday && slot.getTime() >= now.getTime() ? 'today' : 'tomorrow';
  return {
    text:
      `${created ? 'Subscribed' : 'Updated'}: the EU-China digest will be posted here every day at ${subscription.time} ` +
      `(${subscription.timeZone}), from ${first}. See today's with ${command('digest')}; stop with ${command('unsubscribe')}.`,
  };
}
