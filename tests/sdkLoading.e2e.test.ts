/**
 * Each platform SDK is loaded only when its platform is configured: `node dist/main.js` with
 * Slack alone never loads botbuilder or botframework-*, and with Teams alone never loads
 * @slack/*. The process runs with a preload (tests/helpers/moduleTrace.mjs) that records every
 * module the ESM loader resolves and, at exit, every CommonJS module in require.cache; each run
 * also checks that the configured platform's SDK shows up, so the trace cannot pass by seeing nothing.
 * The production entry point is a bundle (scripts/bundle.mjs): a loaded file of dist/bundle/ counts
 * as every module esbuild put in it, read from the bundle's metafile (dist/bundle/meta.json).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from './core/digest/fakes.js';
import { startBot, type BotProcess } from './helpers/botProcess.js';
import { startFakeSlackApi, type FakeSlackApi } from './helpers/slackFakeApi.js';
import { TEST_SIGNING_SECRET } from './helpers/slackRequests.js';

let fake: FakeSlackApi | undefined;
let bot: BotProcess | undefined;
afterEach(async () => {
  bot?.child.kill('SIGKILL');
  await fake?.close();
  bot = fake = undefined;
});

const TRACE = ['--import', './tests/helpers/moduleTrace.mjs'];
const SLACK_SDK = /node_modules\/@slack\//;
const TEAMS_SDK = /node_modules\/(botbuilder|botframework-)/;

const BUNDLE = join('dist', 'bundle');

/** What each file of the bundle holds: its name in dist/bundle/ -> the inputs esbuild put in it. */
function bundleContents(): Map<string, string[]> {
  const meta = JSON.parse(readFileSync(join(BUNDLE, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
  return new Map(Object.entries(meta.outputs).map(([file, output]) => [basename(file), Object.keys(output.inputs)]));
}

/** Each loaded file of the bundle replaced by the modules it holds; other modules as they are. */
function unbundled(modules: readonly string[]): string[] {
  const contents = bundleContents();
  return modules.flatMap((m) => (m.includes(`/${BUNDLE}/`) ? (contents.get(basename(m)) ?? [m]) : [m]));
}

/** Starts the bot with `env`, stops it with SIGTERM, and returns every module it loaded. */
async function modulesLoaded(env: Record<string, string>): Promise<string[]> {
  const trace = join(tempDir(), 'modules.txt');
  bot = await startBot({ ...env, DATA_DIR: tempDir(), MODULE_TRACE_FILE: trace }, TRACE);
  bot.child.kill('SIGTERM');
  expect(await bot.exited).toBe(0);
  return unbundled(readFileSync(trace, 'utf8').split('\n').filter((l) => l !== ''));
}

describe('platform SDKs', { timeout: 240_000 }, () => {
  it('a Slack-only process loads @slack/bolt and never botbuilder', async () => {
    fake = await startFakeSlackApi();
    const modules = await modulesLoaded({ SLACK_BOT_TOKEN: 'xoxb-sdk-test', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl });
    expect(modules.filter((m) => SLACK_SDK.test(m)).length).toBeGreaterThan(0);
    expect(modules.filter((m) => TEAMS_SDK.test(m))).toEqual([]);
  });

  it('a Teams-only process loads botbuilder and never @slack/*', async () => {
    const modules = await modulesLoaded({ TEAMS_LOCAL: '1' });
    expect(modules.filter((m) => TEAMS_SDK.test(m)).length).toBeGreaterThan(0);
    expect(modules.filter((m) => SLACK_SDK.test(m))).toEqual([]);
  });
});
