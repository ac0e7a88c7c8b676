/**
 * `npm run bench:slack [-- --events 3000 --concurrency 20 --rate 300 --warmup 500]`: what Slack
 * users get from the bot, beside a bare Bolt app on the same machine in the same run. The bot is
 * `node dist/main.js` in HTTP mode with its SQLite store in a new DATA_DIR (as production runs
 * it); the bare app is bench/bare/bolt.ts (HTTPReceiver, an app_mention listener posting a fixed
 * text). Both get signed app_mention events asking the English eval questions in rotation (each
 * in its own thread, so a reply is matched by thread_ts), from the same load generator, and post
 * to the same fake Web API. Prints one JSON object: for each app events/s and CPU per event in a
 * closed loop, ack and reply latency p50/p99 at `rate` events/s timed from each event's intended
 * send time, errors, lost and duplicated replies; for the bot also the questions found in its
 * database after it stopped; and the ratios. Targets (issue 12, 2 cores): the bare app's
 * throughput at most 1.3x the bot's, the bot's p99 ack under 50 ms at 300 events/s.
 */
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tempDir } from '../tests/core/digest/fakes.js';
import { startFakeSlackApi } from '../tests/helpers/slackFakeApi.js';
import { fixtureJson, signature, TEST_SIGNING_SECRET, withEvent } from '../tests/helpers/slackRequests.js';
import { compare, planFromArgs, report, type Contestant } from './lib/compare.js';
import type { ReplyTimes } from './lib/load.js';
import { buildIfStale, loggedQuestions, startBare, startBot, type Target } from './lib/processes.js';
import { evalQuestions } from './lib/questions.js';

const plan = planFromArgs();
const loadAvgAtStart = loadavg();
const questions = evalQuestions();
const base = fixtureJson('app_mention.json');
const BOT_USER = 'U0BOT0001';

/** Slack's Events API delivery of a mention asking `text` in a new thread `ts`. */
function mention(ts: string, eventId: string, text: string): string {
  const blocks = [{ type: 'rich_text', block_id: 'b1', elements: [{ type: 'rich_text_section', elements: [{ type: 'user', user_id: BOT_USER }, { type: 'text', text: ` ${text}` }] }] }];
  return JSON.stringify(withEvent(base, { ts, event_ts: ts, text: `<@${BOT_USER}> ${text}`, blocks, client_msg_id: eventId }, eventId));
}

let sequence = 0;
/** A contestant whose events carry a ts (and event_id) never used before in this run. */
function contestant(target: Target): Contestant {
  const url = `http://127.0.0.1:${target.port}/slack/events`;
  return {
    target,
    shot: (_phase, i) => {
      const n = ++sequence;
      const ts = `1712400000.${String(n).padStart(6, '0')}`;
      const body = mention(ts, `Ev0BENCH${n}`, questions[i % questions.length] ?? 'Who wrote the paper?');
      return {
        key: ts,
        url,
        body,
        headers: () => {
          const timestamp = Math.floor(Date.now() / 1000);
          return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(TEST_SIGNING_SECRET, timestamp, body) };
        },
      };
    },
  };
}

buildIfStale();
const fake = await startFakeSlackApi();
const replies: ReplyTimes = new Map();
fake.onCall = (call) => {
  const ts = call.method === 'chat.postMessage' ? call.body['thread_ts'] : undefined;
  if (typeof ts === 'string') replies.set(ts, [...(replies.get(ts) ?? []), call.at]);
  if (fake.calls.length > 1000) fake.calls.length = 0;
};
const dataDir = tempDir();
const env = { SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl };
const bot = await startBot('bot', { ...env, DATA_DIR: dataDir });
const bare = await startBare('bare Bolt', 'bench/bare/bolt.ts', env);
const measured = await compare(plan, contestant(bot), contestant(bare), replies);
const exit = { bot: await bot.stop(), bare: await bare.stop() };
await fake.close();
const asked = plan.warmup + 2 * plan.events;
const result = report('slack', plan, measured, {
  loadAvgAtStart,
  bot: { entry: 'node dist/main.js, SQLite store', questionsAsked: asked, questionsLogged: loggedQuestions(dataDir), exitCode: exit.bot },
  bare: { entry: 'bench/bare/bolt.ts (@slack/bolt HTTPReceiver)', exitCode: exit.bare },
});
rmSync(dataDir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
// Speed depends on the machine; a lost, duplicated or failed reply is a bug on any machine.
process.exitCode = result.correct ? 0 : 1;
