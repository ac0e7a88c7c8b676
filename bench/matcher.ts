/**
 * `npm run bench`: builds the index, answers every development-set question many times and prints
 * one JSON document: index build ms, p50/p99 µs per question, questions per second and RSS, for
 * the project's matcher and for the naive fuse.js baseline, measured in the same run, and the same
 * per language over the English, French and German dev sets (one bot answering all of them, as
 * users get it: detection, the language's index, the fallback to the others).
 */
import { performance } from 'node:perf_hooks';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { loadDevSet, loadSet, naiveBaseline, setDir } from '../tests/eval/evaluate.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function measure(build: () => (q: string) => unknown, questions: readonly string[], rounds: number) {
  const t0 = performance.now();
  const answer = build();
  const buildMs = performance.now() - t0;
  for (const q of questions) answer(q); // warm-up
  const times: number[] = [];
  const start = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const s = performance.now();
      answer(q);
      times.push((performance.now() - s) * 1000);
    }
  }
  const totalS = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const round = (n: number): number => Math.round(n * 10) / 10;
  return {
    indexBuildMs: round(buildMs),
    questions: times.length,
    p50Us: round(quantile(times, 0.5)),
    p99Us: round(quantile(times, 0.99)),
    questionsPerSecond: Math.round(times.length / totalS),
    rssMb: round(process.memoryUsage().rss / 1048576),
  };
}

const knowledge = loadKnowledge('knowledge');
const questions = loadDevSet().map((c) => c.q);
const project = measure(() => {
  const bot = createBot({ knowledge });
  bot.warmUp(); // every language's index: the build time is all of them, no question pays for one
  return (q) => bot.ask(q);
}, questions, ROUNDS);
const naive = measure(() => naiveBaseline(knowledge.entries), questions, Math.max(1, Math.ceil(ROUNDS / 10)));
const bot = createBot({ knowledge });
bot.warmUp();
const perLanguage = Object.fromEntries(
  (['en', 'fr', 'de'] as const).map((lang) => {
    const qs = lang === 'en' ? questions : loadSet(setDir(lang, 'dev')).map((c) => c.q);
    const figures = measure(() => (q) => bot.ask(q), qs, ROUNDS);
    return [lang, { distinctQuestions: qs.length, p50Us: figures.p50Us, p99Us: figures.p99Us, questionsPerSecond: figures.questionsPerSecond }];
  }),
);
console.log(
  JSON.stringify(
    {
      node: process.version,
      entries: knowledge.entries.length,
      distinctQuestions: questions.length,
      matcher: project,
      naiveFuse: naive,
      perLanguage,
      p99SpeedupVsNaive: Math.round((naive.p99Us / project.p99Us) * 10) / 10,
      p50SpeedupVsNaive: Math.round((naive.p50Us / project.p50Us) * 10) / 10,
    },
    null,
    2,
  ),
);
