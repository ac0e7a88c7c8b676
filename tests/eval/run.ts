/**
 * `npm run eval`: top-1 accuracy on answerable questions and the decline rate on unanswerable
 * ones, per category and overall, for the project's matcher and the naive fuse.js baseline.
 * `--failures` also lists what the project's matcher got wrong.
 */
import { createBot } from '../../src/core/bot.js';
import { loadKnowledge } from '../../src/core/knowledge/load.js';
import { evaluate, loadDevSet, naiveBaseline, type CategoryScore, type EvalReport, type Predictor } from './evaluate.js';

const pct = (n: number, d: number): string => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function row(name: string, s: CategoryScore, unanswerable: boolean): string {
  const main = pct(s.correct, s.total);
  const extra = unanswerable
    ? `not answered ${pct(s.notAnswered, s.total)}  answered ${pct(s.wrong, s.total)}`
    : `wrong answer ${pct(s.wrong, s.total)}  right in suggestions ${pct(s.suggested, s.total)}`;
  return `  ${name.padEnd(18)} n=${String(s.total).padStart(3)}  ${unanswerable ? 'declined' : 'top-1   '} ${main}  ${extra}`;
}

function print(title: string, r: EvalReport): void {
  console.log(`\n${title}`);
  for (const c of r.categories) console.log(row(c.category, c, c.category === 'unanswerable'));
  console.log(row('ALL answerable', r.answerable, false));
  console.log(row('ALL unanswerable', r.unanswerable, true));
}

const knowledge = loadKnowledge('knowledge');
const bot = createBot({ knowledge });
const project: Predictor = (q) => {
  const a = bot.ask(q);
  return { decision: a.decision, id: a.entry?.id, suggestions: a.suggestions.map((s) => s.id) };
};
const cases = loadDevSet();
const mine = evaluate(cases, project);
console.log(`Development set: ${cases.length} questions (${mine.answerable.total} answerable, ${mine.unanswerable.total} unanswerable)`);
print('Project matcher', mine);
print('Naive baseline (fuse.js defaults over question + alternates, first hit)', evaluate(cases, naiveBaseline(knowledge.entries)));
if (process.argv.includes('--failures')) {
  console.log('\nFailures (project matcher):');
  for (const f of mine.failures) {
    const got = f.got.decision === 'answer' ? f.got.id : `${f.got.decision} [${(f.got.suggestions ?? []).join(', ')}]`;
    console.log(`  [${f.case.category}] ${f.case.q}\n      expected ${f.case.expect}, got ${got}`);
  }
}
