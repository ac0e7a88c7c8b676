import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DB_FILE, openSqliteStore } from '../../src/store/sqlite.js';
import { openSqlite } from '../../src/store/sqliteDriver.js';
import { tempDir } from '../core/digest/fakes.js';

// node itself with tsx's loader (not the tsx CLI, which runs the script in a child process that
// a SIGKILL of the CLI would leave running).
const node = (script: string, args: string[]) => spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });

/** Runs the crash writer until it has committed `batches` batches, then SIGKILLs it; returns the last batch it reported. */
function writeThenKill(dir: string, batches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = node('tests/store/fixtures/crashWriter.ts', [dir]);
    let last = -1;
    let stderr = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', () => clearTimeout(guard));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      const lines = d.toString().trim().split('\n');
      last = Number(lines.at(-1));
      if (last >= batches) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve(last) : reject(new Error(`writer exited by itself: ${stderr}`))));
  });
}

describe('after a crash', { timeout: 60_000 }, () => {
  it('reopens a consistent database holding every write that was committed, and no half of one', async () => {
    const dir = tempDir();
    const last = await writeThenKill(dir, 40);
    expect(existsSync(join(dir, `${DB_FILE}-wal`))).toBe(true);
    const store = openSqliteStore({ dataDir: dir });
    const db = openSqlite(join(dir, DB_FILE), { readonly: true });
    expect(db.pragma('integrity_check')).toBe('ok');
    const subs = (await store.subscriptions()).length;
    const seeded = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM seeded_channels').get()?.n;
    expect(subs % 50).toBe(0);
    expect(seeded).toBe(subs);
    expect(subs).toBeGreaterThanOrEqual((last + 1) * 50);
    const questions = await store.questions({});
    expect(questions.length).toBeGreaterThanOrEqual(last + 1);
    const sent = await store.digestRecords(10_000);
    expect(sent.filter((r) => r.status === 'sent').length).toBeGreaterThanOrEqual(last + 1);
    expect(sent.every((r) => r.status === 'sent' || r.status === 'claimed')).toBe(true);
    db.close();
    store.close();
  });

  it('lets the next process carry on writing', async () => {
    const dir = tempDir();
    await writeThenKill(dir, 5);
    const store = openSqliteStore({ dataDir: dir });
    await store.subscribe({ platform: 'slack', channel: 'slack:after', time: '09:00', timeZone: 'UTC' });
    expect(await store.subscription('slack:after')).toBeDefined();
    store.close();
  });
});

describe('several processes sharing one database file', { timeout: 60_000 }, () => {
  it('gives a (channel, day) claim to exactly one of them', async () => {
    const dir = tempDir();
    openSqliteStore({ dataDir: dir }).close();
    const children = [0, 1, 2, 3].map(() => node('tests/store/fixtures/claimAt.ts', [dir]));
    const outputs = children.map(
      (child) =>
        new Promise<string>((resolve, reject) => {
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
        }),
    );
    const ready = (child: (typeof children)[number]) => new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await Promise.all(children.map(ready));
    // Every child has its store open: one instant, a little ahead, for all of them.
    const startAt = String(Date.now() + 200);
    for (const child of children) child.stdin.end(`${startAt}\n`);
    const results = (await Promise.all(outputs)).map((out) => out.trim().split('\n').at(-1));
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r === 'busy')).toHaveLength(3);
  });
});
