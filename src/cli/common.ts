/**
 * Start-up shared by every entry point: read .env, validate configuration, load the knowledge
 * set. Any failure is printed once, with what to fix, and the process exits non-zero; nothing
 * starts on an invalid configuration or knowledge set.
 */
import { config as readDotenv } from 'dotenv';
import { createBot, type Bot } from '../core/bot.js';
import { BotError } from '../core/errors.js';
import { loadKnowledge } from '../core/knowledge/load.js';
import { loadConfig, type Config } from '../config.js';

export interface Loaded {
  readonly config: Config;
  readonly bot: Bot;
}

/** Reads .env when present (never overriding the real environment), then config and knowledge. */
export function startup(): Loaded {
  readDotenv({ quiet: true });
  try {
    const config = loadConfig();
    const knowledge = loadKnowledge(config.knowledgeDir, config.paperUrl ? { paperUrl: config.paperUrl } : {});
    return { config, bot: createBot({ knowledge }) };
  } catch (error) {
    return fail(error);
  }
}

/** Prints a start-up error for people (no stack for expected errors) and exits 1. */
export function fail(error: unknown): never {
  if (error instanceof BotError) {
    process.stderr.write(`eu-china-bot cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`eu-china-bot cannot start: unexpected error\n${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
}

/** Runs a command's `main` and sets the exit code; a failure is printed once, never thrown. */
export function runCli(name: string, main: (argv: readonly string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof BotError) fail(error);
      process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
