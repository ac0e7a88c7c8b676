/**
 * The apps under test, each in its own process, as production runs them: the bot is the compiled
 * entry point (`node dist/main.js`, built first if stale) with its configuration in the environment
 * and its SQLite store in a new DATA_DIR; a bare SDK app is a small script run with tsx. The bench
 * reads each one's CPU time and resident memory from /proc (Linux), so the load generator's own
 * work is never billed to the app.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DB_FILE } from '../../src/store/sqlite.js';
import { openSqlite } from '../../src/store/sqliteDriver.js';

export interface Target {
  readonly name: string;
  readonly port: number;
  /** User + system CPU time so far, ms. */
  cpuMs(): number;
  rssMb(): number;
  /** Error lines the app logged so far. */
  errors(): number;
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

function cpuMsOf(pid: number): number {
  // Fields after the command name, which is in parentheses and may hold spaces: utime is the 12th, stime the 13th.
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

const rssMbOf = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

/** Builds dist/ and the word lists when their sources are newer (what `npm start` does first). */
export function buildIfStale(): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('npm run build failed');
}

/** `node --cpu-prof` into BENCH_CPU_PROF when that names a folder (to see where an app's time goes). */
const profiling = (name: string): string[] => {
  const dir = process.env['BENCH_CPU_PROF'];
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${name.replace(/\W+/g, '-')}.cpuprofile`] : [];
};

/** A clean environment: nothing from the bench's own (no .env, no stray tokens), only what the app needs. */
const baseEnv = (): Record<string, string> => ({ PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', NODE_ENV: 'production' });

async function until(ready: () => Promise<boolean>, child: ChildProcess, what: string, stderr: () => string): Promise<void> {
  const deadline = performance.now() + 180_000; // a loaded machine can take minutes to start a process
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}: ${stderr()}`);
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not start within 180 s: ${stderr()}`);
}

function watch(name: string, child: ChildProcess, port: number): Target & { tail(): string } {
  let errors = 0;
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    errors += text.split('"level":"error"').length - 1;
    tail = (tail + text).slice(-4000);
  });
  const pid = child.pid ?? 0;
  return {
    name,
    port,
    cpuMs: () => cpuMsOf(pid),
    rssMb: () => rssMbOf(pid),
    errors: () => errors,
    tail: () => tail,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

const answers = async (url: string): Promise<boolean> => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};

/** `node dist/main.js` with `env` (plus PORT and LOG_LEVEL=info); ready when /healthz answers. */
export async function startBot(name: string, env: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [...profiling(name), 'dist/main.js'], { env: { ...baseEnv(), LOG_LEVEL: 'info', ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  const target = watch(name, child, port);
  await until(() => answers(`http://127.0.0.1:${port}/healthz`), child, name, target.tail);
  return target;
}

/** A bare SDK script (bench/bare/*.ts) with `env` and PORT; ready when it prints `listening`. */
export async function startBare(name: string, script: string, env: Record<string, string>): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [...profiling(name), '--import', 'tsx', script], { env: { ...baseEnv(), ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let listening = false;
  child.stdout?.on('data', (chunk: Buffer) => (listening ||= chunk.toString().includes('listening')));
  const target = watch(name, child, port);
  await until(async () => listening, child, name, target.tail);
  return target;
}

/** Rows in the stopped bot's question log. */
export function loggedQuestions(dataDir: string): number {
  const db = openSqlite(join(dataDir, DB_FILE), { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM questions').get()?.n ?? 0;
  } finally {
    db.close();
  }
}
