import { connect, type Socket } from 'node:net';
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/core/bot.js';
import { loopbackOnly } from '../../helpers/loopback.js';
import { realBot, startSlackHarness, type SlackHarness } from '../../helpers/slackHarness.js';
import { fixtureJson, fixtureText, postCommand, postEvent, signature, TEST_SIGNING_SECRET, withEvent } from '../../helpers/slackRequests.js';

loopbackOnly();

/** The app_mention fixture as a new message: its own event id, ts and text. */
function mention(n: number, text = 'Who wrote the paper?'): Record<string, unknown> {
  const ts = `1712500000.00000${n}`;
  return withEvent(fixtureJson('app_mention.json'), { ts, event_ts: ts, text: `<@U0BOT0001> ${text}` }, `Ev0ACK${n}`);
}

/** A signed POST /slack/events as raw HTTP/1.1 bytes. */
function rawEvent(url: string, envelope: object): string {
  const body = JSON.stringify(envelope);
  const timestamp = Math.floor(Date.now() / 1000);
  const { host, pathname } = new URL(url);
  return [
    `POST ${pathname} HTTP/1.1`,
    `Host: ${host}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    `X-Slack-Request-Timestamp: ${timestamp}`,
    `X-Slack-Signature: ${signature(TEST_SIGNING_SECRET, timestamp, body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

describe('Slack acknowledgement (real Bolt, real server, fake Web API)', () => {
  let h: SlackHarness;
  /** For each question answered: how many HTTP responses had been sent when the bot started on it. */
  let ackedWhenAsked: number[];
  let responses: ServerResponse[];

  beforeEach(async () => {
    ackedWhenAsked = [];
    responses = [];
    const real = realBot();
    const bot: Bot = {
      ...real,
      ask: (question) => {
        ackedWhenAsked.push(responses.filter((r) => r.writableEnded).length);
        return real.ask(question);
      },
    };
    h = await startSlackHarness({ bot });
    h.server.server.on('request', (_req, res: ServerResponse) => void responses.push(res));
  });
  afterEach(async () => h.close());

  it('sends the HTTP 200 for a mention while its chat.postMessage is still held open', async () => {
    const release = h.fake.hold('chat.postMessage');
    const res = await postEvent(h.eventsUrl, mention(1));
    expect(res.status).toBe(200);
    const [held] = await h.fake.waitFor('chat.postMessage', 1);
    expect(held?.body['thread_ts']).toBe('1712500000.000001');
    release();
  });

  it('sends the HTTP 200 for a slash command while the reply to its response_url is still held open', async () => {
    const release = h.fake.hold('response_url');
    const form = fixtureText('slash_command.txt').replace(/response_url=[^&]+/, `response_url=${encodeURIComponent(h.fake.responseUrl('held1'))}`);
    const res = await postCommand(h.eventsUrl, form);
    expect([res.status, await res.text()]).toEqual([200, '']);
    await h.fake.waitFor('response_url', 1);
    release();
  });

  it('acknowledges every delivery of a burst before answering any of them', async () => {
    const { port } = new URL(h.eventsUrl);
    let accepted = 0;
    h.server.server.on('connection', () => void (accepted += 1));
    const sockets: Socket[] = await Promise.all(
      [1, 2, 3].map((): Promise<Socket> => new Promise((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
        socket.on('error', () => undefined);
      })),
    );
    while (accepted < 3) await new Promise((resolve) => setImmediate(resolve));
    // All three requests are in the server's socket buffers before it reads any of them.
    sockets.forEach((socket, i) => socket.write(rawEvent(h.eventsUrl, mention(i + 2))));
    await h.fake.waitFor('chat.postMessage', 3);
    for (const socket of sockets) socket.destroy();
    expect(ackedWhenAsked).toEqual([3, 3, 3]);
  });
});
