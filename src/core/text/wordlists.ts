/**
 * The word lists the matcher reads, precomputed by `npm run build` (scripts/wordlists.ts) into
 * build/wordlists/ instead of being built from the npm packages at start-up: folding 450k French
 * and German words took ~2 s and the Sets and Map held ~60 MB of heap. Each list is one file, its
 * words sorted and '\n'-joined, read on first use into one string and searched in place: it costs
 * its size in heap (one byte a character) and no start-up work. A missing list stops start-up
 * with the command that builds it, rather than quietly rebuilding it slowly from the packages.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { WordListError } from '../errors.js';
import { remembered } from './remembered.js';

/** The lists: English dictionary, SUBTLEX-US forms in common use, French and German dictionaries folded. */
export const WORD_LIST_NAMES = ['en-words', 'en-spoken', 'fr-words', 'de-words'] as const;
export type WordListName = (typeof WORD_LIST_NAMES)[number];

export interface WordList {
  /** True when `word` is in the list, exactly as written. */
  has(word: string): boolean;
}

/** Where a list comes from: the files under build/wordlists/ unless a bench or test says otherwise. */
export type WordListSource = (name: WordListName) => WordList;

/** build/wordlists/ at the root of the checkout (src/core/text/ and dist/core/text/ sit at the same depth). */
export const WORD_LISTS_DIR = fileURLToPath(new URL('../../../build/wordlists/', import.meta.url));

/** The file holding list `name` in `dir`. */
export const wordListFile = (dir: string, name: WordListName): string => join(dir, `${name}.txt`);

/** The text of a list file: its distinct words, sorted by UTF-16 code units (`Array#sort`), '\n'-joined. */
export function wordListText(words: Iterable<string>): string {
  const distinct = [...new Set(words)];
  const broken = distinct.find((w) => w.includes('\n'));
  if (broken !== undefined) throw new Error(`a word list cannot hold a line break: ${JSON.stringify(broken)}`);
  return distinct.sort().join('\n');
}

/** Compares `word` with `text.slice(start, end)` without copying it, in `Array#sort` order. */
function compareAt(word: string, text: string, start: number, end: number): number {
  const length = Math.min(word.length, end - start);
  for (let i = 0; i < length; i++) {
    const d = word.charCodeAt(i) - text.charCodeAt(start + i);
    if (d !== 0) return d;
  }
  return word.length - (end - start);
}

/** A list over the text of a list file: binary search on character positions, each probe widened to its line. */
export function sortedWordList(text: string): WordList {
  // Each probe scans for line breaks; a question asks about the same few words several times.
  const search = (word: string): boolean => {
    if (word.includes('\n')) return false;
    // Invariant: lo is the start of a line, hi the start of a line or one past the end of the text.
    let lo = 0;
    let hi = text.length + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = mid === 0 ? 0 : text.lastIndexOf('\n', mid - 1) + 1;
      const newline = text.indexOf('\n', start);
      const end = newline === -1 ? text.length : newline;
      const order = compareAt(word, text, start, end);
      if (order === 0) return true;
      if (order < 0) hi = start;
      else lo = end + 1;
    }
    return false;
  };
  return { has: remembered(search, 4000) };
}

/** Reads list `name` from `dir`; a missing or unreadable file is a WordListError naming the command to run. */
export function readWordList(dir: string, name: WordListName): WordList {
  const file = wordListFile(dir, name);
  try {
    return sortedWordList(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new WordListError(
      `the word list ${file} is missing or unreadable: run \`npm run build\` (npm ci and npm start build it too; \`npm run wordlists\` builds only the word lists)`,
      { cause: error },
    );
  }
}

let source: WordListSource = (name) => readWordList(WORD_LISTS_DIR, name);
const loaded = new Map<WordListName, WordList>();

/** List `name`, read on its first use and kept for the life of the process. */
export function wordList(name: WordListName): WordList {
  let list = loaded.get(name);
  if (!list) {
    list = source(name);
    loaded.set(name, list);
  }
  return list;
}

/** Makes every later look-up read its lists from `next` (benches compare sources; tests point at other folders). */
export function useWordLists(next: WordListSource): void {
  source = next;
  loaded.clear();
}
