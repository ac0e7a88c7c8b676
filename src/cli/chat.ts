/**
 * The local chat `npm start` opens when no Slack or Teams credentials are set: the same core, in
 * a terminal. With a TTY it prompts; otherwise it answers stdin line by line and exits at the end.
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

/** One reply for one chat line: built-in commands first, then the core, in the chat's conversation. */
export async function chatReply(bot: Bot, line: string, conversations: Conversations = chatConversations(bot)): Promise<string> {
  const command = line.trim().toLowerCase().replace(/^\/(?:eu-china\s*)?/, '');
  if (command === 'topics') return topicsText(bot.topics());
  if (command === 'source') return sourceText(bot.source());
  return toTerminal((await conversations.reply({ text: line, conversation: CHAT })).answer);
}

/** The chat's conversation service: contexts in memory, one process, one person. */
export function chatConversations(bot: Bot): Conversations {
  return createConversations({ bot, contexts: memoryContextStore(), clock: { now: () => new Date() } });
}

/** Runs the chat on `input`/`output` until end of input or "quit". */
export async function runChat(bot: Bot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  output.write(`${CONNECT_HINT}\n`);
  if (interactive) output.write(`${bot.about()}\nType a question, "topics", "source", or "quit".\n`);
  const rl = createInterface({ input, crlfDelay: Infinity, ...(interactive ? { output, prompt: '\n> ' } : {}), terminal: interactive });
  if (interactive) rl.prompt();
  const conversations = chatConversations(bot);
  for await (const line of rl) {
    const trimmed = line.trim();
    if (trimmed === 'quit' || trimmed === 'exit') break;
    if (trimmed !== '') output.write(`${interactive ? '' : `> ${trimmed}\n`}${await chatReply(bot, trimmed, conversations)}\n${interactive ? '' : '\n'}`);
    if (interactive) rl.prompt();
  }
  rl.close();
}
