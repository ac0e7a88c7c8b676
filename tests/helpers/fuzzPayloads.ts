/**
 * fast-check arbitraries for the endpoint fuzz test (tests/adapters/fuzz.e2e.test.ts): raw HTTP
 * requests, not objects, so that a body can be truncated, mistyped or huge and a header missing.
 * Bodies are Buffers so that fetch adds no content type of its own. Valid-looking payloads start
 * from the recorded fixtures and get a few fields replaced by values of the wrong type.
 */
import fc from 'fast-check';
import { fixtureJson, fixtureText, signature, TEST_SIGNING_SECRET } from './slackRequests.js';
import { teamsFixture } from './teams.js';

export interface Shot {
  /** Which family of payloads it came from, for the figures. */
  readonly family: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

type Json = Record<string, unknown>;

/** Values of the wrong type for any field: numbers, booleans, null, arrays, objects, Object property names. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('constructor', '__proto__', 'toString', ''),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
);

/** A copy of `value` with the field at `path` set to `replacement` (intermediate objects created). */
export function setPath(value: Json, path: readonly string[], replacement: unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const inner = value[head];
  const child: Json = typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner)) : {};
  return { ...value, [head]: rest.length === 0 ? replacement : setPath(child, rest, replacement) };
}

/** `base` with one to three of `paths` given wrong-typed values. */
export function mistyped(base: Json, paths: readonly (readonly string[])[]): fc.Arbitrary<Json> {
  const edit = fc.tuple(fc.constantFrom(...paths), wrongValue);
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => edits.reduce((body, [path, v]) => setPath(body, path, v), base));
}

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const huge = fc.integer({ min: 250_000, max: 350_000 }).chain((size) =>
  fc.constantFrom(`{"type":"event_callback","event":{"text":"${'a'.repeat(size)}"}}`, 'x'.repeat(size), `[${'1,'.repeat(size / 2)}1]`),
);
const truncate = (text: string): fc.Arbitrary<string> => fc.integer({ min: 0, max: text.length - 1 }).map((n) => text.slice(0, n));
const garbageForm = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 30 }), { maxKeys: 6 }).map((d) => new URLSearchParams(d).toString()),
  fc.string({ maxLength: 80 }).map((s) => `payload=${encodeURIComponent(s)}`),
  fc.jsonValue({ maxDepth: 3 }).map((v) => `payload=${encodeURIComponent(JSON.stringify(v))}`),
);
const oddContentType = fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/octet-stream', '');

// ---------- Slack ----------

/** How a Slack request is signed: correctly, not at all, with another secret, or five minutes late. */
type Signing = 'signed' | 'unsigned' | 'wrong secret' | 'stale';
const signing: fc.Arbitrary<Signing> = fc.constantFrom('signed', 'signed', 'unsigned', 'wrong secret', 'stale');

function slackShot(family: string, body: string, contentType: string, how: Signing): Shot {
  const now = Math.floor(Date.now() / 1000);
  const timestamp = how === 'stale' ? now - 600 : now;
  const secret = how === 'wrong secret' ? 'another-signing-secret' : TEST_SIGNING_SECRET;
  const signed: Record<string, string> = how === 'unsigned' ? {} : { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature(secret, timestamp, body) };
  return { family, headers: { ...(contentType === '' ? {} : { 'content-type': contentType }), ...signed }, body: bytes(body) };
}

const MESSAGE_PATHS = [['type'], ['event'], ['event_id'], ['team_id'], ['authorizations'], ['event', 'type'], ['event', 'user'], ['event', 'text'], ['event', 'channel'], ['event', 'ts'], ['event', 'thread_ts'], ['event', 'channel_type'], ['event', 'subtype'], ['event', 'bot_id'], ['event', 'blocks']];
const ACTION_PATHS = [['type'], ['user'], ['user', 'id'], ['team'], ['channel'], ['channel', 'id'], ['container'], ['message'], ['message', 'ts'], ['actions'], ['response_url'], ['state']];

/** Signed (mostly) Slack events and clicks shaped like the fixtures, with fields of the wrong type. */
function slackMistyped(): fc.Arbitrary<Shot> {
  const events = fc.tuple(fc.constantFrom('app_mention.json', 'message_im.json', 'app_home_opened.json'), fc.nat(), signing).chain(([name, n, how]) =>
    mistyped({ ...fixtureJson(name), event_id: `EvFUZZ${n}` }, MESSAGE_PATHS).map((b) => slackShot('slack: mistyped event', JSON.stringify(b), 'application/json', how)),
  );
  const clicks = signing.chain((how) =>
    mistyped(fixtureJson('block_actions.json'), ACTION_PATHS).map((b) =>
      slackShot('slack: mistyped click', new URLSearchParams({ payload: JSON.stringify(b) }).toString(), 'application/x-www-form-urlencoded', how),
    ),
  );
  const commands = fc.tuple(fc.dictionary(fc.constantFrom('command', 'text', 'user_id', 'channel_id', 'response_url', 'team_id'), fc.string({ maxLength: 12 })), signing).map(([d, how]) => {
    const form = new URLSearchParams(fixtureText('slash_command.txt'));
    for (const [k, v] of Object.entries(d)) form.set(k, v);
    return slackShot('slack: mistyped command', form.toString(), 'application/x-www-form-urlencoded', how);
  });
  return fc.oneof(events, clicks, commands);
}

/** Every family of Slack requests, with its share of the runs. */
export function slackShots(): fc.Arbitrary<Shot> {
  const mention = JSON.stringify(fixtureJson('app_mention.json'));
  return fc.oneof(
    { weight: 3, arbitrary: fc.tuple(fc.json({ maxDepth: 4 }), signing).map(([b, how]) => slackShot('slack: random JSON', b, 'application/json', how)) },
    { weight: 2, arbitrary: fc.tuple(truncate(mention), signing).map(([b, how]) => slackShot('slack: truncated JSON', b, 'application/json', how)) },
    { weight: 2, arbitrary: fc.tuple(oddContentType, signing).map(([t, how]) => slackShot('slack: wrong content type', mention, t, how)) },
    { weight: 1, arbitrary: fc.tuple(huge, signing).map(([b, how]) => slackShot('slack: huge body', b, 'application/json', how)) },
    { weight: 2, arbitrary: fc.tuple(garbageForm, signing).map(([b, how]) => slackShot('slack: url-encoded garbage', b, 'application/x-www-form-urlencoded', how)) },
    { weight: 5, arbitrary: slackMistyped() },
  );
}

// ---------- Teams ----------

/** Where the Authorization header of a Teams request comes from. */
export interface TeamsTokens {
  /** A token the fake login host signed for this serviceUrl. */
  valid(): string;
  /** Forgeries by name (alg none, HS256 with the public key, unknown key, ...). */
  readonly forged: readonly string[];
}

const ACTIVITY_PATHS = [['type'], ['id'], ['text'], ['from'], ['from', 'id'], ['from', 'name'], ['recipient'], ['conversation'], ['conversation', 'id'], ['conversation', 'conversationType'], ['conversation', 'isGroup'], ['channelData'], ['channelData', 'tenant'], ['channelData', 'channel'], ['entities'], ['value'], ['value', 'action'], ['value', 'entryId'], ['value', 'commandId'], ['value', 'parameters'], ['name'], ['membersAdded'], ['replyToId'], ['locale'], ['attachments'], ['textFormat']];
const ACTIVITIES = ['personal_message', 'channel_mention', 'group_chat', 'card_submit', 'compose_extension_query', 'conversation_update_bot_added'];

/** Activities shaped like the fixtures, aimed at `serviceUrl`, with fields of the wrong type. */
export function mistypedActivity(serviceUrl: string): fc.Arbitrary<Json> {
  return fc.tuple(fc.constantFrom(...ACTIVITIES), fc.nat()).chain(([name, n]) => mistyped(teamsFixture(name, { serviceUrl, id: `fuzz-${n}` }), ACTIVITY_PATHS));
}

function teamsShot(family: string, body: string, contentType: string, authorization: string | undefined): Shot {
  return { family, headers: { ...(contentType === '' ? {} : { 'content-type': contentType }), ...(authorization === undefined ? {} : { authorization }) }, body: bytes(body) };
}

/** Every family of Teams requests; `tokens` undefined for the unauthenticated (TEAMS_LOCAL) endpoint. */
export function teamsShots(serviceUrl: string, tokens?: TeamsTokens): fc.Arbitrary<Shot> {
  const auth: fc.Arbitrary<string | undefined> = tokens
    ? fc.oneof(fc.constant(undefined), fc.constant('valid'), fc.constantFrom(...tokens.forged), fc.string({ maxLength: 40 })).map((t) =>
        t === undefined ? undefined : `Bearer ${t === 'valid' ? tokens.valid() : t}`,
      )
    : fc.option(fc.string({ maxLength: 40 }), { nil: undefined });
  const message = JSON.stringify(teamsFixture('personal_message', { serviceUrl }));
  return fc.oneof(
    { weight: 2, arbitrary: fc.tuple(fc.json({ maxDepth: 4 }), auth).map(([b, a]) => teamsShot('teams: random JSON', b, 'application/json', a)) },
    { weight: 2, arbitrary: fc.tuple(truncate(message), auth).map(([b, a]) => teamsShot('teams: truncated JSON', b, 'application/json', a)) },
    { weight: 1, arbitrary: fc.tuple(oddContentType, auth).map(([t, a]) => teamsShot('teams: wrong content type', message, t, a)) },
    { weight: 1, arbitrary: fc.tuple(huge, auth).map(([b, a]) => teamsShot('teams: huge body', b, 'application/json', a)) },
    { weight: 1, arbitrary: fc.tuple(garbageForm, auth).map(([b, a]) => teamsShot('teams: url-encoded garbage', b, 'application/x-www-form-urlencoded', a)) },
    { weight: 5, arbitrary: fc.tuple(mistypedActivity(serviceUrl), auth).map(([b, a]) => teamsShot('teams: mistyped activity', JSON.stringify(b), 'application/json', a)) },
  );
}
