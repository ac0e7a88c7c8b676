/**
 * Mentions and DMs: `app_mention` in channels (answered in a thread under the question) and
 * `message.im` (answered in the DM). Everything the bot must ignore is decided by `toQuestion`,
 * so this file only wires Slack to the core and back. The digest commands work here too
 * (`@EU-China bot subscribe 08:30`): the confirmation goes to the thread, for the channel to see,
 * but a preview only to the person who asked.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { digestReply } from './digestReply.js';
import { intentOf, replyTo } from './reply.js';
import { postPrivately, postReply, type WebClient } from './send.js';
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

/** Answers one mention, DM or assistant-thread message (ignoring what `toQuestion` rejects). */
export async function answerMessage(deps: ListenerDeps, client: WebClient, event: SlackMessageEvent, self: SlackSelf): Promise<void> {
  const question = toQuestion(event, self);
  if (!question) return;
  const target = replyTarget(event);
  const command = await digestReply(deps, event.channel, question.text);
  if (command?.preview && event.type === 'app_mention' && event.user) {
    await postPrivately(deps.logger, client, target, event.user, command.message);
    return;
  }
  // A thread or DM is a conversation: "why?" and "2" are read against the bot's previous reply there.
  const followUp = !command && deps.followUps && intentOf(question.text).kind === 'ask' ? await deps.followUps.reply(question) : undefined;
  const reply = command?.message ?? replyTo(deps.bot, question, { ephemeral: false, command: false }, followUp?.answer);
  await postReply(deps.logger, client, target, reply);
}
