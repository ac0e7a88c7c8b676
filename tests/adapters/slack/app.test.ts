import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackApp } from '../../../src/adapters/slack/app.js';
import { APOLOGY } from '../../../src/adapters/slack/deliver.js';
import { ConfigError } from '../../../src/core/errors.js';
import { createHttpServer } from '../../../src/server/http.js';
import { buttons, elements, shownText } from '../../helpers/slackBlocks.js';
import { startFakeSlackApi } from '../../helpers/slackFakeApi.js';
import { memoryPipeline, realBot, startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { fixtureJson, fixtureText, postAction, postCommand, postEvent, withEvent } from '../../helpers/slackRequests.js';
import { recordingFeedback, recordingLogger, type RecordingFeedback, type RecordingLogger } from '../../helpers/slackTestDoubles.js';

/** Long enough for a reply that should not come to have arrived. */
const settle = (): Promise<unknown> => sleep(150);

/** Polls `check` until it holds (or 5 s pass, and the last failure is thrown). */
async function eventually(check: () => void): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(20);
    }
  }
}

/** The app_mention fixture with another event id or text. */
function mention(overrides: { eventId?: string; text?: string } = {}): Record<string, unknown> {
  return withEvent(fixtureJson('app_mention.json'), overrides.text ? { text: overrides.text } : {}, overrides.eventId);
}

describe('Slack app over HTTP (real Bolt, real server, fake Web API)', () => {
  let h: SlackHarness;
  let logger: RecordingLogger;
  let feedback: RecordingFeedback;

  beforeEach(async () => {
    logger = recordingLogger();
    feedback = recordingFeedback();
    h = await startSlackHarness({ logger, feedback });
  });
  afterEach(async () => h.close());

  it('answers a mention once, in a thread under it, with citations', async () => {
    const res = await postEvent(h.eventsUrl, mention());
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(call?.body).toMatchObject({ channel: 'C0GENERAL01', thread_ts: '1712345678.000100' });
    const shown = call ? shownText(call) : '';
    expect(shown).toContain('Pierre Andrieu');
    expect(shown).toContain('About the author');
    expect(shown).toContain(`<${realBot().source().url}|Read the paper>`);
  });

  it('answers a question whose words cannot tell its language in the asker\'s Slack locale (users.info, cached)', async () => {
    const user = String((fixtureJson('message_im.json')['event'] as Record<string, unknown>)['user']);
    h.fake.locales.set(user, 'fr-FR');
    try {
      const dm = (text: string, eventId: string) => withEvent(fixtureJson('message_im.json'), { text }, eventId);
      await postEvent(h.eventsUrl, dm('ISSN?', 'Ev0LOCALE001'));
      await postEvent(h.eventsUrl, dm('ISSN ?', 'Ev0LOCALE002'));
      const calls = await h.fake.waitFor('chat.postMessage', 2);
      const issn = realBot().knowledge.entries.find((e) => e.id === 'paper-issn');
      for (const call of calls) expect(shownText(call)).toContain(issn?.translations?.fr?.answer.slice(0, 40));
      expect(h.fake.callsTo('users.info').map((c) => [c.body['user'], c.body['include_locale']])).toEqual([[user, 'true']]);
    } finally {
      h.fake.locales.clear();
    }
  });

  it('answers a retried delivery of the same event exactly once', async () => {
    const envelope = mention({ eventId: 'Ev0RETRIED01' });
    expect((await postEvent(h.eventsUrl, envelope)).status).toBe(200);
    const retry = await postEvent(h.eventsUrl, envelope, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    const noHeader = await postEvent(h.eventsUrl, envelope);
    expect(noHeader.status).toBe(200);
    await h.fake.waitFor('chat.postMessage', 1);
    await eventually(() => expect(logger.find('slack duplicate event ignored')).toHaveLength(2));
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers concurrent duplicate deliveries once', async () => {
    const envelope = mention({ eventId: 'Ev0RACING01' });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => postEvent(h.eventsUrl, envelope).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await h.fake.waitFor('chat.postMessage', 1);
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('refuses a bad, stale or missing signature with 401 and posts nothing', async () => {
    const bad = await postEvent(h.eventsUrl, mention({ eventId: 'Ev0BADSIG01' }), { secret: 'not-the-secret' });
    const stale = await postEvent(h.eventsUrl, mention({ eventId: 'Ev0STALE01' }), { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    const unsigned = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(mention()) });
    expect([bad.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    await settle();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(logger.find('slack request refused')).toHaveLength(3);
  });

  it('answers a DM in the DM and ignores edits and its own messages', async () => {
    await postEvent(h.eventsUrl, fixtureJson('message_changed.json'));
    await postEvent(h.eventsUrl, fixtureJson('message_im_bot.json'));
    await postEvent(h.eventsUrl, fixtureJson('message_im.json'));
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    await settle();
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(call?.body['channel']).toBe('D0DIRECT001');
    expect(call?.body['thread_ts']).toBeUndefined();
    expect(call ? shownText(call) : '').toContain('26th March 2024');
  });

  it('shows an @channel / <!channel> question back escaped, pinging no one', async () => {
    const text = '<@U0BOT0001> <!channel> &lt;!here&gt; &lt;@U0OTHER01&gt; &lt;https://evil.example|https://www.robert-schuman.eu&gt; who wrote the paper?';
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0ESCAPE01', text }));
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    const shown = call ? shownText(call) : '';
    expect(shown).toContain('&lt;!here&gt; &lt;@U0OTHER01&gt; &lt;https://evil.example|https://www.robert-schuman.eu&gt;');
    expect(shown).toContain('@\u2060channel');
    expect(shown).not.toMatch(/<!|<@|<https:\/\/evil|@channel|@here/);
    expect(call?.body).toMatchObject({ link_names: 'false', unfurl_links: 'false' });
  });

  it('acknowledges the slash command at once and answers ephemerally with a Share button', async () => {
    const form = fixtureText('slash_command.txt').replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(h.fake.responseUrl('cmd1'))}`);
    const started = performance.now();
    const res = await postCommand(h.eventsUrl, form);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(performance.now() - started).toBeLessThan(3000);
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(call?.path).toBe('/response/cmd1');
    expect(call?.body['response_type']).toBe('ephemeral');
    expect(call ? shownText(call) : '').toContain('Pierre Andrieu');
    expect(call ? buttons(call) : []).toContainEqual({ action_id: 'share', value: 'entry:paper-author' });
  });

  it('answers /eu-china topics with the topics, and an unknown subcommand with help', async () => {
    const form = (text: string, id: string): string =>
      fixtureText('slash_command.txt').replace(/text=[^&]*/, `text=${encodeURIComponent(text)}`).replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(h.fake.responseUrl(id))}`);
    await postCommand(h.eventsUrl, form('topics', 'topics'));
    await postCommand(h.eventsUrl, form('frobnicate', 'unknown'));
    const calls = await h.fake.waitFor('response_url', 2);
    const byPath = (p: string): string => shownText(calls.find((c) => c.path === p) ?? calls[0] ?? { method: '', body: {}, path: '', at: 0 });
    expect(byPath('/response/topics')).toContain(realBot().topics()[0]?.title.replace(/&/g, '&amp;'));
    expect(byPath('/response/unknown')).toContain("I don't know `/eu-china frobnicate`");
    expect(byPath('/response/unknown')).toContain('/eu-china topics');
  });

  it('echoes an unknown subcommand inside its code span only: a backtick in it cannot close the span', async () => {
    const form = fixtureText('slash_command.txt').replace(/text=[^&]*/, `text=${encodeURIComponent('foo`*bold*`')}`).replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(h.fake.responseUrl('tick'))}`);
    await postCommand(h.eventsUrl, form);
    const [call] = await h.fake.waitFor('response_url', 1);
    const shown = call ? shownText(call) : '';
    expect(shown).toContain("I don't know `/eu-china foo'*bold*'`");
    expect((shown.match(/`/g) ?? []).length % 2).toBe(0);
  });

  it('answers a Related button click with the related entry, in the same thread', async () => {
    const res = await postAction(h.eventsUrl, fixtureJson('block_actions.json'));
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    expect(call?.body).toMatchObject({ channel: 'C0GENERAL01', thread_ts: '1712345678.000100' });
    expect(call ? shownText(call) : '').toContain(realBot().answerEntry('author-background')?.text.slice(0, 40));
  });

  it('answers a Related click on an ephemeral reply in place, through its response_url', async () => {
    const payload = { ...fixtureJson('block_actions_ephemeral.json'), response_url: h.fake.responseUrl('eph1') };
    const click = { ...payload, actions: [{ action_id: 'related_1', block_id: 'related', type: 'button', value: 'author-book', action_ts: '1712345811.000001' }] };
    await postAction(h.eventsUrl, click);
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(call?.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(call ? shownText(call) : '').toContain('Géopolitique de relations russo-chinoises');
    expect(call ? buttons(call) : []).toContainEqual({ action_id: 'share', value: 'entry:author-book' });
  });

  it('shares an ephemeral answer in the channel and removes the ephemeral copy', async () => {
    await postAction(h.eventsUrl, { ...fixtureJson('block_actions_ephemeral.json'), response_url: h.fake.responseUrl('share1') });
    const [shared, removed] = await h.fake.waitFor('response_url', 2);
    expect(shared?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(shared ? shownText(shared) : '').toContain('Shared by <@U0ASKER001>');
    expect(shared ? shownText(shared) : '').toContain('Pierre Andrieu');
    expect(removed?.body).toMatchObject({ delete_original: true });
  });

  it('records a Helpful click through the feedback port and thanks the user privately', async () => {
    const payload = fixtureJson('block_actions.json');
    await postAction(h.eventsUrl, { ...payload, actions: [{ action_id: 'feedback_helpful', block_id: 'controls', type: 'button', value: 'paper-author', action_ts: '1712345691.000001' }] });
    const [thanks] = await h.fake.waitFor('chat.postEphemeral', 1);
    // The platform id goes to the port; the store salts it (tests/privacy.e2e.test.ts), adapters no longer hash.
    expect(feedback.records).toEqual([{ platform: 'slack', userId: 'U0ASKER001', entryId: 'paper-author', helpful: true }]);
    expect(thanks?.body).toMatchObject({ channel: 'C0GENERAL01', user: 'U0ASKER001', thread_ts: '1712345678.000100' });
  });

  it("answers a mention with Slack's native feedback buttons instead of the Helpful / Not helpful buttons", async () => {
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0NATIVEFB01' }));
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    const [native] = elements(call?.body['blocks'], 'feedback_buttons');
    expect(elements(call?.body['blocks'], 'context_actions')).toHaveLength(1);
    expect(native).toMatchObject({ action_id: 'feedback_native', positive_button: { value: 'up:paper-author' }, negative_button: { value: 'down:paper-author' } });
    expect(buttons(call).map((b) => b.action_id)).not.toContain('feedback_helpful');
  });

  it('records a native thumbs-down click as feedback and thanks the user privately', async () => {
    const res = await postAction(h.eventsUrl, fixtureJson('block_actions_feedback_buttons.json'));
    expect(res.status).toBe(200);
    const [thanks] = await h.fake.waitFor('chat.postEphemeral', 1);
    expect(feedback.records).toEqual([{ platform: 'slack', userId: 'U0ASKER001', entryId: 'paper-author', helpful: false }]);
    expect(thanks?.body).toMatchObject({ channel: 'C0GENERAL01', user: 'U0ASKER001', thread_ts: '1712345678.000100' });
  });

  it('keeps the Helpful / Not helpful buttons in ephemeral slash-command answers', async () => {
    const form = fixtureText('slash_command.txt').replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(h.fake.responseUrl('fb1'))}`);
    await postCommand(h.eventsUrl, form);
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(buttons(call).map((b) => b.action_id)).toEqual(expect.arrayContaining(['feedback_helpful', 'feedback_not_helpful']));
    expect(elements(call?.body['blocks'], 'feedback_buttons')).toEqual([]);
  });

  it('publishes the App Home when the tab is opened', async () => {
    await postEvent(h.eventsUrl, fixtureJson('app_home_opened.json'));
    const [call] = await h.fake.waitFor('views.publish', 1);
    expect(call?.body['user_id']).toBe('U0ASKER001');
    expect(call?.body['view']).toMatchObject({ type: 'home' });
  });

  it('retries a failed chat.postMessage as the SDK allows, then delivers', async () => {
    h.fake.failNext('chat.postMessage', 1, { status: 503 });
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0FLAKY01' }));
    const calls = await h.fake.waitFor('chat.postMessage', 2);
    await settle();
    expect(calls).toHaveLength(2);
    expect(logger.find('slack delivery failed')).toEqual([]);
  });

  it('logs a delivery that still fails with context and posts a short apology', async () => {
    h.fake.failNext('chat.postMessage', 1, { error: 'invalid_blocks' });
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0BROKEN01' }));
    const [, apology] = await h.fake.waitFor('chat.postMessage', 2);
    expect(apology?.body).toMatchObject({ text: APOLOGY, thread_ts: '1712345678.000100' });
    await eventually(() => expect(logger.find('slack delivery failed')).toHaveLength(1));
    const [line] = logger.find('slack delivery failed');
    expect(line?.fields).toMatchObject({ channel: 'C0GENERAL01', what: 'chat.postMessage', slackError: 'invalid_blocks' });
  });

  it('apologises at once rather than wait out an hour-long Retry-After for an answer', async () => {
    h.fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 3600 });
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0LIMITED01' }));
    const [, apology] = await h.fake.waitFor('chat.postMessage', 2);
    expect(apology?.body).toMatchObject({ text: APOLOGY, thread_ts: '1712345678.000100' });
    await eventually(() => expect(logger.find('slack delivery failed')).toHaveLength(1));
  });

  it('keeps serving after Slack is unreachable for a reply', async () => {
    h.fake.failNext('chat.postMessage', 10, { status: 500 });
    await postEvent(h.eventsUrl, mention({ eventId: 'Ev0DOWN01' }));
    // 1 try + 2 retries for the answer, the same for the apology.
    await h.fake.waitFor('chat.postMessage', 6);
    await eventually(() => expect(logger.find('slack apology failed too')).toHaveLength(1));
    expect(logger.find('slack delivery failed')).toHaveLength(1);
    const health = await fetch(`${h.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it("answers Slack's unsigned ssl_check with 200 and dispatches nothing, even with a smuggled payload", async () => {
    const body = `ssl_check=1&token=x&payload=${encodeURIComponent(JSON.stringify(fixtureJson('block_actions.json')))}`;
    const res = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    expect(res.status).toBe(200);
    await settle();
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await postEvent(h.eventsUrl, { ...mention({ eventId: 'Ev0HUGE01' }), padding: 'x'.repeat(1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it("echoes Slack's url_verification challenge", async () => {
    const res = await postEvent(h.eventsUrl, { token: 'x', challenge: 'c0ffee', type: 'url_verification' });
    expect(await res.json()).toEqual({ challenge: 'c0ffee' });
  });
});

describe('Slack app start-up', () => {
  it('refuses to start with a bot token Slack rejects, naming SLACK_BOT_TOKEN', async () => {
    const fake = await startFakeSlackApi();
    fake.failNext('auth.test', 1, { error: 'invalid_auth' });
    const app = createSlackApp({
      pipeline: memoryPipeline(),
      config: { botToken: 'xoxb-wrong', signingSecret: 'secret', apiUrl: fake.apiUrl },
      logger: recordingLogger(),
      server: createHttpServer(recordingLogger()),
    });
    const started = app.start();
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(/SLACK_BOT_TOKEN/);
    await fake.close();
  });

  it('needs the shared server in HTTP mode and picks Socket Mode when an app token is set', () => {
    const base = { pipeline: memoryPipeline(), logger: recordingLogger() };
    expect(() => createSlackApp({ ...base, config: { botToken: 'xoxb-1', signingSecret: 's' } })).toThrow(ConfigError);
    expect(createSlackApp({ ...base, config: { botToken: 'xoxb-1', appToken: 'xapp-1' } }).mode).toBe('socket');
  });
});

describe('Slack app start-up in Socket Mode', () => {
  it('refuses to start with an app-level token Slack rejects, naming SLACK_APP_TOKEN', async () => {
    const fake = await startFakeSlackApi();
    fake.failNext('apps.connections.open', 5, { error: 'invalid_auth' });
    const app = createSlackApp({
      pipeline: memoryPipeline(),
      config: { botToken: 'xoxb-test', appToken: 'xapp-wrong', apiUrl: fake.apiUrl },
      logger: recordingLogger(),
      retry: { retries: 0 },
    });
    await expect(app.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
    expect(fake.callsTo('apps.connections.open').length).toBeGreaterThan(0);
    await app.stop().catch(() => undefined);
    await fake.close();
  });
});
