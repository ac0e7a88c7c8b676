/**
 * Which reply a piece of text gets, the same for the slash command, mentions and DMs: the words
 * `help`, `topics` and `source` open the static views (the core's decline tells people to ask
 * for "topics", so that must work everywhere), anything else goes to the core. Pure.
 */
import type { Bot } from '../../core/bot.js';
import type { Answer, Question } from '../../core/types.js';
import type { ViewName } from './actionIds.js';
import type { SlackMessage } from './blocks.js';
import { safeMrkdwn, truncate } from './mrkdwn.js';
import { COMMAND, renderAnswer, shareValueOf } from './render.js';
import { renderView } from './views.js';

export type Intent =
  | { readonly kind: 'view'; readonly view: ViewName }
  | { readonly kind: 'ask'; readonly singleWord: boolean };

const VIEWS: Readonly<Record<string, ViewName>> = {
  help: 'help',
  '?': 'help',
  '-h': 'help',
  '--help': 'help',
  usage: 'help',
  topics: 'topics',
  topic: 'topics',
  list: 'topics',
  source: 'source',
  paper: 'source',
};

/** What `text` asks for: a static view or a question for the core. Empty text means help. */
export function intentOf(text: string): Intent {
  const word = text.trim().toLowerCase().replace(/^\//, '').replace(/[.!]+$/, '');
  if (word === '') return { kind: 'view', view: 'help' };
  const view = VIEWS[word];
  if (view) return { kind: 'view', view };
  const singleWord = !/\s/.test(word);
  if (singleWord && word.startsWith('-')) return { kind: 'view', view: 'help' };
  return { kind: 'ask', singleWord };
}

export interface ReplyOptions {
  /** Slash-command replies: ephemeral, so they get a "Share in channel" button. */
  readonly ephemeral: boolean;
  /** From the slash command: a single unknown word that the core cannot answer gets help. */
  readonly command: boolean;
}

/** The reply for one question; `answered` is the core's answer when the caller already has it (follow-ups). */
export function replyTo(bot: Bot, question: Question, options: ReplyOptions, answered?: Answer): SlackMessage {
  const intent = intentOf(question.text);
  if (intent.kind === 'view') return renderView(bot, intent.view, { share: options.ephemeral });
  const answer = answered ?? bot.ask(question);
  if (options.command && intent.singleWord && answer.decision === 'decline') {
    // Inside a code span the user's own backtick would close it and let the rest format.
    const note = `I don't know \`${COMMAND} ${safeMrkdwn(truncate(question.text.replace(/`/g, "'"), 100))}\`; here is what I can do.`;
    return renderView(bot, 'help', { note });
  }
  return renderAnswer(answer, options.ephemeral ? { share: shareValueOf(answer) } : { nativeFeedback: true });
}
