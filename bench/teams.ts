/**
 * `npm run bench:teams [-- --events 3000 --concurrency 20 --rate 300 --warmup 500]`: what Teams
 * users get from the bot, beside a bare botbuilder echo bot on the same machine in the same run.
 * The bot is `node dist/main.js` with TEAMS_LOCAL=1 (CloudAdapter without credentials) and its
 * SQLite store in a new DATA_DIR (as production runs it); the bare bot is bench/bare/botbuilder.ts
 * (CloudAdapter, sendActivity echo). Both get the same activities from the same load generator,
 * personal-chat messages (50 people) and channel mentions in turn, asking the English eval
 * questions in rotation, and reply to the same fake Bot Framework connector (matched by
 * replyToId). Prints one JSON object: for each bot activities/s and CPU per activity in a closed
 * loop, ack (the HTTP response to POST /api/messages) and reply latency p50/p99 at `rate`/s timed
 * from each activity's intended send time, errors, lost and duplicated replies; for the bot also
 * the questions in its database after it stopped; and the ratios. Targets (issue 12, 2 cores): the
 * bare bot's throughput at most 1.3x the bot's, the bot's p99 ack under 50 ms at 300/s.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tempDir } from '../tests/core/digest/fakes.js';
import { startFakeConnector, teamsFixture, type Json } from '../tests/helpers/teams.js';
import { compare, planFromArgs, report, type Contestant } from './lib/compare.js';
import type { ReplyTimes } from './lib/load.js';
import { buildIfStale, loggedQuestions, startBare, startBot, type Target } from './lib/processes.js';
import { evalQuestions } from './lib/questions.js';

const plan = planFromArgs();
const loadAvgAtStart = loadavg();
const questions = evalQuestions();
const PEOPLE = 50;
const personal = teamsFixture('personal_message');
const channel = teamsFixture('channel_mention');

/** Activity `n` asking `text`: a personal message from one of PEOPLE people, or a channel mention in a new thread. */
function activity(n: number, text: string, serviceUrl: string): Json {
  const id = `bench-${n}`;
  const person = n % PEOPLE;
  const from = { id: `29:bench-person-${person}`, name: `Person ${person}`, aadObjectId: `00000000-0000-4000-8000-${String(person).padStart(12, '0')}` };
  if (n % 2 === 0) return { ...personal, id, serviceUrl, text, from, conversation: { ...(personal['conversation'] as Json), id: `a:bench-chat-${person}` } };
  const conversation = { ...(channel['conversation'] as Json), id: `19:bench@thread.tacv2;messageid=${id}` };
  return { ...channel, id, serviceUrl, text: `<at>EU-China Bot</at> ${text}`, from, conversation, attachments: [] };
}

let sequence = 0;
function contestant(target: Target, serviceUrl: string): Contestant {
  const url = `http://127.0.0.1:${target.port}/api/messages`;
  return {
    target,
    shot: (_phase, i) => {
      const n = ++sequence;
      const body = JSON.stringify(activity(n, questions[i % questions.length] ?? 'Who wrote the paper?', serviceUrl));
      return { key: `bench-${n}`, url, body, headers: () => ({}) };
    },
  };
}

buildIfStale();
const connector = await startFakeConnector();
const replies: ReplyTimes = new Map();
connector.onRequest = (r) => {
  if (r.replyToId) replies.set(r.replyToId, [...(replies.get(r.replyToId) ?? []), r.at]);
  if (connector.requests.length > 1000) connector.requests.length = 0;
};
const dataDir = tempDir();
const bot = await startBot('bot', { TEAMS_LOCAL: '1', DATA_DIR: dataDir });
const bare = await startBare('bare botbuilder', 'bench/bare/botbuilder.ts', {});
const measured = await compare(plan, contestant(bot, connector.url), contestant(bare, connector.url), replies);
const exit = { bot: await bot.stop(), bare: await bare.stop() };
await connector.close();
const result = report('teams', plan, measured, {
  loadAvgAtStart,
  bot: { entry: 'node dist/main.js, TEAMS_LOCAL=1, SQLite store', questionsAsked: plan.warmup + 2 * plan.events, questionsLogged: loggedQuestions(dataDir), exitCode: exit.bot },
  bare: { entry: 'bench/bare/botbuilder.ts (botbuilder CloudAdapter echo)', exitCode: exit.bare },
});
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
process.exitCode = result.correct ? 0 : 1;
