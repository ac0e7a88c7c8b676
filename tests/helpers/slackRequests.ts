/**
 * Signed requests to a Slack endpoint, as Slack sends them: v0 HMAC-SHA256 over
 * `v0:timestamp:body`, JSON for events, a form for slash commands, a form with a JSON `payload`
 * for button clicks. Also loads the recorded payloads in tests/fixtures/slack/.
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'slack');

/** A fixture file's text (slash commands are a form body, the others JSON). */
export function fixtureText(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** A JSON fixture, parsed. */
export function fixtureJson(name: string): Record<string, unknown> {
  return asObject(JSON.parse(fixtureText(name)), name);
}

/** `value` as a plain object (a copy), or an error naming `what`. */
export function asObject(value: unknown, what = 'value'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a JSON object`);
  return Object.fromEntries(Object.entries(value));
}

/** An Events API fixture with the inner event's fields and the envelope's `event_id` replaced. */
export function withEvent(envelope: Record<string, unknown>, event: Record<string, unknown>, eventId?: string): Record<string, unknown> {
  return { ...envelope, event: { ...asObject(envelope['event'], 'event'), ...event }, ...(eventId ? { event_id: eventId } : {}) };
}

/** Slack's `X-Slack-Signature` for `body` at `timestamp` (seconds). */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  readonly secret?: string;
  /** Seconds; now by default. */
  readonly timestamp?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

async function post(url: string, body: string, contentType: string, options: SignedPost): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
      ...options.headers,
    },
    body,
  });
}

/** An Events API delivery (JSON envelope). */
export function postEvent(url: string, envelope: object, options: SignedPost = {}): Promise<Response> {
  return post(url, JSON.stringify(envelope), 'application/json', options);
}

/** A slash command (form body). */
export function postCommand(url: string, form: string, options: SignedPost = {}): Promise<Response> {
  return post(url, form, 'application/x-www-form-urlencoded', options);
}

/** A button click (form with a JSON `payload`). */
export function postAction(url: string, payload: object, options: SignedPost = {}): Promise<Response> {
  return post(url, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}
