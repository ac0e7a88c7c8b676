/**
 * `GET /metrics` after real traffic through `npm start`'s own wiring (`startAdapters`): Slack in
 * HTTP mode (signed events through the real Bolt app, its replies to a fake Web API) and Teams
 * (TEAMS_LOCAL, real Activity JSON through botbuilder, replies to a fake connector), on one real
 * HTTP server. The scrape must parse as the Prometheus text format (an independent reader,
 * tests/helpers/prometheusText.ts) and its counters must have moved by exactly what was sent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { openStore, startAdapters, SYSTEM_CLOCK, type Adapters } from '../../src/wiring.js';
import { recordingLogger, tempDir } from '../core/digest/fakes.js';
import { loopbackOnly } from '../helpers/loopback.js';
import { parsePrometheusText, sampleValue, type Family } from '../helpers/prometheusText.js';
import { startFakeSlackApi, type FakeSlackApi } from '../helpers/slackFakeApi.js';
import { fixtureJson, postEvent, TEST_SIGNING_SECRET, withEvent } from '../helpers/slackRequests.js';
import { post, startFakeConnector, teamsFixture, type FakeConnector } from '../helpers/teams.js';

loopbackOnly();

let fake: FakeSlackApi | undefined;
let connector: FakeConnector | undefined;
let adapters: Adapters | undefined;
afterEach(async () => {
  await adapters?.stop();
  await fake?.close();
  await connector?.close();
});

async function start(): Promise<string> {
  fake = await startFakeSlackApi();
  connector = await startFakeConnector();
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-metrics', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, TEAMS_LOCAL: '1', PORT: '0', DATA_DIR: tempDir() });
  const logger = recordingLogger();
  const store = openStore(config.dataDir, SYSTEM_CLOCK);
  adapters = await startAdapters({ config, bot: createBot({ knowledge: loadKnowledge(config.knowledgeDir) }), store, clock: SYSTEM_CLOCK, logger });
  const port = logger.lines.find((l) => l.message === 'http server listening')?.fields?.['port'];
  return `http://127.0.0.1:${String(port)}`;
}

async function scrape(base: string): Promise<Map<string, Family>> {
  const res = await fetch(`${base}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusText(await res.text());
}

const mention = (text: string, eventId: string): object => withEvent(fixtureJson('app_mention.json'), { text: `<@U0BOT0001> ${text}` }, eventId);

describe('GET /metrics', { timeout: 60_000 }, () => {
  it('counts questions by platform, decision and language, their latency, deliveries, delivery errors and dedupe hits', async () => {
    const base = await start();
    const before = await scrape(base);
    expect(sampleValue(before, 'eu_china_bot_questions_total', 'eu_china_bot_questions_total')).toBe(0);
    expect(sampleValue(before, 'eu_china_bot_digests_total', 'eu_china_bot_digests_total', { outcome: 'released' })).toBe(0);

    const events = `${base}/slack/events`;
    expect((await postEvent(events, mention('Who wrote the paper?', 'EvMETRICS01'))).status).toBe(200);
    await fake?.waitFor('chat.postMessage', 1);
    expect((await postEvent(events, mention('Who wrote the paper?', 'EvMETRICS01'), { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })).status).toBe(200);
    expect((await postEvent(events, mention('Qui est l’auteur de cette note ?', 'EvMETRICS02'))).status).toBe(200);
    await fake?.waitFor('chat.postMessage', 2);
    // The answer and the apology after it both refused: one reply that could not be delivered.
    fake?.failNext('chat.postMessage', 2, { error: 'channel_not_found' });
    expect((await postEvent(events, mention('What is the weather like on Mars tomorrow?', 'EvMETRICS03'))).status).toBe(200);
    await fake?.waitFor('chat.postMessage', 4);

    const messages = `${base}/api/messages`;
    const teams = (id: string): object => teamsFixture('personal_message', { serviceUrl: connector?.url, id, text: 'Who is the author of the paper?' });
    expect((await post(messages, teams('metrics-1'))).status).toBe(200);
    expect((await post(messages, teams('metrics-1'))).status).toBe(200);

    const m = await scrape(base);
    const count = (name: string, labels: Record<string, string>): number => sampleValue(m, name, name, labels);
    expect(count('eu_china_bot_questions_total', { platform: 'slack' })).toBe(3);
    expect(count('eu_china_bot_questions_total', { platform: 'slack', decision: 'answer', language: 'en' })).toBe(1);
    expect(count('eu_china_bot_questions_total', { platform: 'slack', language: 'fr' })).toBe(1);
    expect(count('eu_china_bot_questions_total', { platform: 'slack', decision: 'decline' })).toBe(1);
    expect(count('eu_china_bot_questions_total', { platform: 'teams', decision: 'answer', language: 'en' })).toBe(1);
    expect(m.get('eu_china_bot_answer_latency_seconds')?.type).toBe('histogram');
    expect(sampleValue(m, 'eu_china_bot_answer_latency_seconds', 'eu_china_bot_answer_latency_seconds_count', { platform: 'slack' })).toBe(3);
    expect(sampleValue(m, 'eu_china_bot_answer_latency_seconds', 'eu_china_bot_answer_latency_seconds_sum', { platform: 'teams' })).toBeGreaterThan(0);
    expect(count('eu_china_bot_deliveries_total', { platform: 'slack' })).toBe(2);
    expect(count('eu_china_bot_delivery_errors_total', { platform: 'slack' })).toBe(1);
    expect(count('eu_china_bot_deliveries_total', { platform: 'teams' })).toBe(1);
    expect(count('eu_china_bot_delivery_errors_total', { platform: 'teams' })).toBe(0);
    expect(count('eu_china_bot_dedupe_hits_total', { platform: 'slack' })).toBe(1);
    expect(count('eu_china_bot_dedupe_hits_total', { platform: 'teams' })).toBe(1);
    // Node's own series come along (resident memory, event-loop lag), under the same prefix.
    expect(count('eu_china_bot_process_resident_memory_bytes', {})).toBeGreaterThan(0);
    expect(m.get('eu_china_bot_dedupe_hits_total')?.type).toBe('counter');
  });

  it('answers 404 for other methods and paths near it', async () => {
    const base = await start();
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/metrics/x`)).status).toBe(404);
  });
});
