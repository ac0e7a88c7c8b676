/**
 * `npm start`: wiring only. Validates configuration and knowledge (refusing to start on either).
 * With Slack or Teams credentials: opens the store (PostgreSQL at DATABASE_URL, or SQLite in
 * DATA_DIR), runs the adapters with the question log, feedback and digest commands, and the daily
 * digest scheduler posting through them; on SIGINT / SIGTERM stops taking requests, lets those
 * in flight be answered and the digest run in progress end (releasing unfinished claims), closes
 * the store and exits 0. Without credentials: the local terminal chat, with no store.
 */
import { runChat } from './cli/chat.js';
import { fail, startup } from './cli/common.js';
import { meteredLedger, meteredSinks } from './core/digest/metered.js';
import { startDigestScheduler } from './core/digest/service.js';
import { createLogger } from './logger.js';
import { hasPlatform, openConfiguredStore, startAdapters, stopOnSignals, SYSTEM_CLOCK } from './wiring.js';

const { config, bot } = startup();
// The French and German indexes are built once the process is up, not before it answers, and
// not while the store connects: building them holds the event loop for seconds on a loaded
// machine, and a PostgreSQL connect in flight meanwhile timed out (its timer fires first).
const warmUp = (): void => void setTimeout(() => bot.warmUp(), 50).unref();
if (hasPlatform(config)) {
  await startPlatforms().catch(fail);
  warmUp();
} else {
  warmUp();
  await runChat(bot, process.stdin, process.stdout, process.stdin.isTTY === true);
}

/**
 * The store, then the adapters, then the digest scheduler; a signal stops the requests and the
 * digest together, then the store. The signal handlers are in place before anything starts: a
 * SIGTERM that lands while the server already listens but the scheduler is still starting waits
 * for the start to finish and then stops it all, instead of killing the process mid-start.
 */
async function startPlatforms(): Promise<void> {
  const logger = createLogger(config.logLevel);
  const clock = SYSTEM_CLOCK;
  let stop: () => Promise<void> = async () => undefined;
  const started = (async (): Promise<void> => {
    const store = await openConfiguredStore(config, clock, logger);
    stop = async () => {
      await store.close();
    };
    const adapters = await startAdapters({ config, bot, store, clock, logger });
    stop = async () => {
      await adapters.stop();
      await store.close();
    };
    const { metrics } = adapters;
    const digest = await startDigestScheduler({ bot, store: meteredLedger(store, metrics), logger, clock, sinkFor: meteredSinks(adapters.sinkFor, metrics), seeds: adapters.seeds });
    stop = async () => {
      await Promise.all([adapters.stop(), digest.stop()]);
      await store.close();
    };
  })();
  stopOnSignals(logger, async () => {
    await started.catch(() => undefined);
    await stop();
  });
  await started;
}
