/**
 * `/eu-china <question> | help | topics | source`. Slack gives a command 3 seconds, so the
 * request is acknowledged first (empty, which shows nothing) and the reply goes to the
 * command's `response_url` as an ephemeral message with a "Share in channel" button.
 */
import type { App } from '@slack/bolt';
import type { ListenerDeps } from './deps.js';
import { APOLOGY, deliver } from './deliver.js';
import { COMMAND } from './render.js';
import { replyTo } from './reply.js';
import { commandToQuestion } from './toQuestion.js';
import { renderView } from './views.js';

/** Registers the slash command listener for `name` (the manifest's command, `/eu-china`). */
export function registerCommand(app: App, deps: ListenerDeps, name: string = COMMAND): void {
  app.command(name, async ({ command, ack, respond, client }) => {
    await ack();
    const question = commandToQuestion(command);
    const reply = question
      ? replyTo(deps.bot, question, { ephemeral: true, command: true })
      : renderView(deps.bot, 'help', { share: true });
    await deliver(deps.logger, {
      what: 'response_url',
      fields: { command: command.command, channel: command.channel_id },
      send: () => respond({ response_type: 'ephemeral', ...reply }),
      apologize: () => client.chat.postEphemeral({ channel: command.channel_id, user: command.user_id, text: APOLOGY }),
    });
  });
}
