import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { REPEATED_DECLINE, runChat } from '../../src/cli/chat.js';
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';

const bot = createBot({ knowledge: loadKnowledge('knowledge') });

/** Runs the real local chat on `lines` (stdin not a terminal) and returns each reply, in order. */
async function chat(lines: readonly string[]): Promise<string[]> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  input.end(`${lines.join('\n')}\n`);
  await runChat(bot, input, output, false);
  return out.split(/^> .*$/m).slice(1).map((r) => r.trim());
}

describe('the local chat', () => {
  it('declines in full once, then in one short line when the next question is declined too', async () => {
    const [first, second, third] = await chat(['What is the recipe for ratatouille?', 'And the best wine with it?', 'Who wrote the paper?']);
    expect(first).toMatch(/^Sorry, I can't find that in the paper\. I answer questions about .+"topics"/);
    expect(second).toBe(REPEATED_DECLINE);
    expect(second?.split('\n')).toHaveLength(1);
    expect(third).toContain('Pierre Andrieu');
  });

  it('declines in full again after an answer in between', async () => {
    const replies = await chat(['What is the recipe for ratatouille?', 'Who wrote the paper?', 'What is the weather in Lyon tomorrow?']);
    expect(replies[2]).toMatch(/^Sorry, I can't find that in the paper\./);
  });

  it('answers the suggestion a number picks after "did you mean"', async () => {
    const [offer, picked] = await chat(['What does the EU think of China?', '2']);
    expect(offer).toMatch(/Did you mean one of these\?\n {2}1\. .+\n {2}2\. (.+)/);
    const second = /\n {2}2\. (.+)/.exec(offer ?? '')?.[1];
    const entry = bot.knowledge.entries.find((e) => e.question === second);
    expect(entry).toBeDefined();
    expect(picked?.startsWith(entry?.answer ?? '-')).toBe(true);
  });
});
