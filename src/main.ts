/**
 * `npm start`: wiring only. Validates configuration and knowledge (refusing to start on either).
 * With Slack or Teams credentials: opens the store (PostgreSQL at DATABASE_URL, or SQLite in
 * DATA_DIR), runs the adapters with the question log, feedback and digest commands, and the daily
 * digest scheduler posting through them; stops it all on SIGINT / SIGTERM. Without credentials:
 * the local terminal chat, with no store.
 */
import { runChat } from './cli/chat.js';
import { fail, startup } from './cli/common.js';
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

/** The store, then the adapters, then the digest scheduler; a signal stops them in reverse. */
async function startPlatforms(): Promise<void> {
  const logger = createLogger(config.logLevel);
  const clock = SYSTEM_CLOCK;
  const store = await openConfiguredStore(config, clock, logger);
  const adapters = await startAdapters({ config, bot, store, clock, logger });
  const digest = await startDigestScheduler({ bot, store, logger, clock, sinkFor: adapters.sinkFor, seeds: adapters.seeds });
  stopOnSignals(logger, async () => {
    await digest.stop();
    await adapters.stop();
    await store.close();
  });
}
