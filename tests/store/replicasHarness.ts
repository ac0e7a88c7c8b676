/**
 * What the replica tests share: `npm start`'s entry point (`node dist/main.js`; dist/ is built
 * from today's source once per run by tests/helpers/buildSetup.ts) spawned as a child process on one
 * PostgreSQL schema (each replica with its own fake Slack Web API, so every post can be traced to
 * the process that made it), its JSON log lines kept from the first one, `npm run digest`'s code
 * (dist/cli/digest.js) as a child process, and seeding subscriptions in a zone whose local day does not change during the
 * test. Everything listens on 127.0.0.1; every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { localDateTime } from '../../src/core/digest/time.js';
import { fakeClock } from '../core/digest/fakes.js';
import { distScript } from '../helpers/cli.js';
import type { FakeSlackApi } from '../helpers/slackFakeApi.js';
import { asObject, TEST_SIGNING_SECRET } from '../helpers/slackRequests.js';

/** The PSEUDONYM_SALT every process of one test shares. */
export const SALT = randomBytes(32).toString('hex');

/** The environment of a replica: Slack in HTTP mode against `slackApiUrl`, the store at `databaseUrl`. */
export function replicaEnv(databaseUrl: string, dataDir: string, slackApiUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PSEUDONYM_SALT: SALT,
    DATA_DIR: dataDir,
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: slackApiUrl,
    PORT: '0',
    LOG_LEVEL: 'info',
    MicrosoftAppId: '',
    CLIENT_ID: '',
    TEAMS_LOCAL: '',
    DIGEST_SLACK_CHANNELS: '',
    ...extra,
  };
}

type LogRecord = Record<string, unknown>;

export interface Replica {
  readonly proc: ChildProcess;
  /** Every JSON log line so far, parsed. */
  readonly logs: LogRecord[];
  /** Resolves with the first log line (past or future) whose message is `message` and that `match`es. */
  logLine(message: string, timeoutMs?: number, match?: (line: LogRecord) => boolean): Promise<LogRecord>;
  /** The HTTP port, once it listens. */
  port(timeoutMs?: number): Promise<number>;
  /** The exit code (null when killed by a signal). */
  readonly exited: Promise<number | null>;
}

const running: ChildProcess[] = [];

/** SIGKILLs every process these helpers started and that is still alive (for afterEach). */
export function killLeftovers(): void {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/** Starts `node dist/main.js` (what `npm start` runs) with `env`. */
export function startReplica(env: NodeJS.ProcessEnv): Replica {
  const proc = spawn(process.execPath, [distScript('src/main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  const logs: LogRecord[] = [];
  const waiters = new Set<() => void>();
  let partial = '';
  let text = '';
  proc.stderr?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      text += `${line}\n`;
      if (line.startsWith('{')) logs.push(asObject(JSON.parse(line), 'log line'));
    }
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const logLine = (message: string, timeoutMs = 60_000, match: (line: LogRecord) => boolean = () => true): Promise<LogRecord> =>
    new Promise((resolve, reject) => {
      const find = (): boolean => {
        const line = logs.find((l) => l['message'] === message && match(l));
        if (!line) return false;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(line);
        return true;
      };
      const wake = (): void => void find();
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${text}`));
      }, timeoutMs);
      if (!find()) waiters.add(wake);
    });
  return { proc, logs, logLine, exited, port: async (timeoutMs) => Number((await logLine('http server listening', timeoutMs))['port']) };
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs src/cli/digest.ts (`npm run digest -- <args>`) compiled, `node dist/cli/digest.js <args>`, with `env`; killed after `timeoutMs`. */
export function runDigestCli(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distScript('src/cli/digest.ts'), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    running.push(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A zone whose local time is between 01:00 and 22:00 now, so a test of a few minutes (and a
 * run-due 16 minutes ahead) stays on one local day: UTC, or UTC+12 around UTC midnight.
 */
export function zoneAwayFromMidnight(now: Date = new Date()): { readonly timeZone: string; readonly day: string } {
  const hour = now.getUTCHours();
  const timeZone = hour >= 1 && hour < 22 ? 'UTC' : 'Etc/GMT-12';
  return { timeZone, day: localDateTime(now, timeZone).day };
}

/** Subscribes `channels` (Slack ids) at 00:00 in `timeZone`, as of 2024, so today's digest is due. */
export async function subscribeAll(url: string, channels: readonly string[], timeZone: string): Promise<void> {
  const seed = await openPostgresStore({ url, salt: SALT, clock: fakeClock('2024-01-01T00:00:00Z') });
  try {
    for (const c of channels) await seed.subscribe({ platform: 'slack', channel: `slack:${c}`, time: '00:00', timeZone });
  } finally {
    await seed.close();
  }
}

/** How many times each value occurs. */
export function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** Polls `check` every 100 ms until it is true; rejects with `what` after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Makes the fake's chat.postMessage slow: calls are held and answered together every `everyMs`; call the result to stop. */
export function slowPosts(fake: FakeSlackApi, everyMs: number): () => void {
  let release = fake.hold('chat.postMessage');
  const timer = setInterval(() => {
    release();
    release = fake.hold('chat.postMessage'); // same tick: no call slips through unheld
  }, everyMs);
  return () => {
    clearInterval(timer);
    release();
  };
}
