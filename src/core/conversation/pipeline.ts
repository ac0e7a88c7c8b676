/**
 * The conversation pipeline: what one message or one click does, once for every platform. An
 * adapter binds it to its platform (`surface`) and hands it plain inbound data; the pipeline
 * drops a delivery it has already handled (the DeliveryLog port), reads the command vocabulary,
 * runs the digest commands with one error policy (log once with context, reply with an apology,
 * never confirm a write that failed), answers questions in their conversation's context, logs
 * each question once (the store pseudonymises the asker) and records feedback.
 */
import type { Bot, TopicSummary } from '../bot.js';
import { createDigestCommands, type DigestCommands, type SubscribeDefaults } from '../digest/commands.js';
import { questionRecord } from '../digest/questionLog.js';
import { isFirstDelivery, memoryDeliveryLog } from '../deliveryLog.js';
import { alreadyReported, BotError } from '../errors.js';
import { fill, LABELS } from '../lang/labels.js';
import { languageOf, type Language } from '../lang/languages.js';
import { NO_METRICS, type Metrics } from '../metrics.js';
import { loggingFeedbackSink, type Clock, type FeedbackSink, type Logger } from '../ports.js';
import type { DeliveryLog, DigestLedger, QuestionLog, RotationStore, SubscriptionStore } from '../store.js';
import { parseEntryValue, type Answer, type Question, type Source } from '../types.js';
import type { PlatformProfile } from './adapter.js';
import { helpText, parseCommand, type Command, type Help, type ViewName } from './commands.js';
import { createConversations, type Conversations } from './conversations.js';
import type { ContextStore } from './followUp.js';
import type { InboundAction, InboundMessage, Origin, Reply } from './inbound.js';

export interface PipelineDeps {
  readonly bot: Bot;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Delivery ids already handled (the Store, so a redelivery after a restart is dropped); in memory by default. */
  readonly deliveries?: DeliveryLog;
  /** Conversation contexts for follow-ups (the Store); without it each message stands alone. */
  readonly contexts?: ContextStore;
  /** Where questions are logged (the Store); nothing is logged without it. */
  readonly questions?: QuestionLog;
  /** Where feedback goes (the Store); logged only by default. */
  readonly feedback?: FeedbackSink;
  /** The digest's store and DIGEST_TIME / DIGEST_TZ; without it `subscribe`, `unsubscribe` and `digest` are questions. */
  readonly digest?: { readonly store: SubscriptionStore & DigestLedger & RotationStore & QuestionLog; readonly defaults: SubscribeDefaults };
  /** Where questions, latencies, deliveries and dedupe hits are counted; nowhere by default. */
  readonly metrics?: Metrics;
}

/** The pipeline as one platform's adapter sees it. */
export interface Surface {
  readonly profile: PlatformProfile;
  /** The reply to one message; undefined for a redelivery, which gets no reply at all. */
  handle(message: InboundMessage): Promise<Reply | undefined>;
  /** The reply to one click; undefined for a redelivery. */
  act(action: InboundAction): Promise<Reply | undefined>;
  /** True the first time `key` is seen: for deliveries that are no message (an install, a Home tab opened). */
  firstDelivery(key: string): Promise<boolean>;
  /** The adapter's word on one reply: handed to the platform (`ok`) or lost after retries; counted, nothing else. */
  delivered(ok: boolean): void;
  /** A search box's results: the match and its related entries, or the "did you mean" ones; one per topic for ''. Not logged. In the searcher's `locale`'s language. */
  search(text: string, max: number, locale?: string): Answer[];
  /** The help in `language` (default English): for surfaces without a question, the platform locale's language. */
  help(language?: Language): Help;
  topics(examplesPerTopic?: number, language?: Language): TopicSummary[];
  source(): Source;
  about(language?: Language): string;
}

export interface Pipeline {
  /** The pipeline bound to one platform. */
  surface(profile: PlatformProfile): Surface;
}

/** The English notices (the other languages' are in lang/labels.ts). */
export const DIGEST_FAILED = LABELS.en.digestFailed;
export const FEEDBACK_FAILED = LABELS.en.feedbackFailed;
export const THANKS_HELPFUL = LABELS.en.thanksHelpful;
export const THANKS_NOT_HELPFUL = LABELS.en.thanksNotHelpful;

/** Builds the pipeline over the given ports. */
export function createPipeline(deps: PipelineDeps): Pipeline {
  const profiles = new Map<string, PlatformProfile>();
  const deliveries = deps.deliveries ?? memoryDeliveryLog({ clock: deps.clock });
  const conversations = deps.contexts ? createConversations({ bot: deps.bot, contexts: deps.contexts, clock: deps.clock, logger: deps.logger }) : undefined;
  const digest = deps.digest
    ? createDigestCommands({
        bot: deps.bot,
        store: deps.digest.store,
        clock: deps.clock,
        defaults: deps.digest.defaults,
        command: (platform, words) => profiles.get(platform)?.command(words) ?? words,
      })
    : undefined;
  const shared: Shared = { ...deps, deliveries, feedback: deps.feedback ?? loggingFeedbackSink(deps.logger), conversations, digest, metrics: deps.metrics ?? NO_METRICS };
  return {
    surface(profile) {
      profiles.set(profile.platform, profile);
      return createSurface(shared, profile);
    },
  };
}

interface Shared extends Omit<PipelineDeps, 'digest'> {
  readonly deliveries: DeliveryLog;
  readonly feedback: FeedbackSink;
  readonly conversations: Conversations | undefined;
  readonly digest: DigestCommands | undefined;
  readonly metrics: Metrics;
}

function createSurface(deps: Shared, profile: PlatformProfile): Surface {
  const { bot } = deps;
  const first = async (key: string): Promise<boolean> => {
    const isNew = await isFirstDelivery(deps.deliveries, key, deps.logger);
    if (!isNew) {
      deps.logger.debug('duplicate delivery ignored', { platform: profile.platform });
      deps.metrics.dedupeHit(profile.platform);
    }
    return isNew;
  };
  const fresh = async (origin: Origin): Promise<boolean> => origin.delivery === undefined || first(origin.delivery);
  const help = (language: Language = 'en'): Help => helpText(bot.about(language), deps.digest !== undefined, language);
  return {
    profile,
    handle: async (message) => {
      const started = performance.now();
      return (await fresh(message)) ? onMessage(deps, profile, message, help, started) : undefined;
    },
    act: async (action) => ((await fresh(action)) ? onAction(deps, profile, action, help) : undefined),
    firstDelivery: first,
    delivered: (ok) => deps.metrics.delivery(profile.platform, ok),
    search: (text, max, locale) => searchEntries(bot, text, max, locale),
    help,
    topics: (n = 3, language = 'en') => bot.topics(n, language),
    source: () => bot.source(),
    about: (language = 'en') => bot.about(language),
  };
}

type HelpIn = (language?: Language) => Help;

function view(deps: Shared, name: ViewName, help: HelpIn, language: Language = 'en'): Reply {
  if (name === 'topics') return { kind: 'topics', topics: deps.bot.topics(3, language), language };
  if (name === 'source') return { kind: 'source', source: deps.bot.source(), language };
  return { kind: 'help', help: help(language) };
}

/** One message; `started` is `performance.now()` when it reached the pipeline, for the answer latency. */
async function onMessage(deps: Shared, profile: PlatformProfile, message: InboundMessage, help: HelpIn, started: number): Promise<Reply> {
  const command = parseCommand(message.text);
  switch (command.kind) {
    case 'view':
      return view(deps, command.view, help, command.language ?? languageOf(message.locale));
    case 'unknown':
      return { kind: 'help', help: help(languageOf(message.locale)), unknownCommand: command.word };
    case 'ask':
      return ask(deps, profile, message, command, help, started);
    default:
      return deps.digest && message.channel !== undefined
        ? digestCommand(deps, deps.digest, profile, { ...message, channel: message.channel }, command)
        : ask(deps, profile, message, { kind: 'ask', text: message.text, singleWord: false }, help, started);
  }
}

async function ask(deps: Shared, profile: PlatformProfile, message: InboundMessage, command: Extract<Command, { kind: 'ask' }>, help: HelpIn, started: number): Promise<Reply> {
  const question: Question = {
    text: command.text,
    ...(message.asker !== undefined ? { asker: { platform: profile.platform, id: message.asker } } : {}),
    ...(message.conversation !== undefined ? { conversation: message.conversation } : {}),
    ...(message.locale !== undefined ? { locale: message.locale } : {}),
  };
  const reply = deps.conversations && message.conversation !== undefined ? await deps.conversations.reply(question) : { answer: deps.bot.ask(question), followUp: false };
  logQuestion(deps, profile, question, reply.answer, message.channel);
  const { decision, language = 'en' } = reply.answer;
  deps.metrics.question({ platform: profile.platform, decision, language, seconds: (performance.now() - started) / 1000 });
  // On a command surface a single word the paper knows nothing about is a mistyped command.
  if (message.place === 'command' && command.singleWord && reply.answer.decision === 'decline') return { kind: 'help', help: help(reply.answer.language), unknownCommand: command.text };
  return { kind: 'answer', ...reply };
}

/**
 * Fire-and-forget: an answer never waits for, or fails with, the log; a failed write is logged
 * (here, unless the store's queue already logged it: it logs a failing database once, not per question).
 */
function logQuestion(deps: Shared, profile: PlatformProfile, question: Question, answer: Answer, channel: string | undefined): void {
  deps.questions?.logQuestion(questionRecord(question, answer, deps.clock.now(), channel)).catch((error: unknown) => {
    if (!alreadyReported(error)) deps.logger.warn('question log: write failed; the answer was sent anyway', { platform: profile.platform, channel, error });
  });
}

type DigestCommand = Extract<Command, { kind: 'subscribe' | 'unsubscribe' | 'digest' }>;

async function digestCommand(deps: Shared, digest: DigestCommands, profile: PlatformProfile, message: InboundMessage & { channel: string }, command: DigestCommand): Promise<Reply> {
  const target = { platform: profile.platform, channel: message.channel, ...(message.workspace ? { workspace: message.workspace } : {}) };
  try {
    if (command.kind === 'digest') {
      const preview = await digest.preview(target);
      return preview.digest ? { kind: 'digest', digest: preview.digest, text: preview.text } : { kind: 'notice', text: preview.text, failed: false };
    }
    if (command.kind === 'unsubscribe') return { kind: 'notice', text: (await digest.unsubscribe(target)).text, failed: false };
    await message.beforeSubscribe?.();
    return { kind: 'notice', text: (await digest.subscribe(target, command.args)).text, failed: false };
  } catch (error) {
    deps.logger.error('digest command failed', { platform: profile.platform, channel: target.channel, command: command.kind, code: codeOf(error), error });
    return { kind: 'notice', text: LABELS[languageOf(message.locale) ?? 'en'].digestFailed, failed: true };
  }
}

async function onAction(deps: Shared, profile: PlatformProfile, inbound: InboundAction, help: HelpIn): Promise<Reply> {
  const { action } = inbound;
  switch (action.kind) {
    case 'view':
      return view(deps, action.view, help, action.language ?? languageOf(inbound.locale));
    case 'again':
      return { kind: 'answer', answer: deps.bot.ask(action.text), followUp: false };
    case 'entry': {
      const { id, language } = parseEntryValue(action.entryId);
      const answer = deps.bot.answerEntry(id, language);
      if (answer) return { kind: 'answer', answer, followUp: false };
      deps.logger.warn('button for an unknown entry', { platform: profile.platform, entryId: action.entryId });
      const l = LABELS[language];
      return { kind: 'notice', text: fill(l.unknownEntry, { command: profile.command(l.wordTopics) }), failed: false };
    }
    case 'feedback':
      return feedback(deps, profile, inbound, action);
  }
}

/** Records feedback on the entry a button names (`fr:paper-author`: thanked in French), and says so, or that it failed. */
async function feedback(deps: Shared, profile: PlatformProfile, inbound: InboundAction, action: Extract<InboundAction['action'], { kind: 'feedback' }>): Promise<Reply> {
  const { id: entryId, language } = parseEntryValue(action.entryId);
  const l = LABELS[language !== 'en' ? language : (languageOf(inbound.locale) ?? 'en')];
  try {
    const comment = action.comment !== undefined ? { comment: action.comment } : {};
    await deps.feedback.record({ platform: profile.platform, userId: inbound.asker ?? '', entryId, helpful: action.helpful, ...comment });
    return { kind: 'notice', text: action.helpful ? l.thanksHelpful : l.thanksNotHelpful, failed: false };
  } catch (error) {
    deps.logger.error('feedback not recorded', { platform: profile.platform, entryId, helpful: action.helpful, code: codeOf(error), error });
    return { kind: 'notice', text: l.feedbackFailed, failed: true };
  }
}

const codeOf = (error: unknown): string | undefined => (error instanceof BotError ? error.code : undefined);

/**
 * Entries for `text`: the match and its related entries, or the "did you mean" ones; one per topic
 * for ''. Written in the searcher's language (`locale`, Teams' `activity.locale`), else the text's.
 */
export function searchEntries(bot: Bot, text: string, max: number, locale?: string): Answer[] {
  let ids: string[];
  let language = languageOf(locale);
  if (text === '') {
    ids = bot.topics(1).flatMap((t) => t.examples.map((e) => e.id));
  } else {
    const a = bot.ask(locale !== undefined ? { text, locale } : text);
    ids = a.decision === 'answer' && a.entry ? [a.entry.id, ...a.related.map((r) => r.id)] : a.suggestions.map((s) => s.id);
    language ??= a.language;
  }
  return [...new Set(ids)].slice(0, max).flatMap((id) => {
    const answer = bot.answerEntry(id, language ?? 'en');
    return answer ? [answer] : [];
  });
}
