/**
 * `npm run digest` and `npm run report` open the store `npm start` is configured with: with
 * DATABASE_URL set they read and write PostgreSQL (a real server, see tests/store/pgServer.ts)
 * and leave DATA_DIR empty; a wrong DATABASE_URL or a missing PSEUDONYM_SALT stops them with exit
 * code 1 and a message naming the variable, the password never printed. One run of each command
 * with PostgreSQL, and the runs whose output must not hold the password, are real processes
 * (`node dist/cli/<cli>.js`: argv, environment, exit code and everything the process prints); the
 * other runs call the command's `main` in this process (tests/helpers/cli.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main as digestMain } from '../../src/cli/digest.js';
import { main as reportMain } from '../../src/cli/report.js';
import type { CuratorReport } from '../../src/core/digest/curator.js';
import { openPostgresStore } from '../../src/store/postgres/store.js';
import { fakeClock, tempDir } from '../core/digest/fakes.js';
import { runDistAsync, runInProcess, type CliResult } from '../helpers/cli.js';
import { describeWithPg } from '../store/pgServer.js';

const SALT = randomBytes(32).toString('hex');
const NO_PLATFORM = { SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', SLACK_SIGNING_SECRET: '', MicrosoftAppId: '', CLIENT_ID: '', TEAMS_LOCAL: '', DIGEST_SLACK_CHANNELS: '', LOG_LEVEL: 'warn' };

type Cli = 'digest' | 'report';

/** `node dist/cli/<cli>.js args` as a real process (asynchronously: the test's own pool stays responsive). */
const real = (cli: Cli, args: readonly string[], env: Record<string, string>): Promise<CliResult> => runDistAsync(`src/cli/${cli}.ts`, args, { env: { ...NO_PLATFORM, ...env } });

/** The command's `main(args)` in this process, on the same environment. */
const inProcess = (cli: Cli, args: readonly string[], env: Record<string, string>): Promise<CliResult> =>
  runInProcess(cli, cli === 'digest' ? digestMain : reportMain, args, { env: { ...NO_PLATFORM, ...env } });

/** A loopback port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

await describeWithPg('npm run digest and npm run report with DATABASE_URL', (admin) => {
  it('run-due claims and records digests in PostgreSQL, once, and list reads them back; nothing in DATA_DIR', { timeout: 180_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      const seed = await openPostgresStore({ url: schema.url, salt: SALT, clock: fakeClock('2024-03-01T00:00:00Z') });
      await seed.subscribe({ platform: 'slack', channel: 'slack:C0PG000001', time: '09:00', timeZone: 'Europe/Paris' });
      await seed.subscribe({ platform: 'teams', channel: 'teams:19:pg@thread.tacv2', time: '09:00', timeZone: 'Europe/Paris' });
      await seed.close();
      const dataDir = tempDir();
      const env = { DATABASE_URL: schema.url, PSEUDONYM_SALT: SALT, DATA_DIR: dataDir };

      const due = await real('digest', ['run-due', '--at', '2024-03-31T07:00:00Z'], env);
      expect(due.stderr).toBe('');
      expect(due.status).toBe(0);
      expect(due.stdout).toContain('── slack:C0PG000001 ──\nEU-China digest · 31 March 2024');
      expect(due.stdout).toContain('run-due at 2024-03-31T07:00:00.000Z: 2 sent, 0 failed, 0 unsubscribed\n');
      const again = await inProcess('digest', ['run-due', '--at', '2024-03-31T07:05:00Z'], env);
      expect(again.stdout).toBe('run-due at 2024-03-31T07:05:00.000Z: 0 sent, 0 failed, 0 unsubscribed\n');

      const { rows } = await admin.query<{ channel: string; day: string; status: string }>(`SELECT channel, day, status FROM ${schema.name}.digests ORDER BY channel`);
      expect(rows).toEqual([
        { channel: 'slack:C0PG000001', day: '2024-03-31', status: 'sent' },
        { channel: 'teams:19:pg@thread.tacv2', day: '2024-03-31', status: 'sent' },
      ]);
      const list = await inProcess('digest', ['list'], env);
      expect(list.status).toBe(0);
      expect(list.stdout).toMatch(/^slack:C0PG000001 {2}09:00 Europe\/Paris en {2}\(slack, since 2024-03-01; last digest: 2024-03-31 sent\)$/m);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await schema.drop();
    }
  });

  it('report reads the question log and the clicks from PostgreSQL, with DATA_DIR empty', { timeout: 180_000 }, async () => {
    const schema = await admin.freshSchema();
    try {
      const store = await openPostgresStore({ url: schema.url, salt: SALT });
      const at = new Date(Date.now() - 86_400_000);
      const base = { at, platform: 'slack', channel: 'slack:C1', askerId: 'U1', confidence: 0.2 } as const;
      await store.logQuestion({ ...base, question: 'What is the weather in Beijing?', decision: 'decline' });
      await store.logQuestion({ ...base, question: 'weather in Beijing', decision: 'decline' });
      await store.logQuestion({ ...base, question: 'Who wrote the paper?', decision: 'answer', entryId: 'paper-author' });
      await store.record({ platform: 'teams', userId: 'aad-4', entryId: 'paper-author', helpful: false, comment: 'Which book?' });
      await store.close();
      const dataDir = tempDir();

      const out = await real('report', ['--since', '7d', '--json'], { DATABASE_URL: schema.url, PSEUDONYM_SALT: SALT, DATA_DIR: dataDir });
      expect(out.stderr).toBe('');
      expect(out.status).toBe(0);
      const report = JSON.parse(out.stdout) as CuratorReport;
      expect(report.totals).toEqual({ questions: 3, answered: 1, suggested: 0, declined: 2, smalltalk: 0 });
      expect(report.unanswered.map((g) => [g.example, g.count])).toEqual([[expect.stringMatching(/weather in Beijing/), 2]]);
      expect(report.notHelpful).toEqual([expect.objectContaining({ id: 'paper-author', notHelpful: 1, comments: ['Which book?'] })]);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await schema.drop();
    }
  });
});

describe('npm run digest and npm run report with a wrong DATABASE_URL', { timeout: 180_000 }, () => {
  const password = 'pw-never-printed-7f3a';

  it('exit 1 naming DATABASE_URL, its password hidden, when no server answers there', async () => {
    const url = `postgres://bot:${password}@127.0.0.1:${await closedPort()}/eu_china`;
    for (const [name, args] of [['digest', ['list']], ['report', []]] as const) {
      const dataDir = tempDir();
      const out = await real(name, args, { DATABASE_URL: url, PSEUDONYM_SALT: SALT, DATA_DIR: dataDir });
      expect({ name, status: out.status }).toEqual({ name, status: 1 });
      expect(out.stderr).toMatch(/eu-china-bot cannot start: Cannot open the PostgreSQL database in DATABASE_URL=postgres:\/\/bot:\*\*\*@127\.0\.0\.1:\d+\/eu_china .*check DATABASE_URL in \.env/);
      expect(out.stderr + out.stdout).not.toContain(password);
      expect(readdirSync(dataDir)).toEqual([]);
    }
  });

  it('exit 1 naming DATABASE_URL when it is not a PostgreSQL URL, and PSEUDONYM_SALT when it is missing', async () => {
    for (const name of ['digest', 'report'] as const) {
      const args = name === 'digest' ? ['list'] : [];
      const notPg = await inProcess(name, args, { DATABASE_URL: `mysql://bot:${password}@127.0.0.1/eu_china`, PSEUDONYM_SALT: SALT, DATA_DIR: tempDir() });
      expect({ name, status: notPg.status }).toEqual({ name, status: 1 });
      expect(notPg.stderr).toMatch(/DATABASE_URL must be a PostgreSQL URL such as postgres:\/\//);
      expect(notPg.stderr).not.toContain(password);
      const noSalt = await inProcess(name, args, { DATABASE_URL: 'postgres://bot@127.0.0.1:5432/eu_china', PSEUDONYM_SALT: '', DATA_DIR: tempDir() });
      expect({ name, status: noSalt.status }).toEqual({ name, status: 1 });
      expect(noSalt.stderr).toMatch(/PSEUDONYM_SALT is required when DATABASE_URL is set/);
    }
  });
});
