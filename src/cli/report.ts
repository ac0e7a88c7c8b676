/**
 * `npm run report [-- --since 7d] [--json]`: the curator's report from the question log and the
 * feedback clicks in the store `npm start` uses: PostgreSQL when DATABASE_URL is set, otherwise
 * SQLite in DATA_DIR. Plain text for people, one JSON object for tools. It never creates a SQLite
 * file: a missing one means DATA_DIR points to the wrong place, or the bot never ran.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildCuratorReport, type CuratorReport } from '../core/digest/curator.js';
import type { Config } from '../config.js';
import type { Store } from '../core/store.js';
import { createLogger } from '../logger.js';
import { openConfiguredStore } from '../store/open.js';
import { DB_FILE } from '../store/sqlite.js';
import { load, runCli, type CliIo } from './common.js';

const USAGE = `Usage:
  npm run report                      the last 30 days, as text
  npm run report -- --since 7d        the last 7 days (h, d or w; or a date such as 2024-03-01)
  npm run --silent report -- --json   one JSON object`;

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** `7d`, `24h`, `2w` before `now`, or an ISO date; undefined when unreadable. */
function parseSince(text: string, now: Date): Date | undefined {
  const m = /^(\d+)([hdw])$/.exec(text);
  if (m) return new Date(now.getTime() - Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]);
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

interface Args {
  readonly since: string;
  readonly json: boolean;
}

function parseArgs(argv: readonly string[]): Args | string {
  let since = '30d';
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--since') since = argv[++i] ?? '';
    else return `Unknown argument ${a ?? ''}.`;
  }
  return { since, json };
}

const quote = (s: string): string => `"${s}"`;

/** The report as a person reads it. */
function reportText(r: CuratorReport): string {
  const t = r.totals;
  const lines = [
    `Curator's report, ${r.since.slice(0, 16).replace('T', ' ')} to ${r.until.slice(0, 16).replace('T', ' ')} UTC`,
    `${t.questions} questions: ${t.answered} answered, ${t.suggested} only "did you mean", ${t.declined} declined, ${t.smalltalk} small talk.`,
    '',
    'Not answered (declined or only "did you mean"), similar questions grouped:',
  ];
  if (r.unanswered.length === 0) lines.push('  none');
  r.unanswered.forEach((g, i) => {
    lines.push(`  ${i + 1}. ${quote(g.example)} ×${g.count} (${g.declined} declined, ${g.suggested} "did you mean"${g.suggestedEntry ? `, mostly ${g.suggestedEntry.id}` : ''})`);
    if (g.variants.length > 1) lines.push(`     also asked as: ${g.variants.slice(1).map(quote).join(', ')}`);
    lines.push(`     → ${g.hint}`);
  });
  lines.push('', 'Answers marked Not helpful:');
  if (r.notHelpful.length === 0) lines.push('  none');
  r.notHelpful.forEach((e, i) =>
    lines.push(
      `  ${i + 1}. ${e.id} ${quote(e.question)}: ${e.notHelpful} not helpful, ${e.helpful} helpful`,
      // People's words, JSON-quoted so a newline or a terminal escape in a comment stays visible text.
      ...e.comments.map((c) => `     said: ${JSON.stringify(c)}`),
      `     → ${e.hint}`,
    ),
  );
  lines.push('', 'Most asked entries:');
  if (r.mostAsked.length === 0) lines.push('  none');
  r.mostAsked.forEach((e, i) => lines.push(`  ${i + 1}. ${e.id} ${quote(e.question)} ×${e.count}`));
  return lines.join('\n');
}

/** `report` on `io`: the exit code (1 without a database, 2 for a usage error). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv);
  const now = new Date();
  const since = typeof args === 'string' ? undefined : parseSince(args.since, now);
  if (typeof args === 'string' || !since) {
    io.stderr.write(`${typeof args === 'string' ? args : `Cannot read --since "${args.since}".`}\n${USAGE}\n`);
    return 2;
  }
  const { config, bot } = load(io.env);
  const store = await openReportStore(config, io);
  if (!store) return 1;
  try {
    const range = { since, until: now };
    const report = buildCuratorReport({ knowledge: bot.knowledge, questions: await store.questions(range), feedback: await store.feedback(range), ...range });
    io.stdout.write(args.json ? `${JSON.stringify(report)}\n` : `${reportText(report)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

/** The configured store; undefined (said on stderr) when SQLite is configured and DATA_DIR holds no database. */
async function openReportStore(config: Config, io: CliIo): Promise<Store | undefined> {
  const file = join(config.dataDir, DB_FILE);
  if (!config.database && !existsSync(file)) {
    io.stderr.write(`No data to report on: ${file} does not exist. The bot creates it when it starts; set DATA_DIR to the folder it uses (now "${config.dataDir}"), or DATABASE_URL if it runs on PostgreSQL.\n`);
    return undefined;
  }
  return openConfiguredStore(config, { now: () => new Date() }, createLogger(config.logLevel, io.stderr));
}

runCli('report', main, import.meta.url);
