/**
 * Slack's surfaces, each translated to the core and back: mentions (answered in a thread under
 * the question) and DMs, the assistant pane (a message there is a DM), `/eu-china` (acknowledged
 * at once, answered privately through `response_url` with a Share button), the message shortcut
 * "Ask the paper about this" (private too; to the person's DM when `response_url` has expired)
 * and the App Home tab. Each listener only does inbound -> surface -> render -> send; what the
 * reply is, is the pipeline's.
 */
import { Assistant, type App, type MessageShortcut } from '@slack/bolt';
import type { TopicSummary } from '../../core/bot.js';
import type { Surface } from '../../core/conversation/pipeline.js';
import { fill, LABELS } from '../../core/lang/labels.js';
import { languageOf, type Language } from '../../core/lang/languages.js';
import type { Logger } from '../../core/ports.js';
import { capBlocks, divider, header, LIMITS, type KnownBlock } from './blocks.js';
import { deliver } from './deliver.js';
import { commandToInbound, replyTarget, shortcutToInbound, toInbound, type SlackMessageEvent, type SlackSelf } from './inbound.js';
import type { LocaleLookup } from './locale.js';
import { truncate } from './mrkdwn.js';
import { COMMAND, notice } from './render.js';
import { renderReply, replyLanguage } from './reply.js';
import { SLACK_STRINGS } from './strings.js';
import { postPrivately, postReply, type WebClient } from './send.js';
import { helpBlocks, sourceBlocks, topicsBlocks } from './views.js';

/** What every listener needs; built once in app.ts. */
export interface ListenerDeps {
  readonly surface: Surface;
  readonly logger: Logger;
  /** The asker's Slack locale, the language hint for questions whose words cannot tell (locale.ts). */
  readonly locale?: LocaleLookup;
}

/** Registers every listener but the buttons (actions.ts); the assistant first (Bolt runs it as global middleware). */
export function registerListeners(app: App, deps: ListenerDeps): void {
  registerAssistant(app, deps);
  app.event('app_mention', async ({ event, context, client }) => answerMessage(deps, client, event, { userId: context.botUserId, botId: context.botId }, context.teamId));
  app.message(async ({ message, context, client }) => answerMessage(deps, client, message, { userId: context.botUserId, botId: context.botId }, context.teamId));
  registerCommand(app, deps);
  registerShortcut(app, deps);
  registerHome(app, deps);
}

/** The user's Slack locale (users.info), when the lookup is wired and answers in time. */
async function localeOf(deps: ListenerDeps, client: WebClient, userId: string | undefined): Promise<string | undefined> {
  return userId !== undefined && deps.locale ? deps.locale(client, userId) : undefined;
}

/** A surface without a question (App Home, prompts, a message with no text) speaks the user's Slack locale, else English. */
async function languageFor(deps: ListenerDeps, client: WebClient, userId: string | undefined): Promise<Language> {
  return languageOf(await localeOf(deps, client, userId)) ?? 'en';
}

/** Answers one mention, DM or assistant-thread message; a digest preview asked by mention goes to the asker only. */
export async function answerMessage(deps: ListenerDeps, client: WebClient, event: SlackMessageEvent, self: SlackSelf, teamId?: string): Promise<void> {
  const message = toInbound(event, self);
  const inbound = message && teamId ? { ...message, workspace: teamId } : message;
  const locale = await localeOf(deps, client, inbound?.asker);
  const reply = inbound && (await deps.surface.handle(locale ? { ...inbound, locale } : inbound));
  if (!reply) return;
  const target = replyTarget(event);
  if (reply.kind === 'digest' && event.type === 'app_mention' && event.user) {
    await postPrivately(deps, client, target, event.user, renderReply(reply, { ephemeral: true }));
    return;
  }
  await postReply(deps, client, target, renderReply(reply, { ephemeral: false }), replyLanguage(reply));
}

/** Slack shows at most 4 suggested prompts; their titles are short labels, the message the whole question. */
const MAX_PROMPTS = 4;
const MAX_PROMPT_TITLE = 75;

export interface SuggestedPrompt {
  readonly title: string;
  readonly message: string;
}

/** One example question from each of the first topics (in the language they were asked for), as suggested prompts. Pure. */
export function suggestedPrompts(topics: readonly TopicSummary[]): SuggestedPrompt[] {
  return topics
    .flatMap((t) => t.examples.slice(0, 1))
    .slice(0, MAX_PROMPTS)
    .map((e) => ({ title: truncate(e.question, MAX_PROMPT_TITLE), message: e.question }));
}

/**
 * Slack's agent pane (Bolt's `Assistant`): a new thread gets suggested prompts, a message is a DM.
 * Bolt's default thread-context store reads and rewrites the thread (`conversations.replies`,
 * `chat.update`), which would need scopes the bot has no other use for, and the bot never reads
 * the channel the user is viewing: so the context is neither fetched nor saved.
 */
function registerAssistant(app: App, deps: ListenerDeps): void {
  app.assistant(
    new Assistant({
      threadContextStore: { get: async () => ({}), save: async () => undefined },
      threadStarted: async ({ event, setSuggestedPrompts, client }) => {
        const language = await languageFor(deps, client, event.assistant_thread.user_id);
        await deliver(deps, {
          what: 'assistant.threads.setSuggestedPrompts',
          fields: { channel: event.assistant_thread.channel_id },
          send: () => setSuggestedPrompts({ title: SLACK_STRINGS[language].promptsTitle, prompts: suggestedPrompts(deps.surface.topics(1, language)) }),
        });
      },
      threadContextChanged: async () => undefined,
      userMessage: async ({ message, context, client }) => answerMessage(deps, client, message, { userId: context.botUserId, botId: context.botId }, context.teamId),
    }),
  );
}

/** `/eu-china …`: Slack gives a command 3 seconds, so it is acknowledged (empty) first. */
function registerCommand(app: App, deps: ListenerDeps, name: string = COMMAND): void {
  app.command(name, async ({ command, ack, respond, client }) => {
    await ack();
    const inbound = commandToInbound(command);
    const locale = await localeOf(deps, client, command.user_id);
    const reply = await deps.surface.handle(locale ? { ...inbound, locale } : inbound);
    if (!reply) return;
    const message = renderReply(reply, { ephemeral: true, command: true });
    const apology = LABELS[replyLanguage(reply)].sendFailed;
    await deliver(deps, {
      what: 'response_url',
      fields: { command: command.command, channel: command.channel_id },
      send: () => respond({ response_type: 'ephemeral', ...message }),
      apologize: () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: apology }),
    });
  });
}

/** The shortcut's callback id, as in the manifest. */
export const ASK_SHORTCUT = 'ask_about_message';

function registerShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: ASK_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, respond, client }) => {
    await ack();
    const inbound = shortcutToInbound(shortcut);
    const locale = await localeOf(deps, client, shortcut.user.id);
    const reply = inbound && (await deps.surface.handle(locale ? { ...inbound, locale } : inbound));
    const noText = fill(SLACK_STRINGS[languageOf(locale) ?? 'en'].noText, { command: COMMAND });
    const answer = (ephemeral: boolean) => (reply ? renderReply(reply, { ephemeral }) : notice(noText));
    const fields = { shortcut: ASK_SHORTCUT, channel: shortcut.channel.id };
    const sent = await deliver(deps, { what: 'response_url', fields, send: () => respond({ response_type: 'ephemeral', ...answer(true) }) });
    // A DM is already private, so the fallback has no Share button (it would share into the DM).
    if (!sent) await postReply(deps, client, { channel: shortcut.user.id }, answer(false));
  });
}

/** A Home tab view (a `views.publish` view of type `home`). */
export interface HomeTab {
  readonly type: 'home';
  readonly blocks: KnownBlock[];
}

/** The Home tab in `language`: what the bot is, how to use it, the topics and the paper. Pure. */
export function homeView(surface: Pick<Surface, 'help' | 'topics' | 'source'>, language: Language = 'en'): HomeTab {
  const l = LABELS[language];
  const blocks = [
    header(l.botName),
    ...helpBlocks(surface.help(language)),
    divider(),
    ...topicsBlocks(surface.topics(3, language), language),
    divider(),
    header(l.thePaper),
    ...sourceBlocks(surface.source(), language),
  ];
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.homeBlocks, language) };
}

/** Published each time someone opens the tab (cheap; the knowledge may have changed since the start). */
function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    const language = await languageFor(deps, client, event.user);
    await deliver(deps, {
      what: 'views.publish',
      fields: { event: 'app_home_opened', language },
      send: () => client.views.publish({ user_id: event.user, view: homeView(deps.surface, language) }),
    });
  });
}
