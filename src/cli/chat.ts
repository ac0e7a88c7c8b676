/**
 * The local chat `npm start` opens when no Slack or Teams credentials are set: the same core, in
 * a terminal. With a TTY it prompts; otherwise it answers stdin line by line and exits at the end.
 * A decline right after a decline is one short line: the full text (what the bot covers, how to list
 * the topics) has just been shown, and repeating its three sentences reads as a wall.
 */
import { createInterface } from 'node:readline';
import type { Bot } from '../core/bot.js';
import { memoryContextStore } from '../core/conversation/followUp.js';
import type { Reply } from '../core/conversation/inbound.js';
import { createPipeline, type Surface } from '../core/conversation/pipeline.js';
import { helpTerminal, sourceText, toTerminal, topicsText } from './format.js';
import { CLI_STRINGS } from './strings.js';

export const CONNECT_HINT =
  'No Slack or Teams credentials set: local chat mode. To connect, copy .env.example to .env and set SLACK_BOT_TOKEN (+ SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) or MicrosoftAppId (see README).';

/** The whole local chat is one conversation: "why?" and "2" refer to the previous reply. */
const CHAT = 'cli:chat';

/** What the chat says for a decline that follows a decline (in English; the declines' language picks: CLI_STRINGS). */
export const REPEATED_DECLINE = CLI_STRINGS.en.repeatedDecline;

/** One person's chat: the core's pipeline (contexts in memory, nothing logged) and whether the last reply declined. */
export interface ChatSession {
  readonly surface: Surface;
  declinedLast: boolean;
}

const SILENT = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** A fresh chat session for `bot`. */
export function chatSession(bot: Bot): ChatSession {
  const pipeline = createPipeline({ bot, clock: { now: () => new Date() }, logger: SILENT, contexts: memoryContextStore() });
  return { surface: pipeline.surface({ platform: 'cli', command: (words) => words }), declinedLast: false };
}

/** One reply for one chat line, in the chat's one conversation (the pipeline reads the commands). */
export async function chatReply(bot: Bot, line: string, session: ChatSession = chatSession(bot)): Promise<string> {
  const declinedBefore = session.declinedLast;
  const reply = await session.surface.handle({ text: line.trim().replace(/^\/eu-china\b\s*/i, ''), conversation: CHAT, place: 'dm' });
  session.declinedLast = reply?.kind === 'answer' && reply.answer.decision === 'decline';
  const repeated = session.declinedLast && declinedBefore && reply?.kind === 'answer' ? CLI_STRINGS[reply.answer.language ?? 'en'].repeatedDecline : undefined;
  return repeated ?? replyText(reply);
}

function replyText(reply: Reply | undefined): string {
  switch (reply?.kind) {
    case undefined:
      return '';
    case 'answer':
      return toTerminal(reply.answer);
    case 'help':
      return helpTerminal(reply.help);
    case 'topics':
      return topicsText(reply.topics, reply.language);
    case 'source':
      return sourceText(reply.source, reply.language);
    case 'digest':
    case 'notice':
      return reply.text;
  }
}

/** Runs the chat on `input`/`output` until end of input or "quit". */
export async function runChat(bot: Bot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  output.write(`${CONNECT_HINT}\n`);
  if (interactive) output.write(`${bot.about()}\n${CLI_STRINGS.en.intro}\n`);
  const rl = createInterface({ input, crlfDelay: Infinity, ...(interactive ? { output, prompt: '\n> ' } : {}), terminal: interactive });
  if (interactive) rl.prompt();
  const session = chatSession(bot);
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'quit' || trimmed === 'exit') break;
    if (trimmed !== '') output.write(`${interactive ? '' : `> ${trimmed}\n`}${await chatReply(bot, trimmed, session)}\n${interactive ? '' : '\n'}`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
