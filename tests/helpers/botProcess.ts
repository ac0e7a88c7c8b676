/**
 * `node dist/main.js` as a child process, the way production runs it: `builtEntry()` compiles
 * dist/ first when it is older than src/ (`npm run build`'s --if-stale, under a lock, so test
 * files running at once neither build twice nor start a half-written dist/), and `startBot`
 * spawns it with the given environment, keeps every stderr line, and resolves once it listens.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const LOCK = join('node_modules', '.cache', 'eu-china-bot-build.lock');
const ROOT = process.cwd();

/** dist/main.js, built when stale; waits for another test file's build instead of racing it. */
export function builtEntry(): string {
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} held for 10 minutes; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed; see the errors above');
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
  return join(ROOT, 'dist', 'main.js');
}

/** Variables that would configure a platform or a store from the developer's own environment. */
const CLEARED = ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_API_URL', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'CLIENT_ID', 'CLIENT_SECRET', 'TENANT_ID', 'TEAMS_LOCAL', 'DATABASE_URL', 'PSEUDONYM_SALT', 'DIGEST_SLACK_CHANNELS'];

export interface BotProcess {
  readonly child: ChildProcess;
  readonly port: number;
  /** Every stderr line so far. */
  readonly lines: string[];
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Resolves with the first JSON log line whose message is `message`. */
  logLine(message: string, timeoutMs?: number): Promise<Record<string, unknown>>;
}

/** Spawns `node [nodeArgs] dist/main.js` with `env` over a cleaned environment; resolves once "http server listening" is logged. */
export async function startBot(env: Readonly<Record<string, string>>, nodeArgs: readonly string[] = []): Promise<BotProcess> {
  const base: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'info' };
  for (const name of CLEARED) delete base[name];
  const child = spawn(process.execPath, [...nodeArgs, builtEntry()], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const listeners = new Set<() => void>();
  let partial = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const notify of listeners) notify();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logLine = (message: string, timeoutMs = 60_000): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = lines.map(parseLine).find((l) => l?.['message'] === message);
        if (!found) return;
        listeners.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => {
        listeners.delete(check);
        reject(new Error(`no "${message}" log line within ${timeoutMs} ms:\n${lines.join('\n')}`));
      }, timeoutMs);
      listeners.add(check);
      check();
    });
  const listening = await Promise.race([logLine('http server listening'), exited.then((code) => Promise.reject(new Error(`the bot exited with ${code}:\n${lines.join('\n')}`)))]);
  return { child, port: Number(listening['port']), lines, exited, logLine };
}

function parseLine(line: string): Record<string, unknown> | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null ? Object.fromEntries(Object.entries(parsed)) : undefined;
  } catch {
    return undefined;
  }
}
