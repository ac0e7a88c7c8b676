/**
 * The real Slack adapter, end to end on loopback: the real Bolt app in HTTP mode on the real
 * shared HTTP server (ephemeral port), talking to the fake Web API through `slackApiUrl`. Used
 * by the end-to-end tests and by bench/slack.ts.
 */
import { createSlackApp, type SlackApp, type SlackAppDeps } from '../../src/adapters/slack/app.js';
import { createBot, type Bot } from '../../src/core/bot.js';
import { createPipeline, type Pipeline, type PipelineDeps } from '../../src/core/conversation/pipeline.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import type { FeedbackSink, Logger } from '../../src/core/ports.js';
import { createHttpServer, type HttpServer } from '../../src/server/http.js';
import { startFakeSlackApi, type FakeSlackApi } from './slackFakeApi.js';
import { TEST_SIGNING_SECRET } from './slackRequests.js';
import { recordingFeedback, recordingLogger, type RecordingFeedback, type RecordingLogger } from './slackTestDoubles.js';

/** Retries fast enough for tests, but still retries. */
export const FAST_RETRY = { retries: 2, factor: 1, minTimeout: 5, maxTimeout: 10 };

export interface SlackHarness {
  /** `http://127.0.0.1:<port>/slack/events` */
  readonly eventsUrl: string;
  readonly baseUrl: string;
  readonly fake: FakeSlackApi;
  readonly logger: Logger;
  readonly feedback: FeedbackSink;
  readonly app: SlackApp;
  readonly server: HttpServer;
  readonly bot: Bot;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<Pick<PipelineDeps, 'deliveries' | 'contexts' | 'questions' | 'digest'>> {
  readonly logger?: Logger;
  readonly feedback?: FeedbackSink;
  readonly bot?: Bot;
  /** The whole pipeline, as main.ts builds it (storePipeline); otherwise one over the options above. */
  readonly pipeline?: Pipeline;
  readonly seeds?: SlackAppDeps['seeds'];
}

/** A pipeline over `bot` with in-memory ports, as an adapter started without a store has. */
export function memoryPipeline(bot: Bot = realBot(), logger: Logger = recordingLogger()): Pipeline {
  return createPipeline({ bot, clock: { now: () => new Date() }, logger });
}

let sharedBot: Bot | undefined;
/** The bot on the real knowledge set, built once per process. */
export function realBot(): Bot {
  sharedBot ??= createBot({ knowledge: loadKnowledge('knowledge') });
  return sharedBot;
}

/** Starts the fake Web API, the shared server and the Slack app; `close` stops all three. */
export async function startSlackHarness(options: HarnessOptions = {}): Promise<SlackHarness> {
  const fake = await startFakeSlackApi();
  const logger = options.logger ?? recordingLogger();
  const feedback = options.feedback ?? recordingFeedback();
  const bot = options.bot ?? realBot();
  const server = createHttpServer(logger);
  const { deliveries, contexts, questions, digest } = options;
  const pipeline =
    options.pipeline ??
    createPipeline({ bot, clock: { now: () => new Date() }, logger, feedback, ...(deliveries ? { deliveries } : {}), ...(contexts ? { contexts } : {}), ...(questions ? { questions } : {}), ...(digest ? { digest } : {}) });
  const app = createSlackApp({
    pipeline,
    config: { botToken: 'xoxb-test-token', signingSecret: TEST_SIGNING_SECRET, apiUrl: fake.apiUrl },
    logger,
    server,
    retry: FAST_RETRY,
    ...(options.seeds ? { seeds: options.seeds } : {}),
  });
  await app.start();
  const port = await server.listen(0, '127.0.0.1');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    eventsUrl: `${baseUrl}/slack/events`,
    baseUrl,
    fake,
    logger,
    feedback,
    app,
    server,
    bot,
    close: async () => {
      await app.stop();
      server.server.closeAllConnections();
      await server.close();
      await fake.close();
    },
  };
}

export type { RecordingFeedback, RecordingLogger };
