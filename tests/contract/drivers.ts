/**
 * One driver per platform for the contract table: the real adapter through its real SDK on a
 * real port (Slack: the Bolt app on the shared HTTP server, signed requests, the fake Web API on
 * 127.0.0.1; Teams: botbuilder's CloudAdapter on `/api/messages`, real Activity JSON, the fake
 * connector on 127.0.0.1), wired to the core's pipeline over a real SQLite store exactly as
 * main.ts wires it. A driver says what a person would see (`Seen`), so both platforms are held
 * to the same expectations; `live` is each platform's own test of "would this ping or link".
 */
import type { Store } from '../../src/core/store.js';
import { StoreError } from '../../src/core/errors.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { storePipeline } from '../../src/wiring.js';
import { fakeClock, recordingLogger, tempDir } from '../core/digest/fakes.js';
import { shownText } from '../helpers/slackBlocks.js';
import type { ApiCall } from '../helpers/slackFakeApi.js';
import { realBot, startSlackHarness } from '../helpers/slackHarness.js';
import { asObject, fixtureJson, postAction, postEvent, withEvent } from '../helpers/slackRequests.js';
import { startFakeConnector, startTeamsServer, teamsFixture, type ConnectorRequest, type Json } from '../helpers/teams.js';

/** One reply as a person sees it: all its shown text, and the raw payload for the platform's own checks. */
export interface Seen {
  readonly text: string;
  readonly raw: string;
}

export type Click = 'related' | 'didYouMean' | 'helpful';

export interface Driver {
  readonly platform: string;
  readonly store: Store;
  /** A person writes `text` to the bot (a DM / personal chat); resolves to the replies it caused. `delivery` fixes the delivery id. */
  say(text: string, delivery?: string): Promise<Seen[]>;
  /** The bot's own message arrives as an event. */
  own(text: string): Promise<Seen[]>;
  /** A button of a reply about `entryId` is clicked. */
  click(kind: Click, entryId: string): Promise<Seen[]>;
  /** The person opens a surface where nobody asked anything: Slack's App Home, Teams' welcome when the bot is added. */
  open(): Promise<Seen[]>;
  /** A search box's results (Teams' message extension), one Seen per result card; undefined where the platform has none. */
  readonly search?: (text: string) => Promise<Seen[]>;
  /** True when a reply would ping people or carry a live link to the page the injection scenario types (evil.example). */
  live(seen: Seen): boolean;
  close(): Promise<void>;
}

export interface DriverOptions {
  /** Every write of the store fails (a full disk, a deleted file). */
  readonly failingWrites?: boolean;
  /** The person's platform locale (Slack: what users.info reports; Teams: `activity.locale`). */
  readonly locale?: string;
}

const DEFAULTS = { time: '09:00', timeZone: 'UTC' } as const;
const WRITES = new Set(['subscribe', 'unsubscribe', 'record', 'logQuestion', 'saveConversationRef', 'saveContext', 'rememberAnswer']);

/** `store`, or the same store with every write failing as SQLite's do when the disk refuses. */
function storeFor(store: SqliteStore, options: DriverOptions): Store {
  if (!options.failingWrites) return store;
  return new Proxy(store, {
    get: (target, name, receiver) =>
      typeof name === 'string' && WRITES.has(name) ? () => Promise.reject(new StoreError('the disk refused the write')) : Reflect.get(target, name, receiver),
  });
}

function opened(options: DriverOptions): { sqlite: SqliteStore; store: Store; clock: ReturnType<typeof fakeClock> } {
  const clock = fakeClock('2024-04-02T07:00:00Z');
  const sqlite = openSqliteStore({ dataDir: tempDir(), clock });
  return { sqlite, store: storeFor(sqlite, options), clock };
}

let n = 0;

/** The Slack adapter: DMs and button clicks as Slack signs and posts them. */
export async function slackDriver(options: DriverOptions = {}): Promise<Driver> {
  const { sqlite, store, clock } = opened(options);
  const logger = recordingLogger();
  const h = await startSlackHarness({ pipeline: storePipeline({ bot: realBot(), store, clock, logger, defaults: DEFAULTS }), logger });
  // Every fixture is written by (or clicked by) U0ASKER001.
  if (options.locale) h.fake.locales.set(ASKER, options.locale);
  const replies = async (send: () => Promise<Response>, expectAny: boolean): Promise<Seen[]> => {
    const before = h.fake.calls.length;
    const res = await send();
    if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
    const calls = await settle(() => h.fake.calls.slice(before).filter(isReply), expectAny);
    return calls.map((c) => ({ text: shownText(c), raw: JSON.stringify(c.body) }));
  };
  const used = new Set<string>();
  const dm = (text: string, delivery: string, extra: Json = {}) => {
    const ts = `1712400${String(++n).padStart(3, '0')}.000100`;
    return postEvent(h.eventsUrl, withEvent(fixtureJson('message_im.json'), { text, ts, event_ts: ts, ...extra }, delivery));
  };
  return {
    platform: 'slack',
    store: sqlite,
    say: (text, delivery = `Ev0CONTRACT${++n}`) => {
      // Only the wait differs for a redelivery: whether a reply came is the scenario's to judge.
      const again = used.has(delivery);
      used.add(delivery);
      return replies(() => dm(text, delivery), !again);
    },
    own: (text) => replies(() => dm(text, `Ev0OWN${++n}`, { user: 'U0BOT0001', bot_id: 'B0BOT0001' }), false),
    click: (kind, entryId) => {
      const actionId = kind === 'related' ? 'related_0' : kind === 'didYouMean' ? 'did_you_mean_0' : 'feedback_helpful';
      const payload = { ...fixtureJson('block_actions.json'), actions: [{ type: 'button', action_id: actionId, block_id: 'b', value: entryId, action_ts: '1712345690.000100' }] };
      return replies(() => postAction(h.eventsUrl, payload), true);
    },
    open: async () => {
      const before = h.fake.calls.filter((c) => c.method === 'views.publish').length;
      const res = await postEvent(h.eventsUrl, withEvent(fixtureJson('app_home_opened.json'), {}, `Ev0HOME${++n}`));
      if (res.status !== 200) throw new Error(`slack answered ${res.status}`);
      const calls = (await h.fake.waitFor('views.publish', before + 1)).slice(before);
      return calls.map((c) => ({ text: shownText({ body: asObject(c.body['view']) }), raw: JSON.stringify(c.body) }));
    },
    // Slack acts on <!channel>, <@U…> and <url|label> in mrkdwn; escaped (&lt;) they are text.
    live: (seen) => /<!(?:channel|here|everyone)>|<@U|<https?:\/\/evil/.test(seen.raw),
    close: async () => {
      h.fake.locales.delete(ASKER);
      await h.close();
      sqlite.close();
    },
  };
}

const ASKER = 'U0ASKER001';

const isReply = (c: ApiCall): boolean => ['chat.postMessage', 'chat.postEphemeral', 'response_url'].includes(c.method);

/** Slack answers after the acknowledgement: wait for the first reply (or, when none is due, a moment), then for stragglers. */
async function settle(calls: () => ApiCall[], expectAny: boolean): Promise<ApiCall[]> {
  const until = performance.now() + (expectAny ? 5000 : 400);
  while (performance.now() < until && (calls().length === 0 || !expectAny)) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 100));
  return calls();
}

/** The Teams adapter: personal-chat messages and card submits as Teams POSTs them. */
export async function teamsDriver(options: DriverOptions = {}): Promise<Driver> {
  const { sqlite, store, clock } = opened(options);
  const logger = new (await import('../helpers/teams.js')).MemoryLogger();
  const connector = await startFakeConnector();
  const server = await startTeamsServer({ bot: realBot(), pipeline: storePipeline({ bot: realBot(), store, clock, logger, defaults: DEFAULTS }), refs: store, answers: store, logger });
  const replies = async (body: Json): Promise<Seen[]> => {
    const before = connector.requests.length;
    const res = await server.post({ ...body, serviceUrl: connector.url });
    if (res.status !== 200) throw new Error(`teams answered ${res.status}: ${res.body}`);
    return connector.requests.slice(before).map(seenOf);
  };
  const BOT = teamsFixture('personal_message')['recipient'];
  const locale = options.locale ? { locale: options.locale } : {};
  return {
    platform: 'teams',
    store: sqlite,
    say: (text, delivery = `contract-${++n}`) => replies(teamsFixture('personal_message', { id: delivery, text, ...locale })),
    own: (text) => replies(teamsFixture('personal_message', { id: `own-${++n}`, text, from: BOT, ...locale })),
    click: (kind, entryId) => {
      const value = kind === 'helpful' ? { action: 'feedback', entryId, helpful: true } : { action: 'entry', entryId };
      return replies(teamsFixture('card_submit', { id: `click-${++n}`, value, ...locale }));
    },
    open: () => replies(teamsFixture('conversation_update_bot_added', { id: `added-${++n}`, ...locale })),
    search: async (text) => {
      const query = teamsFixture('compose_extension_query');
      const value = { ...asObject(query['value']), parameters: [{ name: 'searchQuery', value: text }] };
      const res = await server.post({ ...query, id: `search-${++n}`, value, ...locale, serviceUrl: connector.url });
      if (res.status !== 200) throw new Error(`teams answered ${res.status}: ${res.body}`);
      const results = asObject(asObject(JSON.parse(res.body) as unknown)['composeExtension'])['attachments'];
      return (Array.isArray(results) ? results : []).map((r: unknown) => ({ text: cardTexts(asObject(r)['content']).join('\n'), raw: JSON.stringify(r) }));
    },
    // Teams acts on <at> mentions and markdown links in message text; a card's TextRuns are never parsed.
    live: (seen) => /<at>|\]\(https?:\/\/evil|href=|https?:\/\/evil/i.test(seen.raw),
    close: async () => {
      await server.close();
      await connector.close();
      sqlite.close();
    },
  };
}

function seenOf(request: ConnectorRequest): Seen {
  const a = request.activity;
  const text = [String(a['text'] ?? ''), ...cardTexts(a['attachments'])].join('\n');
  return { text, raw: String(a['text'] ?? '') };
}

/** Every text, title and TextRun of a card, as shown. */
function cardTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(cardTexts);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => ((k === 'text' || k === 'title') && typeof v === 'string' ? [v] : cardTexts(v)));
}
