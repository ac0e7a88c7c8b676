// The question log written behind, end to end: the real Slack adapter on a real SQLite store whose
// questions table another connection takes away while the bot runs. Every question still gets its
// answer, the failure is logged once (not once per question), the bot carries on, says when it
// saves again, and every question asked after that is in the database once the store is closed.
import { join } from 'node:path';
import { openSqlite } from '../../src/store/sqliteDriver.js';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore, DB_FILE } from '../../src/store/sqlite.js';
import { storePipeline } from '../../src/wiring.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';
import { realBot, startSlackHarness, type SlackHarness } from '../helpers/slackHarness.js';
import { fixtureJson, postEvent, withEvent } from '../helpers/slackRequests.js';
import { recordingLogger } from '../helpers/slackTestDoubles.js';

const DEFAULTS = { time: '09:00', timeZone: 'UTC' } as const;
let harness: SlackHarness | undefined;
afterEach(async () => harness?.close());

let n = 0;
/** Mentions the bot with `text` in a new thread; resolves once the HTTP ack came. */
async function ask(h: SlackHarness, text: string): Promise<void> {
  const ts = `1712500000.${String(++n).padStart(6, '0')}`;
  const res = await postEvent(h.eventsUrl, withEvent(fixtureJson('app_mention.json'), { ts, event_ts: ts, text: `<@U0BOT0001> ${text}` }, `Ev0QLOG${n}`));
  expect(res.status).toBe(200);
}

describe('the question log on a failing database', () => {
  it('answers every question, logs the failure once, and saves again once the table is back', async () => {
    const dataDir = tempDir();
    const logger = recordingLogger();
    const clock = fakeClock('2024-04-02T07:00:00Z');
    const store = openSqliteStore({ dataDir, clock, logger, questionLog: { flushMs: 10 } });
    const h = (harness = await startSlackHarness({ pipeline: storePipeline({ bot: realBot(), store, clock, logger, defaults: DEFAULTS }), logger }));
    const other = openSqlite(join(dataDir, DB_FILE));
    other.exec('ALTER TABLE questions RENAME TO questions_away');
    for (const text of ['Who wrote the paper?', 'When was it published?', 'What about Taiwan?']) {
      await ask(h, text);
      await h.fake.waitFor('chat.postMessage', n);
      await new Promise((resolve) => setTimeout(resolve, 30)); // each question in its own failing batch
    }
    const questionLines = () => logger.lines.filter((l) => l.message.startsWith('question log'));
    expect(questionLines().map((l) => l.level)).toEqual(['error']);
    expect(questionLines()[0]?.message).toMatch(/could not be saved; the answers were sent/);
    other.exec('ALTER TABLE questions_away RENAME TO questions');
    await ask(h, 'Who is the author?');
    await h.fake.waitFor('chat.postMessage', n);
    await ask(h, 'What does the paper say about Russia?');
    await h.fake.waitFor('chat.postMessage', n);
    await h.close();
    harness = undefined;
    store.close();
    expect(questionLines().map((l) => [l.level, l.message])).toEqual([
      ['error', expect.stringMatching(/could not be saved/)],
      ['warn', 'question log: saving again'],
    ]);
    expect(questionLines()[1]?.fields).toMatchObject({ failedBatches: 3, questionsLost: 3 });
    const saved = other.prepare<[], { question: string }>('SELECT question FROM questions ORDER BY id').all();
    other.close();
    expect(saved.map((r) => r.question)).toEqual(['Who is the author?', 'What does the paper say about Russia?']);
  });
});
