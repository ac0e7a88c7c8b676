/**
 * `npm run bench:startup`: how long the bot takes from spawn to its first 200 from /healthz, and
 * its resident memory then, with both adapters configured (Slack HTTP mode against a fake Web API
 * on 127.0.0.1, Teams with TEAMS_LOCAL=1), for the production entry point (`node dist/main.js`, the
 * bundle built by `npm run build`, scripts/bundle.mjs) beside the previous one (`unbundled`: tsc's
 * output, every module loaded from its own file) and beside a bare Bolt + botbuilder app started the
 * same way (bench/bare-sdk.mjs: both SDKs, HTTP, /healthz, nothing of ours), so the figures say
 * what the bot adds to what the SDKs cost on this machine now. The three are run in turn, RUNS
 * rounds, so a change of load hits all three alike; medians and ratios, no targets asserted.
 * A fourth entry, `unindexed`, is the same compiled code run from a copy of dist/ and build/ without
 * build/index-cache/, so it builds every matcher index at start-up as the bot did before the index
 * was built ahead of time: what the prebuilt index saves, measured in the same run.
 * `rssSettledMb` is the resident memory SETTLE_MS after /healthz first answers, once the bot's
 * warm-up (the French and German engines, the tables built on first use) has run: what a replica
 * holds while it waits for questions, beside what it holds when it starts answering.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startFakeSlackApi } from '../tests/helpers/slackFakeApi.js';
import { tempDir } from '../tests/core/digest/fakes.js';

/** Rounds (BENCH_RUNS, default 5). */
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
/** How long after the first /healthz the settled RSS is read (BENCH_SETTLE_MS, default 3000). */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 3000);
const UNINDEXED = 'build/bench-unindexed';
const ENTRIES = { compiled: ['dist/main.js'], unindexed: [`${UNINDEXED}/dist/main.js`], bare: ['bench/bare-sdk.mjs'], unbundled: ['dist/main.unbundled.js'] } as const;
type Entry = keyof typeof ENTRIES;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/** Resident set size of `pid` in MB, from /proc (Linux). */
const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

async function healthy(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false; // not listening yet
  }
}

interface Run {
  ms: number;
  rssMb: number;
  rssSettledMb: number;
}

async function once(args: readonly string[], apiUrl: string): Promise<Run> {
  const port = await freePort();
  const env = { ...process.env, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_APP_TOKEN: '', SLACK_API_URL: apiUrl, TEAMS_LOCAL: '1', MicrosoftAppId: '', CLIENT_ID: '', PORT: String(port), DATA_DIR: tempDir(), LOG_LEVEL: 'warn', DIGEST_SLACK_CHANNELS: '' };
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('spawn failed');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    while (!(await healthy(`http://127.0.0.1:${port}/healthz`))) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - started;
    const atHealthz = rssMb(pid);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { ms, rssMb: atHealthz, rssSettledMb: rssMb(pid) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number): number => Math.round(x * 10) / 10;

interface Figures {
  healthzMs: number;
  rssMb: number;
  rssSettledMb: number;
  runsMs: number[];
}

/** RUNS rounds of every entry in turn; the median time and RSS of each. */
async function measure(apiUrl: string): Promise<Record<Entry, Figures>> {
  const runs: Record<Entry, Run[]> = { compiled: [], unindexed: [], bare: [], unbundled: [] };
  const entries = Object.keys(ENTRIES) as Entry[];
  for (let i = 0; i < RUNS; i++) for (const entry of entries) runs[entry].push(await once(ENTRIES[entry], apiUrl));
  const figures = (r: Run[]): Figures => ({ healthzMs: round(median(r.map((x) => x.ms))), rssMb: round(median(r.map((x) => x.rssMb))), rssSettledMb: round(median(r.map((x) => x.rssSettledMb))), runsMs: r.map((x) => round(x.ms)) });
  return { compiled: figures(runs.compiled), unindexed: figures(runs.unindexed), bare: figures(runs.bare), unbundled: figures(runs.unbundled) };
}

if (spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { stdio: 'inherit' }).status !== 0) process.exit(1);
// The copy without the prebuilt indexes (its code looks for build/index-cache/ next to its own dist/).
rmSync(UNINDEXED, { recursive: true, force: true });
cpSync('dist', `${UNINDEXED}/dist`, { recursive: true });
for (const dir of ['wordlists', 'knowledge-cache']) cpSync(`build/${dir}`, `${UNINDEXED}/build/${dir}`, { recursive: true });
const loadBefore = readFileSync('/proc/loadavg', 'utf8').trim();
const api = await startFakeSlackApi();
const { compiled, unindexed, bare, unbundled } = await measure(api.apiUrl);
await api.close();
rmSync(UNINDEXED, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({
  node: process.version,
  runs: RUNS,
  loadavg: { before: loadBefore, after: readFileSync('/proc/loadavg', 'utf8').trim() },
  adapters: ['slack-http', 'teams-local'],
  compiled: { entry: 'node dist/main.js (the bundle, dist/bundle/)', ...compiled },
  unindexed: { entry: `node ${UNINDEXED}/dist/main.js (no build/index-cache/: every index built at start-up)`, ...unindexed },
  bare: { entry: 'node bench/bare-sdk.mjs (Bolt + botbuilder, nothing else)', ...bare },
  unbundled: { entry: 'node dist/main.unbundled.js (tsc output, every module loaded from its own file: the previous entry point)', ...unbundled },
  ratio: {
    compiledToBare: { healthzMs: round(compiled.healthzMs / bare.healthzMs), rssMb: round(compiled.rssMb / bare.rssMb) },
    compiledToUnindexed: { healthzMs: round(compiled.healthzMs / unindexed.healthzMs), rssMb: round(compiled.rssMb / unindexed.rssMb) },
    compiledToUnbundled: { healthzMs: round(compiled.healthzMs / unbundled.healthzMs), rssMb: round(compiled.rssMb / unbundled.rssMb) },
  },
  targets: { healthzMs: 1000, rssMb: 120 },
}, null, 2)}\n`);
