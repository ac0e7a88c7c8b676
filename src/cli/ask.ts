/**
 * `npm run ask -- "question"` (terminal text), `--json "question"` (one JSON object) and
 * `--jsonl` (one JSON object per stdin line, in order, nothing else on stdout).
 */
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { createConversations } from '../core/conversation/conversations.js';
import { memoryContextStore } from '../core/conversation/followUp.js';
import { load, runCli, type CliIo } from './common.js';
import { explainText, toJson, toTerminal } from './format.js';

const USAGE = `Usage:
  npm run ask -- "Who wrote the paper?"          the answer as text
  npm run ask -- --explain "question"            the top candidates, their features and what decided
  npm run --silent ask -- --json "question"      one JSON object
  npm run --silent ask -- --jsonl < questions    one JSON object per input line; a line
                                                 {"conversation": "c1", "text": "why?"} continues c1`;

const turnSchema = z.object({ conversation: z.string().min(1), text: z.string() });

/** A JSON line `{"conversation", "text"}`, or undefined for a plain question line. */
function conversationLine(line: string): z.infer<typeof turnSchema> | undefined {
  if (!line.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = turnSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `ask` on `io`: the exit code (2 for a usage error). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = argv.filter((a) => a.startsWith('--'));
  const words = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--json' && f !== '--jsonl' && f !== '--explain');
  if (unknown.length > 0 || (flags.includes('--jsonl') && words.length > 0) || (!flags.includes('--jsonl') && words.length === 0)) {
    io.stderr.write(`${unknown.length > 0 ? `Unknown option ${unknown.join(', ')}.\n` : ''}${USAGE}\n`);
    return 2;
  }
  const { bot } = load(io.env);
  if (flags.includes('--jsonl')) {
    // A line {"conversation": "c1", "text": "..."} continues conversation c1; plain lines stand alone.
    const conversations = createConversations({ bot, contexts: memoryContextStore(), clock: { now: () => new Date() } });
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      const turn = conversationLine(line);
      const reply = turn ? await conversations.reply({ text: turn.text, conversation: turn.conversation }) : { answer: bot.ask(line), followUp: false };
      io.stdout.write(`${JSON.stringify({ ...toJson(reply.answer), ...(turn ? { conversation: turn.conversation, followUp: reply.followUp } : {}) })}\n`);
    }
    return 0;
  }
  if (flags.includes('--explain')) {
    io.stdout.write(`${explainText(bot.explain(words.join(' ')))}\n`);
    return 0;
  }
  const answer = bot.ask(words.join(' '));
  io.stdout.write(flags.includes('--json') ? `${JSON.stringify(toJson(answer))}\n` : `${toTerminal(answer)}\n`);
  return 0;
}

runCli('ask', main, import.meta.url);
