import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASK_SHORTCUT } from '../../../src/adapters/slack/listeners.js';
import { buttons, shownText } from '../../helpers/slackBlocks.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { fixtureJson, postAction } from '../../helpers/slackRequests.js';
import { recordingLogger } from '../../helpers/slackTestDoubles.js';

/** The message_action fixture with this harness's response_url and, optionally, another message text. */
function shortcut(h: SlackHarness, id: string, text?: string): Record<string, unknown> {
  const payload = fixtureJson('message_action.json');
  const message = { ...fixtureJson('message_action.json')['message'] as object, ...(text === undefined ? {} : { text }) };
  return { ...payload, response_url: h.fake.responseUrl(id), message };
}

describe('"Ask the paper about this" message shortcut (real Bolt, real server, fake Web API)', () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ logger: recordingLogger() });
  });
  afterEach(async () => h.close());

  it('answers the message text privately through the response_url, with a Share button', async () => {
    expect(fixtureJson('message_action.json')['callback_id']).toBe(ASK_SHORTCUT);
    const res = await postAction(h.eventsUrl, shortcut(h, 'sc1'));
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(call?.path).toBe('/response/sc1');
    expect(call?.body['response_type']).toBe('ephemeral');
    expect(shownText(call)).toContain('Pierre Andrieu');
    expect(shownText(call)).not.toContain('<@U0OTHER01>');
    expect(buttons(call)).toContainEqual({ action_id: 'share', value: 'entry:paper-author' });
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('answers in the DM instead when the ephemeral reply cannot be delivered', async () => {
    h.fake.failNext('response_url', 1, { status: 404 });
    await postAction(h.eventsUrl, shortcut(h, 'sc2'));
    const [dm] = await h.fake.waitFor('chat.postMessage', 1);
    expect(dm?.body['channel']).toBe('U0ASKER001');
    expect(dm?.body['thread_ts']).toBeUndefined();
    expect(shownText(dm)).toContain('Pierre Andrieu');
    expect(buttons(dm).map((b) => b.action_id)).not.toContain('share');
  });

  it('says so privately when the message has no text', async () => {
    await postAction(h.eventsUrl, shortcut(h, 'sc3', ''));
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(call?.body['response_type']).toBe('ephemeral');
    expect(shownText(call)).toContain('no text I can read');
  });

  it('never formats the quoted message: a *bold* fake answer and <!channel> are shown as typed', async () => {
    await postAction(h.eventsUrl, shortcut(h, 'sc4', '*Answer:* <!channel> who wrote the paper?'));
    const [call] = await h.fake.waitFor('response_url', 1);
    expect(shownText(call)).not.toMatch(/<!channel>/);
  });
});
