/**
 * The Teams adapter wired to a real SQLite store in a temp dir, as main.ts wires it
 * (storePipeline), with the real HTTP server and CloudAdapter and replies going to a fake
 * connector on 127.0.0.1; plus `runDue` with the adapter's own digest sink and instant retries.
 */
import { NO_PACING } from '../../src/core/digest/pacing.js';
import type { Bot } from '../../src/core/bot.js';
import { runDue, type RunReport } from '../../src/core/digest/scheduler.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite.js';
import { storePipeline } from '../../src/wiring.js';
import { fakeClock, tempDir, type FakeClock } from '../core/digest/fakes.js';
import { MemoryLogger, startFakeConnector, startTeamsServer, teamsFixture, type ConnectorRequest, type FakeConnector, type Json, type TeamsServer } from './teams.js';

export const PERSONAL = 'a:1Zq8mN3vB7xK2pL9wR4tY6uH0jG5fD1sA8cE3iO7kM2nQ4bV9zX6yT1rW5eU0oP3lJ8hF2gC';
export const CHANNEL = '19:7c3e5a1b9d2f4e6a8b0c1d3e5f7a9b2c@thread.tacv2';
/** The bot's mention, as Teams puts it in a channel message's text. */
export const MENTION = '<at>EU-China Bot</at>';
/** DIGEST_TIME / DIGEST_TZ for these tests. */
export const DEFAULTS = { time: '09:00', timeZone: 'UTC' } as const;

export interface DigestHarness {
  readonly clock: FakeClock;
  readonly dataDir: string;
  readonly store: SqliteStore;
  readonly logger: MemoryLogger;
  readonly connector: FakeConnector;
  readonly server: TeamsServer;
  /** POSTs a personal message with `text` (a fresh activity id each time); resolves to the replies it caused. */
  personal(text: string): Promise<ConnectorRequest[]>;
  /** POSTs a channel message mentioning the bot, in a new thread. */
  channel(text: string): Promise<ConnectorRequest[]>;
  /** POSTs any fixture (serviceUrl pointed at the connector). */
  activity(name: string, overrides?: Json): Promise<ConnectorRequest[]>;
  /** runDue at `iso` with the Teams sink; `sleeps` records the retry delays it waited. */
  runDue(iso: string): Promise<RunReport>;
  readonly sleeps: number[];
  close(): Promise<void>;
}

let ids = 0;

/** Starts everything at `now`; reuse `dataDir` to reopen a database (a restart). */
export async function startDigestHarness(bot: Bot, now: string, dataDir: string = tempDir()): Promise<DigestHarness> {
  const clock = fakeClock(now);
  const store = openSqliteStore({ dataDir, clock });
  const logger = new MemoryLogger();
  const connector = await startFakeConnector();
  const pipeline = storePipeline({ bot, store, clock, logger, defaults: DEFAULTS });
  const server = await startTeamsServer({ bot, pipeline, refs: store, answers: store, logger });
  const sleeps: number[] = [];
  const send = async (body: Json): Promise<ConnectorRequest[]> => {
    const before = connector.requests.length;
    const res = await server.post(body);
    if (res.status !== 200) throw new Error(`POST /api/messages answered ${res.status}: ${res.body}`);
    return connector.requests.slice(before);
  };
  const activity = (name: string, overrides: Json = {}): Promise<ConnectorRequest[]> => send(teamsFixture(name, { serviceUrl: connector.url, ...overrides }));
  return {
    clock,
    dataDir,
    store,
    logger,
    connector,
    server,
    sleeps,
    personal: (text) => activity('personal_message', { id: `p-${++ids}`, text }),
    channel: (text) => {
      const id = `${1712050000000 + ++ids}`;
      return activity('channel_mention', { id, text: `${MENTION} ${text}`, conversation: { isGroup: true, conversationType: 'channel', id: `${CHANNEL};messageid=${id}` } });
    },
    activity,
    runDue: (iso) =>
      runDue(
        {
          bot,
          store,
          logger,
          sinkFor: (platform) => (platform === 'teams' ? server.teams.sink : undefined),
          retry: { delaysMs: [1000, 4000, 16000], sleep: async (ms) => void sleeps.push(ms) },
          pacing: NO_PACING,
        },
        new Date(iso),
      ),
    close: async () => {
      await server.close();
      await connector.close();
      store.close();
    },
  };
}

/** The JSON of a message's attachments (cards), for substring checks. */
export const cardsOf = (request: ConnectorRequest | undefined): string => JSON.stringify(request?.activity['attachments'] ?? []);

/** The text of a reply. */
export const textOf = (request: ConnectorRequest | undefined): string => String(request?.activity['text'] ?? '');
