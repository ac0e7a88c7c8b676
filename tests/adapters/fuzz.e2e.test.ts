/**
 * Fuzz of both endpoints of a running app, on loopback: the real Bolt app on the shared server
 * (`POST /slack/events`, the project's receiver, signed with the signing secret or not), and on
 * the same server the real CloudAdapter with credentials (`POST /api/messages`: no token, forged
 * tokens, garbage, and tokens the fake login host signed with a real RSA key), plus an
 * unauthenticated TEAMS_LOCAL endpoint so that mistyped activities reach the bot itself. Bounded:
 * a fixed seed, a fixed number of runs per family, well under 20 s. No response may be a 5xx, no
 * request may fail to get an answer, nothing may escape as an uncaught error, and /healthz must
 * answer 200 between every batch.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTeams } from '../../src/adapters/teams/app.js';
import { memoryPipeline, realBot, startSlackHarness, type SlackHarness } from '../helpers/slackHarness.js';
import { recordingLogger, type RecordingLogger } from '../helpers/slackTestDoubles.js';
import { slackShots, teamsShots, type Shot, type TeamsTokens } from '../helpers/fuzzPayloads.js';
import { loopbackOnly } from '../helpers/loopback.js';
import { startFakeConnector, startTeamsServer, type FakeConnector, type TeamsServer } from '../helpers/teams.js';
import { startFakeLogin, type FakeLogin } from '../helpers/teamsLogin.js';

loopbackOnly();
const SEED = 14;
const APP_ID = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

let slack: SlackHarness;
let logger: RecordingLogger;
let login: FakeLogin;
let connector: FakeConnector;
let local: TeamsServer;
const uncaught: unknown[] = [];
const onUncaught = (error: unknown): void => void uncaught.push(error);

interface Figures {
  sent: number;
  /** `2xx`, `4xx`, `5xx`, or `no answer`. */
  readonly byClass: Map<string, number>;
  readonly byFamily: Map<string, Map<number, number>>;
  /** Requests that got no HTTP answer at all, with the error fetch gave. */
  readonly unanswered: string[];
}
const figures: Figures = { sent: 0, byClass: new Map(), byFamily: new Map(), unanswered: [] };
let started = 0;

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  logger = recordingLogger();
  login = await startFakeLogin(APP_ID);
  connector = await startFakeConnector();
  slack = await startSlackHarness({ logger });
  registerTeams(slack.server, {
    pipeline: memoryPipeline(),
    config: { teams: { appId: APP_ID, appPassword: 'not-a-real-secret', appType: 'MultiTenant' }, teamsLocal: false },
    logger,
    auth: { metadataUrl: login.metadataUrl, deadlineMs: 1000 },
    retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 10 },
  });
  local = await startTeamsServer({ bot: realBot() });
  started = performance.now();
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  process.off('unhandledRejection', onUncaught);
  const families = Object.fromEntries([...figures.byFamily].map(([f, s]) => [f, Object.fromEntries(s)]));
  const errors = [...logger.lines, ...(local?.logger.entries ?? [])].filter((l) => l.level === 'error').map((l) => `${l.message}: ${JSON.stringify(l.fields)}`);
  console.info(JSON.stringify({ fuzz: { sent: figures.sent, byClass: Object.fromEntries(figures.byClass), ms: Math.round(performance.now() - started), families, errors } }, null, 1));
  await local?.close();
  await slack?.close();
  await connector?.close();
  await login?.close();
});

/** Posts `shot` and records its status; resolves with it, or 0 when no answer came. */
async function fire(url: string, shot: Shot): Promise<number> {
  const family = `${url === local.url ? 'TEAMS_LOCAL ' : ''}${shot.family}`;
  figures.sent++;
  let status = 0;
  try {
    status = (await fetch(url, { method: 'POST', headers: shot.headers, body: shot.body, signal: AbortSignal.timeout(10_000) })).status;
  } catch (error) {
    figures.unanswered.push(`${family}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const byStatus = figures.byFamily.get(family) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  figures.byFamily.set(family, byStatus);
  const cls = status === 0 ? 'no answer' : `${Math.floor(status / 100)}xx`;
  figures.byClass.set(cls, (figures.byClass.get(cls) ?? 0) + 1);
  return status;
}

/** Runs `numRuns` shots at `url` with the fixed seed (plus the round); each must get an answer below 500. */
async function batch(url: string, shots: fc.Arbitrary<Shot>, numRuns: number, round: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(shots, async (shot) => {
      const status = await fire(url, shot);
      return status > 0 && status < 500;
    }),
    { numRuns, seed: SEED + round, endOnFailure: true },
  );
}

async function healthy(): Promise<void> {
  for (const base of [slack.baseUrl, new URL(local.url).origin]) expect((await fetch(`${base}/healthz`)).status).toBe(200);
}

const tokens = (): TeamsTokens => ({ valid: () => login.token({ serviceurl: connector.url }), forged: Object.values(login.forgeries({ serviceurl: connector.url })) });

describe('the endpoints under malformed and random requests', { timeout: 60_000 }, () => {
  it('answer every Slack request below 500, signed or not, and keep serving', async () => {
    for (let round = 0; round < 4; round++) {
      await batch(slack.eventsUrl, slackShots(), 30, round);
      await healthy();
    }
  });

  it('answer every Teams request below 500, with no token, a forged one, garbage or a valid one, and keep serving', async () => {
    const url = `${slack.baseUrl}/api/messages`;
    for (let round = 0; round < 3; round++) {
      await batch(url, teamsShots(connector.url, tokens()), 25, round);
      await healthy();
    }
  });

  it('answer every unauthenticated TEAMS_LOCAL request below 500, mistyped activities reaching the bot, and keep serving', async () => {
    for (let round = 0; round < 2; round++) {
      await batch(local.url, teamsShots(connector.url), 25, round);
      await healthy();
    }
  });

  it('got an answer for every request, and nothing escaped as an uncaught error', async () => {
    await new Promise((resolve) => setTimeout(resolve, 200)); // answers after the ack run in a later turn
    await healthy();
    expect(figures.unanswered).toEqual([]);
    expect(figures.byClass.get('5xx') ?? 0).toBe(0);
    expect(uncaught).toEqual([]);
    expect(figures.sent).toBeGreaterThanOrEqual(150);
  });
});
