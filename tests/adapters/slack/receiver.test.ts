import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loopbackOnly } from '../../helpers/loopback.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { postAction, postCommand, postEvent } from '../../helpers/slackRequests.js';
import { recordingLogger, type RecordingLogger } from '../../helpers/slackTestDoubles.js';

loopbackOnly();

/** Signed JSON bodies that are no payload Slack sends: each once crashed Bolt or a listener. */
const MALFORMED_EVENTS: readonly object[] = [
  {},
  { type: 'event_callback', event: 'x' },
  { type: 'event_callback', event: { type: 'message', channel: 5 } },
  { type: 'event_callback', event: { type: 'app_mention', user: 7, text: 'hi', channel: 'C1', ts: '1.2' } },
  { type: 'block_actions', actions: 'x' },
  { type: 'block_actions', actions: [{ action_id: 'share', value: 'entry:x' }] },
  { type: 'view_submission' },
];

describe('Slack receiver: signed but malformed payloads', () => {
  let h: SlackHarness;
  let logger: RecordingLogger;

  beforeEach(async () => {
    logger = recordingLogger();
    h = await startSlackHarness({ logger });
  });
  afterEach(async () => h.close());

  it('answers 400 to signed JSON that is no Slack payload, and logs no error', async () => {
    const statuses: number[] = [];
    for (const body of MALFORMED_EVENTS) statuses.push((await postEvent(h.eventsUrl, body)).status);
    expect(statuses).toEqual(MALFORMED_EVENTS.map(() => 400));
    await sleep(100);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('answers 400 to a signed slash command or button click missing its fields', async () => {
    const command = await postCommand(h.eventsUrl, 'command=%2Feu-china');
    const click = await postAction(h.eventsUrl, { type: 'block_actions', actions: [{ action_id: 'share' }], user: 'U1' });
    expect([command.status, click.status]).toEqual([400, 400]);
    await sleep(100);
    expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
  });
});
