/**
 * `/eu-china <question> | help | topics | source | subscribe | unsubscribe | digest`. Slack gives
 * a command 3 seconds, so the request is acknowledged first (empty, which shows nothing) and the
 * reply goes to the command's `response_url` as an ephemeral message; answers and views get a
 * "Share in channel" button. The digest commands run first: their words are not questions.
 */
import type { App } from '@slack/bolt';
import type { SlackMessage } from './blocks.js';
import type { ListenerDeps } from './deps.js';
import { APOLOGY, deliver } from './deliver.js';
import { digestReply } from './digestReply.js';
import { COMMAND } from './render.js';
import { replyTo } from './reply.js';
import { commandToQuestion, slackToPlain, type SlackCommandPayload } from './toQuestion.js';
import { renderView } from './views.js';

/** Registers the slash command listener for `name` (the manifest's command, `/eu-china`). */
export function registerCommand(app: App, deps: ListenerDeps, name: string = COMMAND): void {
  app.command(name, async ({ command, ack, respond, client }) => {
    await ack();
    const reply = await commandReply(deps, command);
    await deliver(deps.logger, {
      what: 'response_url',
      fields: { command: command.command, channel: command.channel_id },
      send: () => respond({ response_type: 'ephemeral', ...reply }),
      apologize: () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: APOLOGY }),
    });
  });
}

async function commandReply(deps: ListenerDeps, command: SlackCommandPayload): Promise<SlackMessage> {
  const digest = await digestReply(deps, command.channel_id, slackToPlain(command.text));
  if (digest) return digest.message;
  const question = commandToQuestion(command);
  return question ? replyTo(deps.bot, question, { ephemeral: true, command: true }) : renderView(deps.bot, 'help', { share: true });
}
