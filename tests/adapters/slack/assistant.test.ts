import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { suggestedPrompts } from '../../../src/adapters/slack/listeners.js';
import { memoryContextStore } from '../../../src/core/conversation/followUp.js';
import { shownText } from '../../helpers/slackBlocks.js';
import { realBot, startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { fixtureJson, postEvent, withEvent } from '../../helpers/slackRequests.js';
import { recordingLogger } from '../../helpers/slackTestDoubles.js';

const THREAD = '1729999327.187299';

/** A message in the assistant thread, as the fixture with another text, ts and event id. */
function threadMessage(text: string, ts: string, eventId: string): Record<string, unknown> {
  return withEvent(fixtureJson('message_im_assistant_thread.json'), { text, ts, event_ts: ts }, eventId);
}

describe("Slack's agent messaging experience (real Bolt Assistant, real server, fake Web API)", () => {
  let h: SlackHarness;

  beforeEach(async () => {
    h = await startSlackHarness({ logger: recordingLogger(), contexts: memoryContextStore() });
  });
  afterEach(async () => h.close());

  it('offers example questions from the topics as suggested prompts when a thread starts', async () => {
    const res = await postEvent(h.eventsUrl, fixtureJson('assistant_thread_started.json'));
    expect(res.status).toBe(200);
    const [call] = await h.fake.waitFor('assistant.threads.setSuggestedPrompts', 1);
    expect(call?.body).toMatchObject({ channel_id: 'D0DIRECT001', thread_ts: THREAD });
    const expected = suggestedPrompts(realBot().topics(1));
    const examples = realBot().topics().flatMap((t) => t.examples.map((e) => e.question));
    expect(call?.body['prompts']).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    expect(expected.length).toBeLessThanOrEqual(4);
    for (const p of expected) expect(examples).toContain(p.message);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('acknowledges a context change and calls no Web API (the bot never reads the channel being viewed)', async () => {
    const res = await postEvent(h.eventsUrl, fixtureJson('assistant_thread_context_changed.json'));
    expect(res.status).toBe(200);
    await sleep(150);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers a message in the assistant thread in that thread, and reads "when?" against it', async () => {
    await postEvent(h.eventsUrl, fixtureJson('message_im_assistant_thread.json'));
    const [first] = await h.fake.waitFor('chat.postMessage', 1);
    expect(first?.body).toMatchObject({ channel: 'D0DIRECT001', thread_ts: THREAD });
    expect(shownText(first)).toMatch(/Zelensky/);
    await postEvent(h.eventsUrl, threadMessage('when?', '1729999360.000200', 'Ev0ASSTMSG002'));
    const [, second] = await h.fake.waitFor('chat.postMessage', 2);
    expect(second?.body).toMatchObject({ channel: 'D0DIRECT001', thread_ts: THREAD });
    expect(shownText(second)).toMatch(/26 April/);
  });

  it('still answers a plain DM (no assistant thread) in the DM, outside any thread', async () => {
    await postEvent(h.eventsUrl, fixtureJson('message_im.json'));
    const [call] = await h.fake.waitFor('chat.postMessage', 1);
    expect(call?.body['channel']).toBe('D0DIRECT001');
    expect(call?.body['thread_ts']).toBeUndefined();
  });
});
