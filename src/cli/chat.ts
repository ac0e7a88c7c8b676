/**
 * The local chat `npm start` opens when no Slack or Teams credentials are set: the same core, in
 * a terminal. With a TTY it prompts; otherwise it answers stdin line by line and exits at the end.
 * A decline right after a decline is one short line: the full text (what the bot covers, how to list
 * the topics) has just been shown, and repeating its three sentences reads as a wall.
 */
import { createInterface } from 'node:readline';
import type { Bot } from '../core/bot.js';
import { createConversations, type Conversations } from '../core/conversation/conversations.js';
import { memoryContextStore } from '../core/conversation/followUp.js';
import { sourceText, toTerminal, topicsText } from './format.js';

export const CONNECT_HINT =
  'No Slack or Teams credentials set: local chat mode. To connect, copy .env.example to .env and set SLACK_BOT_TOKEN (+ SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) or MicrosoftAppId (see README).';

/** The whole local chat is one conversation: "why?" and "2" refer to the previous reply. */
const CHAT = 'cli:chat';

/** What the chat says for a decline that follows a decline. */
export const REPEATED_DECLINE = 'Still nothing on that in the paper. Try "topics".';

/** One person's chat: the conversation service (contexts in memory) and whether the last reply declined. */
export interface ChatSession {
  readonly conversations: Conversations;
  declinedLast: boolean;
}

/** A fresh chat session for `bot`. */
export function chatSession(bot: Bot): ChatSession {
  return { conversations: createConversations({ bot, contexts: memoryContextStore(), clock: { now: () => new Date() } }), declinedLast: false };
}

/** One reply for one chat line: built-in commands first, then the core, in the chat's conversation. */
export async function chatReply(bot: Bot, line: string, session: ChatSession = chatSession(bot)): Promise<string> {
  const command = line.trim().toLowerCase().replace(/^\/(?:eu-china\s*)?/, '');
  const declinedBefore = session.declinedLast;
  session.declinedLast = false;
  if (command === 'topics') return topicsText(bot.topics());
  if (command === 'source') return sourceText(bot.source());
  const { answer } = await session.conversations.reply({ text: line, conversation: CHAT });
  session.declinedLast = answer.decision === 'decline';
  return session.declinedLast && declinedBefore ? REPEATED_DECLINE : toTerminal(answer);
}

/** Runs the chat on `input`/`output` until end of input or "quit". */
export async function runChat(bot: Bot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  output.write(`${CONNECT_HINT}\n`);
  if (interactive) output.write(`${bot.about()}\nType a question, "topics", "source", or "quit".\n`);
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
