/**
 * `npm run eval`: for each evaluation set (train, dev, fresh; `--set dev` for one) in each language (en, fr, de; `--lang fr` for one), the share of
 * answerable questions answered right / wrong / only suggested / declined, and of unanswerable ones
 * not answered / answered, per category and overall, plus wrong answers as a share of all
 * questions. `--failures` lists what went wrong, `--json` prints the figures as JSON, `--file F`
 * keeps only the questions of the set file F,
 * `--baseline` adds the naive fuse.js baseline.
 */
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateFollowUps, loadFollowUps, newQuestionCases, type FollowUpCase } from './followups.js';
import { EVAL_DIR, EVAL_LANGUAGES, evaluate, loadSet, naiveBaseline, setDir, SET_KINDS, type CategoryScore, type EvalReport, type Predictor, type SetKind } from './evaluate.js';

const pct = (n: number, d: number): string => (d === 0 ? '    - ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function row(s: CategoryScore, answerable: boolean): string {
  const head = `  ${s.category.padEnd(18)} n=${String(s.total).padStart(3)}`;
  if (!answerable) return `${head}  not answered ${pct(s.right, s.total)}  answered ${pct(s.wrong, s.total)}`;
  return `${head}  right ${pct(s.right, s.total)}  wrong ${pct(s.wrong, s.total)}  suggested ${pct(s.suggested, s.total)}  declined ${pct(s.declined, s.total)}`;
}

function print(title: string, r: EvalReport): void {
  console.log(`\n${title}`);
  for (const c of r.categories) console.log(row(c, !isUnanswerableCategory(c.category)));
  console.log(row(r.answerable, true));
  console.log(row(r.unanswerable, false));
  console.log(`  wrong answers, share of all ${r.all.total} questions: ${pct(r.all.wrong, r.all.total)}`);
}

function isUnanswerableCategory(category: string): boolean {
  return ['unanswerable', 'near-miss', 'out-of-scope'].includes(category);
}

const args = process.argv.slice(2);
const chosen = args.flatMap((a, i) => (a === '--set' && args[i + 1] ? [args[i + 1] as SetKind] : []));
const langs = args.flatMap((a, i) => (a === '--lang' && args[i + 1] ? [args[i + 1] ?? ''] : []));
// `--file fresh-11.jsonl`: only the questions of that file of each set (a new fresh set scored on its own).
const files = args.flatMap((a, i) => (a === '--file' && args[i + 1] ? [args[i + 1] ?? ''] : []));
const kinds = chosen.length > 0 ? chosen : SET_KINDS;
const knowledge = loadKnowledge('knowledge');
const bot = createBot({ knowledge });
const project: Predictor = (q) => {
  const a = bot.ask(q);
  return { decision: a.decision, id: a.entry?.id, suggestions: a.suggestions.map((s) => s.id) };
};
const json: Record<string, unknown> = {};
const runs = (langs.length > 0 ? langs : EVAL_LANGUAGES).flatMap((lang) => kinds.map((kind) => ({ lang, kind, dir: setDir(lang, kind) })));
for (const { lang, kind, dir } of runs) {
  if (!existsSync(dir)) continue;
  const cases = loadSet(dir).filter((c) => files.length === 0 || files.includes(c.file));
  if (cases.length === 0) continue;
  const report = evaluate(cases, project);
  const name = lang === 'en' ? kind : `${lang}-${kind}`;
  if (args.includes('--json')) {
    json[name] = { categories: report.categories, answerable: report.answerable, unanswerable: report.unanswerable, all: report.all };
    continue;
  }
  print(`${name}: ${cases.length} questions (${report.answerable.total} answerable, ${report.unanswerable.total} unanswerable)`, report);
  if (args.includes('--baseline')) print(`${kind}, naive baseline (fuse.js defaults over question + alternates, first hit)`, evaluate(cases, naiveBaseline(knowledge.entries)));
  if (args.includes('--failures')) {
    console.log(`\nFailures (${kind}):`);
    for (const f of report.failures) {
      const got = f.got.decision === 'answer' ? f.got.id : `${f.got.decision} [${(f.got.suggestions ?? []).join(', ')}]`;
      console.log(`  [${f.case.file} ${f.case.category}] ${f.case.q}\n      expected ${String(f.case.expect)}, got ${got}`);
    }
  }
}
const followUpSets = readdirSync(join(EVAL_DIR, 'followups')).filter((f) => f.endsWith('.jsonl')).map((f) => f.replace(/\.jsonl$/, ''));
const wantedFollowUps = langs.length > 0 && !langs.includes('en') ? [] : chosen.length > 0 ? followUpSets.filter((n) => chosen.some((k) => n.startsWith(k))) : followUpSets;
const followUpRuns: { name: string; cases: FollowUpCase[] }[] = wantedFollowUps.sort().map((name) => ({ name, cases: loadFollowUps(name) }));
// A new question mid-conversation, built from the train follow-ups and the train questions (newQuestionCases).
const trainFollowUps = followUpRuns.filter((r) => r.name.startsWith('train')).flatMap((r) => r.cases);
if (trainFollowUps.length > 0) followUpRuns.push({ name: 'new-question, from train', cases: newQuestionCases(trainFollowUps, loadSet('train')) });
for (const { name, cases } of followUpRuns) {
  const report = await evaluateFollowUps(bot, cases);
  if (args.includes('--json')) {
    json[`followups-${name}`] = { kinds: report.kinds, contextRight: report.contextRight, total: cases.length };
    continue;
  }
  console.log(`\nfollow-ups (${name}): ${cases.length} exchanges; first question answered right ${pct(report.contextRight, cases.length)}`);
  for (const k of report.kinds) console.log(row(k, k.category !== 'not-given'));
  if (args.includes('--failures')) {
    for (const f of report.failures) console.log(`  [${f.case.kind}] ${f.case.context} -> ${f.case.followup}\n      expected ${String(f.case.expect)}, got ${f.got}`);
  }
}
if (args.includes('--json')) console.log(JSON.stringify(json, null, 2));
