// `report` in-process through its exported main; the JSON report runs as a real process
// (node dist/cli/report.js), the entry point's one smoke test.
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/report.js';
import type { CuratorReport } from '../../src/core/digest/curator.js';
import type { QuestionRecord } from '../../src/core/store.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../core/digest/fakes.js';
import { runDist, runInProcess } from '../helpers/cli.js';

const env = (dataDir: string) => ({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
const report = (dataDir: string, args: string[]) => runInProcess('report', main, args, { env: env(dataDir) });

const DAY = 86_400_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const asked = (question: string, decision: QuestionRecord['decision'], when: Date, entryId?: string): QuestionRecord => ({
  at: when,
  platform: 'slack',
  channel: 'slack:C1',
  askerId: 'U1',
  question,
  decision,
  confidence: 0.2,
  ...(entryId ? { entryId } : {}),
});

describe('npm run report', { timeout: 60_000 }, () => {
  let dir = '';
  beforeAll(async () => {
    dir = tempDir();
    const store = openSqliteStore({ dataDir: dir });
    // Logged as the bot logs them, without waiting for the write: closing the store writes them.
    const writes: Promise<void>[] = [];
    for (const r of [
      asked('What is the weather in Beijing?', 'decline', ago(DAY)),
      asked('what is the weather in Beijing', 'decline', ago(2 * DAY)),
      asked('Weather in Beijing?', 'decline', ago(3 * DAY)),
      asked('Who is the president of Peru?', 'decline', ago(DAY)),
      asked('Who wrote the paper?', 'answer', ago(DAY), 'paper-author'),
      asked('who is the author', 'answer', ago(DAY), 'paper-author'),
      asked('an old question nobody could answer', 'decline', ago(10 * DAY)),
    ]) {
      writes.push(store.logQuestion(r));
    }
    await store.record({ platform: 'slack', userId: 'U2', entryId: 'paper-author', helpful: false });
    await store.record({ platform: 'teams', userId: 'aad-3', entryId: 'paper-author', helpful: true, comment: 'spot on' });
    await store.record({ platform: 'teams', userId: 'aad-4', entryId: 'paper-author', helpful: false, comment: 'Which book?\n\u001b[31mred' });
    store.close();
    await Promise.all(writes);
  });

  it('prints the report as JSON for tools: gaps grouped and counted, unhelpful and most asked entries (a real process)', () => {
    const out = runDist('src/cli/report.ts', ['--since', '7d', '--json'], { env: env(dir) });
    expect(out.status).toBe(0);
    const r = JSON.parse(out.stdout) as CuratorReport;
    expect(r.totals).toEqual({ questions: 6, answered: 2, suggested: 0, declined: 4, smalltalk: 0 });
    expect(r.unanswered.map((g) => [g.example, g.count])).toEqual([
      ['What is the weather in Beijing?', 3],
      ['Who is the president of Peru?', 1],
    ]);
    expect(r.unanswered[0]?.hint).toMatch(/add an entry/);
    expect(r.notHelpful).toEqual([
      expect.objectContaining({ id: 'paper-author', notHelpful: 2, helpful: 1, comments: ['Which book?\n\u001b[31mred'], file: expect.stringMatching(/knowledge\/qa\/.+\.yaml$/) }),
    ]);
    expect(r.mostAsked).toEqual([expect.objectContaining({ id: 'paper-author', count: 2 })]);
  });

  it('covers 30 days by default and prints text for people', async () => {
    const out = await report(dir, []);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^Curator's report, /);
    expect(out.stdout).toContain('7 questions: 2 answered, 0 only "did you mean", 5 declined, 0 small talk.');
    expect(out.stdout).toMatch(/1\. "What is the weather in Beijing\?" ×3 \(3 declined, 0 "did you mean"\)\n {5}also asked as: /);
    expect(out.stdout).toMatch(/Answers marked Not helpful:\n {2}1\. paper-author ".+": 2 not helpful, 1 helpful\n {5}said: "Which book\?\\n\\u001b\[31mred"\n {5}→ /);
    expect(out.stdout).not.toContain('spot on');
    expect(out.stdout).not.toContain('\u001b');
    expect(out.stdout).toMatch(/Most asked entries:\n {2}1\. paper-author ".+" ×2/);
  });

  it('says where it looked when there is no database, and creates none', async () => {
    const empty = tempDir();
    const out = await report(empty, []);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/No data to report on: .*eu-china-bot\.sqlite does not exist.*DATA_DIR/);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('refuses an unreadable --since with usage', async () => {
    const out = await report(dir, ['--since', 'last week']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/Cannot read --since "last week"[\s\S]*Usage/);
  });
});
