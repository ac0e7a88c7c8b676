/**
 * The core's `Reply` -> one Block Kit message, pure: the one place that decides how each kind of
 * reply looks on Slack. Where it goes decides two things: an ephemeral reply (the slash command,
 * a shortcut, a click on one) gets a "Share in channel" button and the plain Helpful buttons;
 * a message posted to a conversation gets Slack's own feedback element.
 */
import type { Reply } from '../../core/conversation/inbound.js';
import { fill, LABELS } from '../../core/lang/labels.js';
import type { Language } from '../../core/lang/languages.js';
import type { SlackMessage } from './blocks.js';
import { renderDigest } from './digestBlocks.js';
import { safeMrkdwn, truncate } from './mrkdwn.js';
import { COMMAND, plainNotice, renderAnswer, shareValueOf } from './render.js';
import { SLACK_STRINGS } from './strings.js';
import { renderHelp, renderSource, renderTopics } from './views.js';

export interface ReplyOptions {
  /** Shown only to the person who asked (a slash command's `response_url`): Share button, plain feedback buttons. */
  readonly ephemeral: boolean;
  /** Typed as `/eu-china …`: an unknown word is quoted with the command in front. */
  readonly command?: boolean;
  /** Already-safe mrkdwn shown above the reply, e.g. "Shared by <@U1>". */
  readonly note?: string;
}

/** The message for `reply`. */
export function renderReply(reply: Reply, options: ReplyOptions): SlackMessage {
  const share = options.ephemeral;
  const note = options.note !== undefined ? { note: options.note } : {};
  switch (reply.kind) {
    case 'answer':
      return renderAnswer(reply.answer, { ...note, ...(share ? { share: shareValueOf(reply.answer) } : { nativeFeedback: true }) });
    case 'help':
      return renderHelp(reply.help, { share, ...(reply.unknownCommand !== undefined ? { note: unknownNote(reply.unknownCommand, options.command === true, reply.help.language) } : note) });
    case 'topics':
      return renderTopics(reply.topics, { share, ...note }, reply.language);
    case 'source':
      return renderSource(reply.source, { share, ...note }, reply.language);
    case 'digest':
      return renderDigest(reply.digest, { note: fill(SLACK_STRINGS.en.previewNote, { command: COMMAND }) });
    case 'notice':
      return plainNotice(reply.text);
  }
}

/** "I don't know `/eu-china frobnicate`; …": inside a code span the user's own backtick would close it and let the rest format. */
function unknownNote(word: string, command: boolean, language: Language): string {
  const typed = safeMrkdwn(truncate(word.replace(/`/g, "'"), 100));
  return fill(LABELS[language].unknownCommand, { word: `\`${command ? `${COMMAND} ` : ''}${typed}\`` });
}

/** The language `reply` is written in (English for what the core writes in English only: digests, notices in English). */
export function replyLanguage(reply: Reply): Language {
  switch (reply.kind) {
    case 'answer':
      return reply.answer.language ?? 'en';
    case 'help':
      return reply.help.language;
    case 'topics':
    case 'source':
      return reply.language;
    default:
      return 'en';
  }
}
