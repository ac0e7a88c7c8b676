/**
 * Mentions and DMs: `app_mention` in channels (answered in a thread under the question) and
 * `message.im` (answered in the DM). Everything the bot must ignore is decided by `toQuestion`,
 * so this file only wires Slack to the core and back.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { replyTo } from './reply.js';
import { postReply, type WebClient } from './send.js';
import { replyTarget, toQuestion, type SlackMessageEvent, type SlackSelf } from './toQuestion.js';

/** Registers the mention and DM listeners. */
export function registerMessages(app: App, deps: ListenerDeps): void {
  app.event('app_mention', async ({ event, context, client }) => {
    await answerMessage(deps, client, event, { userId: context.botUserId, botId: context.botId });
  });
  app.message(async ({ message, context, client }) => {
    await answerMessage(deps, client, message, { userId: context.botUserId, botId: context.botId });
  });
}

async function answerMessage(deps: ListenerDeps, client: WebClient, event: SlackMessageEvent, self: SlackSelf): Promise<void> {
  const question = toQuestion(event, self);
  if (!question) return;
  const reply = replyTo(deps.bot, question, { ephemeral: false, command: false });
  await postReply(deps.logger, client, replyTarget(event), reply);
}
