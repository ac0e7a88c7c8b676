import { verifySlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signatureFor, verifySignature } from '../../../src/adapters/slack/signature.js';
import { signature } from '../../helpers/slackRequests.js';

// Slack's documented example ("Verifying requests from Slack"). Note the token: the docs have
// `xyzz0WbapA4vBCDEFasx0q6G`; issue 3 quotes `xyzz0WbapA4vBCDEbOTQTBTGfrnbUU0B`, a transcription
// slip that does not produce the documented signature (checked in the last test below).
const SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
const TIMESTAMP = 1531420618;
const BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
const SIGNATURE = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
const AT_EXAMPLE_TIME = TIMESTAMP * 1000 + 30_000;

const request = { body: BODY, signature: SIGNATURE, timestamp: String(TIMESTAMP) };

describe('Slack request signing', () => {
  it("accepts Slack's documented example at the example's time", () => {
    expect(verifySignature(SECRET, request, AT_EXAMPLE_TIME)).toEqual({ ok: true });
  });

  it("computes the documented signature, as do the test helper and Bolt's own verifier", () => {
    expect(signatureFor(SECRET, String(TIMESTAMP), BODY)).toBe(SIGNATURE);
    expect(signature(SECRET, TIMESTAMP, BODY)).toBe(SIGNATURE);
    expect(() =>
      verifySlackRequest({ signingSecret: SECRET, body: BODY, headers: { 'x-slack-signature': SIGNATURE, 'x-slack-request-timestamp': TIMESTAMP }, nowMilliseconds: AT_EXAMPLE_TIME }),
    ).not.toThrow();
  });

  it('refuses a body changed by one character', () => {
    expect(verifySignature(SECRET, { ...request, body: BODY.replace('roadrunner', 'roadrunnex') }, AT_EXAMPLE_TIME).ok).toBe(false);
  });

  it('refuses the wrong secret', () => {
    expect(verifySignature('not-the-secret', request, AT_EXAMPLE_TIME).ok).toBe(false);
  });

  it('refuses a stale request (a replay more than 5 minutes later)', () => {
    const verdict = verifySignature(SECRET, request, (TIMESTAMP + 6 * 60) * 1000);
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/stale/) });
  });

  it('refuses a timestamp far in the future', () => {
    expect(verifySignature(SECRET, request, (TIMESTAMP - 10 * 60) * 1000)).toMatchObject({ ok: false, reason: expect.stringMatching(/future/) });
  });

  it('refuses missing or malformed headers', () => {
    expect(verifySignature(SECRET, { ...request, signature: undefined }, AT_EXAMPLE_TIME).ok).toBe(false);
    expect(verifySignature(SECRET, { ...request, timestamp: 'yesterday' }, AT_EXAMPLE_TIME).ok).toBe(false);
    expect(verifySignature(SECRET, { ...request, signature: 'v1=abc' }, AT_EXAMPLE_TIME).ok).toBe(false);
  });

  it("refuses the issue's copy of the example body, whose token differs from Slack's docs", () => {
    const issueBody = BODY.replace('xyzz0WbapA4vBCDEFasx0q6G', 'xyzz0WbapA4vBCDEbOTQTBTGfrnbUU0B');
    expect(verifySignature(SECRET, { ...request, body: issueBody }, AT_EXAMPLE_TIME).ok).toBe(false);
  });
});
