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
import type { Logger } from '../../core/ports.js';
import { capBlocks, divider, header, LIMITS, type KnownBlock } from './blocks.js';
import { APOLOGY, deliver } from './deliver.js';
import { commandToInbound, replyTarget, shortcutToInbound, toInbound, type SlackMessageEvent, type SlackSelf } from './inbound.js';
import type { LocaleLookup } from './locale.js';
import { truncate } from './mrkdwn.js';
import { COMMAND, notice } from './render.js';
import { renderReply } from './reply.js';
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

/** Answers one mention, DM or assistant-thread message; a digest preview asked by mention goes to the asker only. */
export async function answerMessage(deps: ListenerDeps, client: WebClient, event: SlackMessageEvent, self: SlackSelf, teamId?: string): Promise<void> {
  const message = toInbound(event, self);
  const inbound = message && teamId ? { ...message, workspace: teamId } : message;
  const locale = inbound?.asker !== undefined && deps.locale ? await deps.locale(client, inbound.asker) : undefined;
  const reply = inbound && (await deps.surface.handle(locale ? { ...inbound, locale } : inbound));
  if (!reply) return;
  const target = replyTarget(event);
  if (reply.kind === 'digest' && event.type === 'app_mention' && event.user) {
    await postPrivately(deps, client, target, event.user, renderReply(reply, { ephemeral: true }));
    return;
  }
  await postReply(deps, client, target, renderReply(reply, { ephemeral: false }));
}

/** Slack shows at most 4 suggested prompts; their titles are short labels, the message the whole question. */
const MAX_PROMPTS = 4;
const MAX_PROMPT_TITLE = 75;

export interface SuggestedPrompt {
  readonly title: string;
  readonly message: string;
}

/** One example question from each of the first topics, as suggested prompts. Pure. */
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
      threadStarted: async ({ event, setSuggestedPrompts }) => {
        await deliver(deps, {
          what: 'assistant.threads.setSuggestedPrompts',
          fields: { channel: event.assistant_thread.channel_id },
          send: () => setSuggestedPrompts({ title: 'Ask about the paper, for example:', prompts: suggestedPrompts(deps.surface.topics(1)) }),
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
    const reply = await deps.surface.handle(commandToInbound(command));
    if (!reply) return;
    const message = renderReply(reply, { ephemeral: true, command: true });
    await deliver(deps, {
      what: 'response_url',
      fields: { command: command.command, channel: command.channel_id },
      send: () => respond({ response_type: 'ephemeral', ...message }),
      apologize: () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: APOLOGY }),
    });
  });
}

/** The shortcut's callback id, as in the manifest. */
export const ASK_SHORTCUT = 'ask_about_message';
const NO_TEXT = 'That message has no text I can read. Use `/eu-china` to ask me a question.';

function registerShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: ASK_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, respond, client }) => {
    await ack();
    const inbound = shortcutToInbound(shortcut);
    const reply = inbound && (await deps.surface.handle(inbound));
    const answer = (ephemeral: boolean) => (reply ? renderReply(reply, { ephemeral }) : notice(NO_TEXT));
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

/** The Home tab: what the bot is, how to use it, the topics and the paper. Pure. */
export function homeView(surface: Pick<Surface, 'help' | 'topics' | 'source'>): HomeTab {
  const blocks = [header('EU-China bot'), ...helpBlocks(surface.help()), divider(), ...topicsBlocks(surface.topics(3)), divider(), header('The paper'), ...sourceBlocks(surface.source())];
  return { type: 'home', blocks: capBlocks(blocks, LIMITS.homeBlocks) };
}

/** Published each time someone opens the tab (cheap; the knowledge may have changed since the start). */
function registerHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await deliver(deps, {
      what: 'views.publish',
      fields: { event: 'app_home_opened' },
      send: () => client.views.publish({ user_id: event.user, view: homeView(deps.surface) }),
    });
  });
}
