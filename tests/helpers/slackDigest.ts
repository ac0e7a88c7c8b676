/**
 * The Slack adapter wired to a real SQLite store in a temp dir, as main.ts wires it
 * (storePipeline), on the real Bolt app, HTTP server and fake Web API of slackHarness; plus
 * `runDue` with the app's own digest sink and instant scheduler retries. The store and the
 * digest commands run on a fake clock; signatures are checked against the real one.
 */
import { NO_PACING } from '../../src/core/digest/pacing.js';
import { runDue, type RunReport } from '../../src/core/digest/scheduler.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { storePipeline } from '../../src/wiring.js';
import { fakeClock, tempDir, type FakeClock } from '../core/digest/fakes.js';
import type { ApiCall } from './slackFakeApi.js';
import { realBot, startSlackHarness, type SlackHarness } from './slackHarness.js';
import { fixtureJson, fixtureText, postCommand, postEvent, withEvent } from './slackRequests.js';
import { recordingLogger, type RecordingLogger } from './slackTestDoubles.js';

/** The channel of the recorded slash command and mention, and its key. */
export const CHANNEL = 'C0GENERAL01';
export const CHANNEL_KEY = `slack:${CHANNEL}`;
/** DIGEST_TIME / DIGEST_TZ for these tests. */
export const DEFAULTS = { time: '09:00', timeZone: 'UTC' } as const;

export interface SlackDigestHarness {
  readonly slack: SlackHarness;
  readonly clock: FakeClock;
  readonly store: SqliteStore;
  readonly logger: RecordingLogger;
  /** `/eu-china <text>` in CHANNEL; resolves to the reply posted to its response_url. */
  command(text: string): Promise<ApiCall>;
  /** `@EU-China bot <text>` in CHANNEL, as a new message (fresh event id and ts). */
  mention(text: string): Promise<void>;
  /** A DM saying `text`. */
  dm(text: string): Promise<void>;
  /** runDue at `iso` with the Slack sink; `sleeps` records the retry delays it waited. */
  runDue(iso: string): Promise<RunReport>;
  readonly sleeps: number[];
  close(): Promise<void>;
}

let ids = 0;

/** Starts everything with the store's clock at `now`. */
export async function startSlackDigestHarness(now: string): Promise<SlackDigestHarness> {
  const clock = fakeClock(now);
  const store = openSqliteStore({ dataDir: tempDir(), clock });
  const logger = recordingLogger();
  const bot = realBot();
  const pipeline = storePipeline({ bot, store, clock, logger, defaults: DEFAULTS });
  const slack = await startSlackHarness({ pipeline, logger });
  const sleeps: number[] = [];
  const event = async (fixture: string, text: string): Promise<void> => {
    const n = ++ids;
    const ts = `1712400${String(n).padStart(3, '0')}.000100`;
    const res = await postEvent(slack.eventsUrl, withEvent(fixtureJson(fixture), { text, ts, event_ts: ts }, `Ev0DIGEST${n}`));
    if (res.status !== 200) throw new Error(`POST /slack/events answered ${res.status}`);
  };
  return {
    slack,
    clock,
    store,
    logger,
    sleeps,
    command: async (text) => {
      const path = `/response/digest${++ids}`;
      const form = fixtureText('slash_command.txt')
        .replace(/text=[^&]*/, `text=${encodeURIComponent(text)}`)
        .replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(slack.fake.responseUrl(path.slice('/response/'.length)))}`);
      const res = await postCommand(slack.eventsUrl, form);
      if (res.status !== 200 || (await res.text()) !== '') throw new Error(`the command was not acknowledged at once (${res.status})`);
      return waitForPath(slack, path);
    },
    mention: (text) => event('app_mention.json', `<@U0BOT0001> ${text}`),
    dm: (text) => event('message_im.json', text),
    runDue: (iso) =>
      runDue(
        {
          bot,
          store,
          logger,
          sinkFor: (platform) => (platform === 'slack' ? slack.app.sink : undefined),
          retry: { delaysMs: [1000, 4000, 16000], sleep: async (ms) => void sleeps.push(ms) },
          pacing: NO_PACING,
        },
        new Date(iso),
      ),
    close: async () => {
      await slack.close();
      store.close();
    },
  };
}

/** The first call to `path` on the fake (a response_url), within 5 s. */
async function waitForPath(slack: SlackHarness, path: string): Promise<ApiCall> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const call = slack.fake.calls.find((c) => c.path === path);
    if (call) return call;
    if (Date.now() > deadline) throw new Error(`nothing was posted to ${path} within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
