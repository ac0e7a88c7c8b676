// Runs a command line two ways with one result shape ({ status, stdout, stderr }, as spawnSync
// gives): in-process, calling the command's exported `main` with its own streams and environment
// (what most CLI tests need: the logic, without a process start-up of several seconds on a busy
// machine), or as a real `node dist/...` process (the one smoke test per entry point: argv, exit
// code and streams of a real process; dist/ is built once per run by tests/helpers/buildSetup.ts).
import { spawn, spawnSync } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { runMain, type CliMain } from '../../src/cli/common.js';

/** How long a real process may take: start-up alone takes several seconds on a busy 2-core machine. */
const PROCESS_TIMEOUT_MS = 60_000;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  /** Variables over the test process's environment (as a child would inherit it). */
  readonly env?: Readonly<Record<string, string>>;
  /** What the command reads on stdin, then end of input. */
  readonly input?: string;
}

/** Collects everything written to a fresh stream. */
function collector(): { readonly stream: PassThrough; readonly text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** `main(argv)` in this process, as `runCli` runs it for a real one. */
export async function runInProcess(name: string, main: CliMain, argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const stdout = collector();
  const stderr = collector();
  const status = await runMain(name, main, argv, { env: { ...process.env, ...options.env }, stdin, stdout: stdout.stream, stderr: stderr.stream });
  await new Promise<void>((resolve) => setImmediate(resolve));
  return { status, stdout: stdout.text(), stderr: stderr.text() };
}

/** The compiled entry point for a source file: src/cli/ask.ts -> dist/cli/ask.js. */
export const distScript = (source: string): string => source.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

/** `node dist/<script>` as a real process, synchronously (stdin given, then closed). */
export function runDist(source: string, args: readonly string[], options: CliOptions = {}): CliResult {
  const out = spawnSync(process.execPath, [distScript(source), ...args], { input: options.input ?? '', encoding: 'utf8', env: { ...process.env, ...options.env }, timeout: PROCESS_TIMEOUT_MS });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** `node dist/<script>` as a real process that may talk to servers in this test process meanwhile. */
export function runDistAsync(source: string, args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [distScript(source), ...args], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'], timeout: PROCESS_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.stdin.end(options.input ?? '');
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
