// `digest` in-process through its exported main (its real-process runs, with Slack and with Teams
// configured, are tests/adapters/*/digestCli.e2e.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/digest.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';
import { runInProcess } from '../helpers/cli.js';

const NO_PLATFORM = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', MicrosoftAppId: '', CLIENT_ID: '', TEAMS_LOCAL: '', DIGEST_SLACK_CHANNELS: '', LOG_LEVEL: 'warn' };
const digest = (dataDir: string, args: string[], env: Record<string, string> = {}) => runInProcess('digest', main, args, { env: { ...NO_PLATFORM, DATA_DIR: dataDir, ...env } });

describe('npm run digest', { timeout: 60_000 }, () => {
  let dir = '';
  beforeAll(async () => {
    dir = tempDir();
    const store = openSqliteStore({ dataDir: dir, clock: fakeClock('2024-03-01T00:00:00Z') });
    await store.subscribe({ platform: 'slack', channel: 'slack:C1', time: '09:00', timeZone: 'Europe/Paris' });
    store.close();
  });

  it('run-due posts nothing before the local time, then one digest with citations, then nothing again', async () => {
    const early = await digest(dir, ['run-due', '--at', '2024-03-31T06:59:00Z']);
    expect(early.status).toBe(0);
    expect(early.stdout).toBe('run-due at 2024-03-31T06:59:00.000Z: 0 sent, 0 failed, 0 unsubscribed\n');
    const due = await digest(dir, ['run-due', '--at', '2024-03-31T07:00:00Z']);
    expect(due.status).toBe(0);
    expect(due.stdout).toMatch(/^── slack:C1 ──\nEU-China digest · 31 March 2024\n\nInsight of the day: .+\n/);
    expect(due.stdout).toMatch(/Sources:\n {2}\[1\] (?:Section '.+', paragraph \d+ of \d+|Footnote \d+): ".+"/);
    expect(due.stdout).toContain('1 sent, 0 failed');
    const again = await digest(dir, ['run-due', '--at', '2024-03-31T07:05:00Z']);
    expect(again.stdout).toBe('run-due at 2024-03-31T07:05:00.000Z: 0 sent, 0 failed, 0 unsubscribed\n');
  });

  it('lists subscriptions with their last digest, and those from DIGEST_SLACK_CHANNELS', async () => {
    const out = await digest(dir, ['list'], { DIGEST_SLACK_CHANNELS: 'C0123456789', DIGEST_TZ: 'Europe/Paris' });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^slack:C1 {2}09:00 Europe\/Paris en {2}\(slack, since 2024-03-01; last digest: 2024-03-31 sent\)$/m);
    expect(out.stdout).toMatch(/^slack:C0123456789 {2}09:00 Europe\/Paris /m);
  });

  it('previews today\'s digest for a channel', async () => {
    const out = await digest(dir, ['preview', 'slack:C9']);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^EU-China digest · .+\n\nInsight of the day: /);
  });

  it('subscribes and unsubscribes a channel key, with the same messages as the chat commands', async () => {
    expect((await digest(dir, ['subscribe', 'slack:C7', '25:00'])).stdout).toMatch(/^Invalid time "25:00"\. Use HH:MM, e\.g\. \/eu-china subscribe 08:30 Europe\/Paris/);
    expect((await digest(dir, ['subscribe', 'slack:C7', '07:30', 'Asia/Tokyo'])).stdout).toMatch(/^Subscribed: .* 07:30 \(Asia\/Tokyo\)/);
    expect((await digest(dir, ['unsubscribe', 'slack:C7'])).stdout).toMatch(/^Unsubscribed/);
  });

  it('refuses a bad --at or command with usage and exit code 2', async () => {
    const bad = await digest(dir, ['run-due', '--at', 'tomorrow']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--at needs an ISO time/);
    expect((await digest(dir, ['post'])).stderr).toMatch(/Unknown command "post"[\s\S]*Usage/);
  });

  it('refuses to start on an invalid DIGEST_TIME or DIGEST_TZ, naming the variable', async () => {
    const time = await digest(dir, ['list'], { DIGEST_TIME: '25:00' });
    expect(time.status).toBe(1);
    expect(time.stderr).toMatch(/DIGEST_TIME "25:00" is not a time; use HH:MM/);
    expect((await digest(dir, ['list'], { DIGEST_TZ: 'Mars/Olympus' })).stderr).toMatch(/DIGEST_TZ "Mars\/Olympus" is not an IANA time zone/);
    expect((await digest(dir, ['list'], { DIGEST_SLACK_CHANNELS: 'general' })).stderr).toMatch(/DIGEST_SLACK_CHANNELS: "general" is not a Slack channel id/);
  });
});
