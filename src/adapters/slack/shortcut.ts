/**
 * The message shortcut "Ask the paper about this": the text of the message it was used on is
 * the question, answered only to the person who asked (an ephemeral reply through the
 * shortcut's `response_url`, with a Share button, as the slash command does). When that reply
 * cannot be delivered (an expired `response_url`), the answer goes to the person's DM with the
 * bot instead (posting to a user id needs `chat:write` only, no `im:write`): private either way.
 */
import type { App, MessageShortcut } from '@slack/bolt';
import type { Question } from '../../core/types.js';
import type { SlackMessage } from './blocks.js';
import type { ListenerDeps } from './deps.js';
import { deliver } from './deliver.js';
import { notice } from './render.js';
import { replyTo } from './reply.js';
import { postReply } from './send.js';
import { slackToPlain } from './toQuestion.js';

/** The shortcut's callback id, as in the manifest. */
export const ASK_SHORTCUT = 'ask_about_message';

const NO_TEXT = 'That message has no text I can read. Use `/eu-china` to ask me a question.';

/** The question in the message a shortcut was used on, or undefined when it has no text. Pure. */
export function shortcutToQuestion(shortcut: Pick<MessageShortcut, 'message' | 'user' | 'channel'>): Question | undefined {
  const raw: unknown = shortcut.message.text;
  const text = typeof raw === 'string' ? slackToPlain(raw) : '';
  if (text === '') return undefined;
  return { text, asker: { platform: 'slack', id: shortcut.user.id }, conversation: `slack:${shortcut.channel.id}:${shortcut.message.ts}` };
}

/** Registers the message shortcut listener. */
export function registerShortcut(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ callback_id: ASK_SHORTCUT, type: 'message_action' }, async ({ shortcut, ack, respond, client }) => {
    await ack();
    const question = shortcutToQuestion(shortcut);
    const answer = (ephemeral: boolean): SlackMessage => (question ? replyTo(deps.bot, question, { ephemeral, command: false }) : notice(NO_TEXT));
    const fields = { shortcut: ASK_SHORTCUT, channel: shortcut.channel.id };
    const sent = await deliver(deps.logger, { what: 'response_url', fields, send: () => respond({ response_type: 'ephemeral', ...answer(true) }) });
    // A DM is already private, so the fallback has no Share button (it would share into the DM).
    if (!sent) await postReply(deps.logger, client, { channel: shortcut.user.id }, answer(false));
  });
}
