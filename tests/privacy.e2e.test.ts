/**
 * What a full run writes to the log at LOG_LEVEL=debug, through `npm start`'s own wiring
 * (`startAdapters`, the JSON logger of src/logger.ts): Slack in HTTP mode against a fake Web API
 * and Teams against a fake connector, all on loopback. A mention, a DM, a slash command, a
 * subscribe, a feedback click and Teams messages go through; then every line written (the JSON
 * logger's, the console's, stderr's) is searched for secrets, raw user ids and question text.
 * The docs (docs/digest.md, docs/slack.md) say questions go to the question log in the database,
 * askers only as salted hashes, and that the log holds no token: so the process log must hold no
 * question text, no user id and no secret at all. (Bolt's own debug lines print whole request
 * bodies; they stay off only because Bolt resets its logger to info when given no logLevel. If
 * that changes, this test fails.)
 */
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerTeams } from '../src/adapters/teams/app.js';
import { loadConfig } from '../src/config.js';
import { createBot } from '../src/core/bot.js';
import { loadKnowledge } from '../src/core/knowledge/load.js';
import { createLogger } from '../src/logger.js';
import { createHttpServer } from '../src/server/http.js';
import { openStore, startAdapters, storePipeline, SYSTEM_CLOCK, type Adapters } from '../src/wiring.js';
import { tempDir } from './core/digest/fakes.js';
import { loopbackOnly } from './helpers/loopback.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slackFakeApi.js';
import { fixtureJson, fixtureText, postAction, postCommand, postEvent, TEST_SIGNING_SECRET, withEvent } from './helpers/slackRequests.js';
import { post, startFakeConnector, teamsFixture, type FakeConnector } from './helpers/teams.js';
import { startFakeLogin, type FakeLogin } from './helpers/teamsLogin.js';

loopbackOnly();

const BOT_TOKEN = 'xoxb-1111111111-2222222222-PrivacyBotToken0001';
/** A bearer a caller sends along; TEAMS_LOCAL ignores it, and it must not be logged either. */
const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJwcml2YWN5IjoiYmVhcmVyIn0.PrivacyBearerSignature0001';
const SLACK_USER = 'U0PRIVACY01';
const TEAMS_USER = '29:1PrivacyTeamsUserIdXw3Yq-8dHNlRm0Zb6vUjJ3c2F9pQeLsT4aGh';
const AAD_OBJECT = '0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a';
const TEAMS_NAME = 'Privacy Person';
const APP_ID = '8f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP_PASSWORD = 'Privacy~App~Password~0001';

/** The questions asked, each with a word no log line has any other reason to contain. */
const QUESTIONS = {
  mention: 'Who wrote the paper, asked the heliotrope?',
  dm: 'When was the paper published, wondered the marmalade?',
  command: 'What does the paper say about Taiwan and the periwinkle?',
  teams: 'Who is the author of the paper, said the tangerine?',
};

interface Run {
  readonly fake: FakeSlackApi;
  readonly connector: FakeConnector;
  readonly adapters: Adapters;
  readonly base: string;
  /** Everything written so far: the logger's lines, console calls and stderr writes. */
  readonly log: () => string;
}

let run: Run | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await run?.adapters.stop();
  await run?.fake.close();
  await run?.connector.close();
  run = undefined;
});

/** Every line the process writes from now on: a stream for the JSON logger, console calls and stderr writes. */
function captureOutput(): { readonly out: Writable; readonly written: string[] } {
  const written: string[] = [];
  const capture = (chunk: unknown): void => void written.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : JSON.stringify(chunk));
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation((...parts: unknown[]) => parts.forEach(capture));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (capture(chunk), true));
  return { out: new Writable({ write: (chunk: unknown, _encoding, done) => (capture(chunk), done()) }), written };
}

/** Starts `npm start`'s adapters with Slack (HTTP) and Teams (TEAMS_LOCAL) at debug, capturing every line. */
async function start(): Promise<Run> {
  const { out, written } = captureOutput();

  const fake = await startFakeSlackApi();
  const connector = await startFakeConnector();
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, TEAMS_LOCAL: '1', PORT: '0', LOG_LEVEL: 'debug', DATA_DIR: tempDir() });
  const logger = createLogger(config.logLevel, out);
  const store = openStore(config.dataDir, SYSTEM_CLOCK);
  const adapters = await startAdapters({ config, bot: createBot({ knowledge: loadKnowledge(config.knowledgeDir) }), store, clock: SYSTEM_CLOCK, logger });
  const listening = written.map((l) => /"message":"http server listening".*"port":(\d+)/.exec(l)?.[1]).find((p) => p !== undefined);
  return { fake, connector, adapters, base: `http://127.0.0.1:${listening}`, log: () => written.join('\n') };
}

/** The Slack scenario: a mention, a DM, a slash-command question, a subscribe, a Helpful click. */
async function slackScenario(r: Run): Promise<void> {
  const url = `${r.base}/slack/events`;
  const asker = { user: SLACK_USER };
  expect((await postEvent(url, withEvent(fixtureJson('app_mention.json'), { ...asker, text: `<@U0BOT0001> ${QUESTIONS.mention}` }, 'EvPRIVACY01'))).status).toBe(200);
  expect((await postEvent(url, withEvent(fixtureJson('message_im.json'), { ...asker, text: QUESTIONS.dm }, 'EvPRIVACY02'))).status).toBe(200);
  await r.fake.waitFor('chat.postMessage', 2);
  const form = (text: string, id: string): string => {
    const f = new URLSearchParams(fixtureText('slash_command.txt'));
    f.set('user_id', SLACK_USER);
    f.set('text', text);
    f.set('response_url', r.fake.responseUrl(id));
    return f.toString();
  };
  expect((await postCommand(url, form(QUESTIONS.command, 'privacy1'))).status).toBe(200);
  expect((await postCommand(url, form('subscribe 08:30 Europe/Paris', 'privacy2'))).status).toBe(200);
  await r.fake.waitFor('response_url', 2);
  const click = { ...fixtureJson('block_actions.json'), user: { id: SLACK_USER, username: 'privacy', name: 'privacy', team_id: 'T0TEST0001' }, response_url: r.fake.responseUrl('privacy3') };
  const helpful = [{ action_id: 'feedback_helpful', block_id: 'controls', type: 'button', value: 'paper-author', action_ts: '1712345691.000001' }];
  expect((await postAction(url, { ...click, actions: helpful })).status).toBe(200);
  await r.fake.waitFor('chat.postEphemeral', 1);
}

/** The Teams scenario: a question in a personal chat, a subscribe, a feedback click on a card, a redelivery. */
async function teamsScenario(r: Run): Promise<void> {
  const url = `${r.base}/api/messages`;
  const who = { serviceUrl: r.connector.url, from: { id: TEAMS_USER, name: TEAMS_NAME, aadObjectId: AAD_OBJECT } };
  const headers = { authorization: `Bearer ${BEARER}` };
  expect((await post(url, teamsFixture('personal_message', { ...who, id: 'privacy-1', text: QUESTIONS.teams }), headers)).status).toBe(200);
  expect((await post(url, teamsFixture('personal_message', { ...who, id: 'privacy-2', text: 'subscribe 08:30 Europe/Paris' }), headers)).status).toBe(200);
  expect((await post(url, teamsFixture('card_submit', { ...who, id: 'privacy-3', value: { action: 'feedback', entryId: 'paper-author', helpful: true } }), headers)).status).toBe(200);
  // Each message is acknowledged before it is answered: wait for the answers.
  await vi.waitFor(() => expect(r.connector.requests.length).toBeGreaterThanOrEqual(3));
  // A redelivery, dropped with a debug line: proof that the run logs at debug.
  expect((await post(url, teamsFixture('personal_message', { ...who, id: 'privacy-1', text: QUESTIONS.teams }), headers)).status).toBe(200);
}

/** The forms a text may take in a log line: as sent, lower-cased, JSON-escaped. */
const forms = (text: string): string[] => [text, text.toLowerCase(), JSON.stringify(text).slice(1, -1)];

/** Fails naming whichever secret, id or question (or its marker word) `log` contains. */
function expectNothingPrivate(log: string, secrets: Readonly<Record<string, string>>): void {
  const all = { BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET, BEARER, bearerSignature: BEARER.split('.')[2] ?? BEARER, ...secrets };
  for (const [name, secret] of Object.entries(all)) expect({ name, logged: log.includes(secret) }).toEqual({ name, logged: false });
  const ids = { SLACK_USER, fixtureAsker: 'U0ASKER001', TEAMS_USER, teamsUserTail: TEAMS_USER.slice(3), AAD_OBJECT, TEAMS_NAME };
  for (const [name, id] of Object.entries(ids)) expect({ name, logged: log.includes(id) }).toEqual({ name, logged: false });
  const lower = log.toLowerCase();
  for (const [name, question] of Object.entries(QUESTIONS)) {
    const marker = question.split(' ').at(-1)?.replace(/\W/g, '') ?? question;
    const found = [...forms(question), marker].filter((f) => lower.includes(f.toLowerCase()));
    expect({ name, found }).toEqual({ name, found: [] });
  }
}

const settle = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, 200)); // lines written after the last reply

describe('the log of a full run at debug level', { timeout: 30_000 }, () => {
  it('holds no token, no signing secret, no bearer, no raw user id and no question text (Slack HTTP mode, TEAMS_LOCAL)', async () => {
    run = await start();
    await slackScenario(run);
    await teamsScenario(run);
    await settle();
    const log = run.log();
    expect(log).toContain('"level":"debug"'); // the run did log at debug
    expect(run.fake.callsTo('chat.postMessage').length + run.connector.requests.length).toBeGreaterThanOrEqual(5); // and did answer
    expectNothingPrivate(log, {});
  });

  it('holds no app password, no bearer, no raw user id and no question text (Teams with credentials)', async () => {
    const r = await startWithTeamsCredentials();
    try {
      const token = r.login.token({ serviceurl: r.connector.url });
      const who = { serviceUrl: r.connector.url, from: { id: TEAMS_USER, name: TEAMS_NAME, aadObjectId: AAD_OBJECT } };
      const as = (t: string): Record<string, string> => ({ authorization: `Bearer ${t}` });
      const search = teamsFixture('compose_extension_query', { ...who, value: { commandId: 'searchQuery', parameters: [{ name: 'searchQuery', value: QUESTIONS.teams }] } });
      expect((await post(r.url, search, as(token))).status).toBe(200);
      // The reply needs a token from login.microsoftonline.com, which this test cannot reach: the failure path is logged too.
      expect((await post(r.url, teamsFixture('personal_message', { ...who, id: 'privacy-c1', text: QUESTIONS.mention }), as(token))).status).toBeLessThan(500);
      for (const forged of Object.values(r.login.forgeries({ serviceurl: r.connector.url }))) {
        expect((await post(r.url, teamsFixture('personal_message', { ...who, id: 'privacy-c2', text: QUESTIONS.dm }), as(forged))).status).toBe(401);
      }
      await settle();
      const log = r.log();
      expect(log).toContain('"level":"warn"'); // the forgeries were logged
      const parts = Object.fromEntries(token.split('.').map((part, i) => [`token part ${i}`, part]));
      expectNothingPrivate(log, { APP_PASSWORD, ...parts });
    } finally {
      await r.close();
    }
  });
});

/** Teams with credentials at debug, registered as startAdapters does but with the channel's keys on a fake login host. */
async function startWithTeamsCredentials(): Promise<{ url: string; login: FakeLogin; connector: FakeConnector; log: () => string; close: () => Promise<void> }> {
  const { out, written } = captureOutput();
  const login = await startFakeLogin(APP_ID);
  const connector = await startFakeConnector();
  const config = loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: APP_PASSWORD, MicrosoftAppType: 'MultiTenant', PORT: '0', LOG_LEVEL: 'debug', DATA_DIR: tempDir() });
  const logger = createLogger(config.logLevel, out);
  const store = openStore(config.dataDir, SYSTEM_CLOCK);
  const server = createHttpServer(logger);
  const pipeline = storePipeline({ bot: createBot({ knowledge: loadKnowledge(config.knowledgeDir) }), store, clock: SYSTEM_CLOCK, logger, defaults: config.digest });
  registerTeams(server, { pipeline, refs: store, answers: store, config, logger, auth: { metadataUrl: login.metadataUrl } });
  const url = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}/api/messages`;
  const close = async (): Promise<void> => {
    await server.close();
    store.close();
    await connector.close();
    await login.close();
  };
  return { url, login, connector, log: () => written.join('\n'), close };
}
