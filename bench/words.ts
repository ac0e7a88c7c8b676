/**
 * `npm run bench:words`: the matcher's word lists read from build/wordlists/ beside the old way,
 * built from the npm packages at first use (tests/helpers/packageWordLists.ts), in one run. Each
 * sample is a fresh process (module state and heap start empty): it loads the knowledge set,
 * builds the bot, asks one question in `first` language (time to first answer: createBot plus that
 * question), then one in each other language, collects garbage and reads the heap. Median of RUNS
 * processes per language and source; figures only, no targets.
 */
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { LANGUAGES, type Language } from '../src/core/lang/languages.js';
import { useWordLists } from '../src/core/text/wordlists.js';
import { packageWordLists } from '../tests/helpers/packageWordLists.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SOURCES = ['packages', 'artefacts'] as const;
type Source = (typeof SOURCES)[number];

const QUESTIONS: Readonly<Record<Language, string>> = {
  en: 'How much was trade between Russia and China worth in 2023?',
  fr: 'Quel est le volume des échanges entre la Chine et la Russie en 2023 ?',
  de: 'Wie viel war der Handel zwischen Russland und China 2023 wert?',
};

interface Sample {
  readonly createBotMs: number;
  readonly firstAnswerMs: number;
  readonly toFirstAnswerMs: number;
  readonly heapMb: number;
  readonly rssMb: number;
}

const mb = (bytes: number): number => bytes / 1048576;

/** One sample, in this (child) process. */
function sample(source: Source, first: Language): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the child with node --expose-gc');
  const knowledge = loadKnowledge('knowledge');
  if (source === 'packages') useWordLists(packageWordLists().source);
  const t0 = performance.now();
  const bot = createBot({ knowledge });
  const t1 = performance.now();
  const decision = bot.ask(QUESTIONS[first]).decision;
  const t2 = performance.now();
  if (decision !== 'answer') throw new Error(`${first}: "${QUESTIONS[first]}" was not answered (${decision})`);
  for (const l of LANGUAGES) if (l !== first) bot.ask(QUESTIONS[l]);
  gc();
  const memory = process.memoryUsage();
  return { createBotMs: t1 - t0, firstAnswerMs: t2 - t1, toFirstAnswerMs: t2 - t0, heapMb: mb(memory.heapUsed), rssMb: mb(memory.rss) };
}

function spawnSample(source: Source, first: Language): Sample {
  const args = ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', source, first];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`bench child ${source} ${first} exited with ${child.status}`);
  return JSON.parse(child.stdout) as Sample;
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;
const medianOf = (samples: readonly Sample[], key: keyof Sample): number => round(median(samples.map((s) => s[key])));

function report(samples: Readonly<Record<Language, Sample[]>>) {
  const all = LANGUAGES.flatMap((l) => samples[l]);
  return {
    toFirstAnswerMs: Object.fromEntries(LANGUAGES.map((l) => [l, medianOf(samples[l], 'toFirstAnswerMs')])),
    firstAnswerMs: Object.fromEntries(LANGUAGES.map((l) => [l, medianOf(samples[l], 'firstAnswerMs')])),
    createBotMs: medianOf(all, 'createBotMs'),
    heapMbAfterOneQuestionEach: medianOf(all, 'heapMb'),
    rssMb: medianOf(all, 'rssMb'),
  };
}

const childAt = process.argv.indexOf('--child');
if (childAt !== -1) {
  process.stdout.write(JSON.stringify(sample(process.argv[childAt + 1] as Source, process.argv[childAt + 2] as Language)));
} else {
  const samples: Record<Source, Record<Language, Sample[]>> = { packages: { en: [], fr: [], de: [] }, artefacts: { en: [], fr: [], de: [] } };
  // Interleaved, so a slow spell of the machine falls on both sources and every language alike.
  for (let i = 0; i < RUNS; i++) for (const l of LANGUAGES) for (const s of SOURCES) samples[s][l].push(spawnSample(s, l));
  const packages = report(samples.packages);
  const artefacts = report(samples.artefacts);
  process.stdout.write(`${JSON.stringify({
    node: process.version,
    runs: RUNS,
    questions: QUESTIONS,
    packages: { words: 'npm packages, folded into Sets at first use (before issue 12)', ...packages },
    artefacts: { words: 'build/wordlists/, sorted strings searched in place', ...artefacts },
    ratio: { createBotMs: round(packages.createBotMs / artefacts.createBotMs), heapMb: round(packages.heapMbAfterOneQuestionEach / artefacts.heapMbAfterOneQuestionEach) },
  }, null, 2)}\n`);
}
