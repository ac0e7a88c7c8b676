/**
 * Start-up shared by every entry point: read .env, validate configuration, load the knowledge
 * set. Any failure is printed once, with what to fix, and the process exits non-zero; nothing
 * starts on an invalid configuration or knowledge set. A command's `main` takes its streams and
 * environment as a `CliIo` and returns its exit code, so tests run it in-process (`runMain`)
 * exactly as `runCli` runs it for a real process.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { config as readDotenv } from 'dotenv';
import { createBot, type Bot } from '../core/bot.js';
import { BotError } from '../core/errors.js';
import { loadKnowledgeCached } from '../core/knowledge/validatedCache.js';
import { loadConfig, type Config } from '../config.js';

export interface Loaded {
  readonly config: Config;
  readonly bot: Bot;
}

/** What a command reads and writes: the process's own in `runCli`, a test's in `runMain`. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
}

/** A command: its arguments and streams in, its exit code out; it never exits the process itself. */
export type CliMain = (argv: readonly string[], io: CliIo) => Promise<number>;

/** Thrown by `load` for an error that is not a BotError, so it is still reported as a start-up failure. */
class StartupFailure extends Error {}

/** Config from `env`, then the knowledge set; throws BotError (or StartupFailure) with what to fix. */
export function load(env: CliIo['env']): Loaded {
  try {
    const config = loadConfig(env);
    // Validated ahead of time by `npm run build` when the files are exactly those (validatedCache.ts).
    const knowledge = loadKnowledgeCached(config.knowledgeDir, config.paperUrl ? { paperUrl: config.paperUrl } : {});
    return { config, bot: createBot({ knowledge }) };
  } catch (error) {
    if (error instanceof BotError) throw error;
    throw new StartupFailure(error instanceof Error ? (error.stack ?? error.message) : String(error), { cause: error });
  }
}

/** Reads .env when present (never overriding the real environment), then config and knowledge. */
export function startup(): Loaded {
  readDotenv({ quiet: true });
  try {
    return load(process.env);
  } catch (error) {
    return fail(error);
  }
}

/** The start-up error as people read it: no stack for expected errors. */
function startupMessage(error: BotError | StartupFailure): string {
  return error instanceof BotError ? `eu-china-bot cannot start: ${error.message}\n` : `eu-china-bot cannot start: unexpected error\n${error.message}\n`;
}

/** Prints a start-up error for people (no stack for expected errors) and exits 1. */
export function fail(error: unknown): never {
  const known = error instanceof BotError || error instanceof StartupFailure ? error : new StartupFailure(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.stderr.write(startupMessage(known));
  process.exit(1);
}

/** Runs a command's `main` on `io`; resolves with its exit code, a failure written to io.stderr once, never thrown. */
export async function runMain(name: string, main: CliMain, argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await main(argv, io);
  } catch (error) {
    if (error instanceof BotError || error instanceof StartupFailure) io.stderr.write(startupMessage(error));
    else io.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Whether the module at `moduleUrl` is the script this process was started with (not imported by a test). */
function isEntryPoint(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const strip = (path: string): string => path.replace(/\.[cm]?[jt]s$/, '');
  return strip(real(script)) === strip(real(fileURLToPath(moduleUrl)));
}

/**
 * When the module at `moduleUrl` is the process's entry point: reads .env, runs `main` on the
 * process's arguments and streams and sets the exit code. Imported (by a test), it does nothing.
 */
export function runCli(name: string, main: CliMain, moduleUrl: string): void {
  if (!isEntryPoint(moduleUrl)) return;
  readDotenv({ quiet: true });
  void runMain(name, main, process.argv.slice(2), { env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
