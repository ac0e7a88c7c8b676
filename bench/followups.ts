/**
 * `npm run bench:followups`: the second turn of every follow-up exchange in tests/eval/followups
 * (dev and train), answered through the real conversation service (createConversations, with the
 * in-memory context store; the SQLite or PostgreSQL store adds its own read and write), many
 * rounds; prints one JSON document with p50/p99 µs per follow-up and, measured in the same run on
 * the same bot, the same texts asked on their own (what a follow-up costs over a question).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/core/bot.js';
import { createConversations } from '../src/core/conversation/conversations.js';
import { memoryContextStore } from '../src/core/conversation/followUp.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { EVAL_DIR } from '../tests/eval/evaluate.js';
import { loadFollowUps } from '../tests/eval/followups.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round = (n: number): number => Math.round(n * 10) / 10;
const summary = (times: number[]) => {
  times.sort((a, b) => a - b);
  return { n: times.length, p50Us: round(quantile(times, 0.5)), p99Us: round(quantile(times, 0.99)) };
};

const bot = createBot({ knowledge: loadKnowledge('knowledge') });
bot.warmUp();
const cases = readdirSync(join(EVAL_DIR, 'followups'))
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => loadFollowUps(f.replace(/\.jsonl$/, '')));
const conversations = createConversations({ bot, contexts: memoryContextStore(), clock: { now: () => new Date() } });
const followUps: number[] = [];
const alone: number[] = [];
for (let r = 0; r <= ROUNDS; r++) {
  for (const [i, c] of cases.entries()) {
    const key = `bench:${r}:${i}`;
    await conversations.reply({ text: c.context, conversation: key });
    const s = performance.now();
    await conversations.reply({ text: c.followup, conversation: key });
    const t = (performance.now() - s) * 1000;
    const s2 = performance.now();
    bot.ask(c.followup);
    const t2 = (performance.now() - s2) * 1000;
    // Round 0 warms up.
    if (r > 0) {
      followUps.push(t);
      alone.push(t2);
    }
  }
}
const f = summary(followUps);
const a = summary(alone);
console.log(JSON.stringify({ node: process.version, exchanges: cases.length, rounds: ROUNDS, followUp: f, sameTextAlone: a, p50Ratio: round(f.p50Us / a.p50Us), p99Ratio: round(f.p99Us / a.p99Us) }, null, 2));
