/**
 * What the benches ask: the checked-in English eval questions (tests/eval/dev and tests/eval/train,
 * answerable and unanswerable alike), as people typed them rather than the knowledge entries' own
 * wording, in a fixed shuffled order so consecutive events differ and every run asks the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SETS = ['tests/eval/dev', 'tests/eval/train'];

/** Every `q` of the English eval sets, shuffled with a fixed seed. */
export function evalQuestions(root = '.'): string[] {
  const questions: string[] = [];
  for (const dir of SETS) {
    for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith('.jsonl')).sort()) {
      for (const line of readFileSync(join(root, dir, file), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const row: unknown = JSON.parse(line);
        if (typeof row === 'object' && row !== null && 'q' in row && typeof row.q === 'string') questions.push(row.q);
      }
    }
  }
  if (questions.length === 0) throw new Error(`no questions found under ${SETS.join(', ')}`);
  return shuffled(questions);
}

/** Fisher-Yates with a small linear congruential generator: the same order every run. */
function shuffled<T>(items: T[]): T[] {
  let seed = 742;
  const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
