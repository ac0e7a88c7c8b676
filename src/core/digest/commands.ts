/**
 * The digest commands, platform-free: `subscribe [HH:MM] [zone] [language]`, `unsubscribe` and `digest`
 * (today's digest, shown privately). They return plain text (plus the Digest for a preview) that
 * an adapter shows however it shows replies; invalid input gets a message with an example typed
 * the way that platform types commands (`command`, given by the platform's adapter).
 */
import type { Bot } from '../bot.js';
import type { Clock } from '../ports.js';
import type { DigestLedger, QuestionLog, RotationStore, SubscriptionStore } from '../store.js';
import type { Language } from '../lang/languages.js';
import { composeDigest, type Digest } from './compose.js';
import { digestLanguage, languageLabel } from './language.js';
import { renderDigestText } from './render-text.js';
import type { DigestTarget } from './sink.js';
import { canonicalTimeZone, localDateTime, parseTime, zonedTimeToUtc } from './time.js';

/** Used when `subscribe` omits the time, the zone or the language (DIGEST_TIME, DIGEST_TZ, DIGEST_LANGUAGE). */
export interface SubscribeDefaults {
  readonly time: string;
  readonly timeZone: string;
  /** Default English. */
  readonly language?: Language;
}

export type SubscribeRequest =
  | { readonly ok: true; readonly time: string; readonly timeZone: string; readonly language: Language }
  | { readonly ok: false; readonly message: string };

interface Parsed {
  time?: string;
  timeZone?: string;
  language?: Language;
}

/** Parses `[HH:MM] [IANA zone] [en|fr|de]` (any order, all optional); `command` is how the user types subscribe. */
export function parseSubscribe(args: string, defaults: SubscribeDefaults, command = 'subscribe'): SubscribeRequest {
  const example = `e.g. ${command} 08:30 Europe/Paris`;
  const words = args.trim().split(/\s+/).filter((w) => w !== '');
  const parsed: Parsed = {};
  for (const word of words) {
    const problem = parseWord(word, parsed, example);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, time: parsed.time ?? defaults.time, timeZone: parsed.timeZone ?? defaults.timeZone, language: parsed.language ?? defaults.language ?? 'en' };
}

/** Reads one word into `parsed`; the message for a bad or repeated one. */
function parseWord(word: string, parsed: Parsed, example: string): string | undefined {
  if (/^\d/.test(word)) {
    if (parsed.time) return `Give one time only, ${example}`;
    parsed.time = parseTime(word);
    return parsed.time ? undefined : `Invalid time "${word}". Use HH:MM, ${example}`;
  }
  const language = digestLanguage(word);
  if (language) {
    if (parsed.language) return `Give one language only (en, fr or de), ${example} fr`;
    parsed.language = language;
    return undefined;
  }
  if (parsed.timeZone) return `Give one time zone only, ${example}`;
  parsed.timeZone = canonicalTimeZone(word);
  return parsed.timeZone ? undefined : `Unknown time zone "${word}". Use an IANA time zone name, ${example}`;
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
      const language = sub?.language ?? deps.defaults.language ?? 'en';
      const day = localDateTime(deps.clock.now(), timeZone).day;
      const digest = await composeDigest(deps, { channel: target.channel, timeZone, day, language });
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
  const { created, subscription } = await deps.store.subscribe({
    platform: target.platform,
    channel: target.channel,
    time: request.time,
    timeZone: request.timeZone,
    language: request.language,
    ...(target.workspace ? { workspace: target.workspace } : {}),
  });
  const now = deps.clock.now();
  const today = localDateTime(now, subscription.timeZone).day;
  const sentToday = (await deps.store.digestRecord(target.channel, today))?.status === 'sent';
  const slot = zonedTimeToUtc(today, subscription.time, subscription.timeZone);
  const first = !sentToday && slot.getTime() >= now.getTime() ? 'today' : 'tomorrow';
  return {
    text:
      `${created ? 'Subscribed' : 'Updated'}: the EU-China digest will be posted here every day at ${subscription.time} ` +
      `(${subscription.timeZone}) in ${languageLabel(subscription.language)}, from ${first}. See today's with ${command('digest')}; stop with ${command('unsubscribe')}.`,
  };
}
