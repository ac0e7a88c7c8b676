// `npm test`: the checks (`npm run typecheck`, `npm run lint`, `npm run knowledge -- validate`,
// one after the other) and the vitest suite (`vitest run`, with any arguments given to npm test)
// at the same time, instead of the suite waiting for the checks. Most of the suite's time is spent
// waiting for processes and servers it started, so the checks run in those gaps: they are started
// at a lower CPU priority (nice 10), which lets the suite have the CPU whenever it wants it.
// vitest prints as it goes; each check's output is kept and printed when it ends (in full when it
// fails). A failing check stops the suite at once, as it did when the checks ran first: vitest runs
// in a process group of its own, which is stopped whole (its workers and the processes the tests
// started); Ctrl-C and SIGTERM are passed on to that group. The exit code is non-zero when any of
// them failed.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { Buffer } from 'node:buffer';

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const CHECKS = [
  ['typecheck', ['run', '-s', 'typecheck']],
  ['lint', ['run', '-s', 'lint']],
  ['knowledge validate', ['run', '-s', 'knowledge', '--', 'validate']],
];

/** Runs `command args`; resolves with its exit code (1 when killed) and, when `keep`, its output. */
function run(command, args, { keep, nice = 0, group = false }) {
  const child = spawn(command, args, { stdio: keep ? ['ignore', 'pipe', 'pipe'] : 'inherit', detached: group });
  if (nice) {
    try {
      setPriority(child.pid, nice);
    } catch {
      // Not allowed here: the check runs at normal priority.
    }
  }
  const chunks = [];
  child.stdout?.on('data', (c) => chunks.push(c));
  child.stderr?.on('data', (c) => chunks.push(c));
  const done = new Promise((resolve) => {
    child.once('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.once('close', (code) => resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
  return { child, done };
}

const vitest = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)], { keep: false, group: true });
let vitestEnded = false;
void vitest.done.then(() => (vitestEnded = true));
/** Sends `signal` to vitest's process group. */
const stopSuite = (signal) => {
  try {
    process.kill(-vitest.child.pid, signal);
  } catch {
    // Already gone.
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopSuite(signal));

async function checks() {
  const lines = [];
  for (const [name, args] of CHECKS) {
    const started = Date.now();
    const { code, output } = await run(npm[0], [...npm.slice(1), ...args], { keep: true, nice: 10 }).done;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      process.stderr.write(`\n${name} failed (exit code ${code}, ${seconds} s):\n${output}`);
      if (!vitestEnded) {
        process.stderr.write('npm test: stopping the test suite, a check failed\n');
        stopSuite('SIGTERM');
      }
      return { code, lines };
    }
    lines.push(`${name}: passed in ${seconds} s${output.trim() ? `\n${output.trimEnd()}` : ''}`);
  }
  return { code: 0, lines };
}

const [checked, tested] = await Promise.all([checks(), vitest.done]);
if (checked.lines.length > 0) process.stdout.write(`\n${checked.lines.join('\n')}\n`);
process.exitCode = checked.code || tested.code;
