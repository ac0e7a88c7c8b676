/**
 * Slack's agent messaging experience (the app's own pane with a Messages tab): Bolt's
 * `Assistant`. A new thread gets suggested prompts drawn from the topics' example questions; a
 * message in the thread is answered exactly like a DM (`answerMessage`), so the conversation key
 * is the assistant thread's (`slack:D…:<thread_ts>`) and follow-ups work there too.
 * Traps avoided: Bolt's default thread-context store reads and rewrites the thread
 * (`conversations.replies`, `chat.update`), which would need scopes the bot has no other use
 * for; the bot never reads the channel the user is viewing, so the context is neither fetched
 * nor saved. Bolt routes every DM thread reply here (assistant or not), which is why the answer
 * path is the DM one: workspaces without the feature see no change.
 */
import { Assistant, type App } from '@slack/bolt';
import type { Bot } from '../../core/bot.js';
import type { ListenerDeps } from './deps.js';
import { deliver } from './deliver.js';
import { answerMessage } from './events.js';
import { truncate } from './mrkdwn.js';

/** Slack shows at most 4 suggested prompts. */
const MAX_PROMPTS = 4;
/** Prompt titles are short labels; the message is the whole question. */
const MAX_PROMPT_TITLE = 75;

export interface SuggestedPrompt {
  readonly title: string;
  readonly message: string;
}

/** One example question from each of the first topics, as suggested prompts. Pure. */
export function suggestedPrompts(bot: Bot): SuggestedPrompt[] {
  return bot
    .topics(1)
    .flatMap((t) => t.examples.slice(0, 1))
    .slice(0, MAX_PROMPTS)
    .map((e) => ({ title: truncate(e.question, MAX_PROMPT_TITLE), message: e.question }));
}

/** Registers the assistant listeners; call before `registerMessages` (Bolt runs it as global middleware). */
export function registerAssistant(app: App, deps: ListenerDeps): void {
  app.assistant(
    new Assistant({
      threadContextStore: { get: async () => ({}), save: async () => undefined },
      threadStarted: async ({ event, setSuggestedPrompts }) => {
        await deliver(deps.logger, {
          what: 'assistant.threads.setSuggestedPrompts',
          fields: { channel: event.assistant_thread.channel_id },
          send: () => setSuggestedPrompts({ title: 'Ask about the paper, for example:', prompts: suggestedPrompts(deps.bot) }),
        });
      },
      // The bot answers from the paper only; which channel the user is viewing changes nothing.
      threadContextChanged: async () => undefined,
      userMessage: async ({ message, context, client }) => {
        await answerMessage(deps, client, message, { userId: context.botUserId, botId: context.botId });
      },
    }),
  );
}
